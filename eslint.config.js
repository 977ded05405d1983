// ESLint: typescript-eslint's strict type-checked rules over src/, tests/ and scripts/.
// Formatting is Prettier's job (npm run lint runs both); this file only holds rules.
// Sites that predate the linter are listed in eslint-suppressions.json (per file and rule) so
// the rules guard new code; fixing one there and re-running with --prune-suppressions shrinks it.
import eslint from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: ['dist/', 'out/', 'coverage/', 'examples/', 'templates/', 'tests/.readme-example/', '**/.techfile-tmp-*'],
  },
  eslint.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: {
        // vitest.config.ts sits outside tsconfig.json's include list.
        projectService: { allowDefaultProject: ['vitest.config.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Numbers and booleans in messages are the point of a template literal; objects and
      // nullish values still have to be turned into text on purpose.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // A leading underscore marks a binding kept for its position or to drop it from a rest.
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // The code's style: `return ctx.exit(code)` and `(x) => io.stdout(x)` end a command in one line.
      '@typescript-eslint/no-confusing-void-expression': 'off',
      // `[...text]` splits into code points on purpose (widths, hyphenation, escapes).
      '@typescript-eslint/no-misused-spread': 'off',
      // Sanitisers and terminal escaping match control characters on purpose.
      'no-control-regex': 'off',
      // False positives: properties named bold/italics/link on a union with string resolve to
      // String.prototype's deprecated HTML methods.
      '@typescript-eslint/no-deprecated': 'off',
    },
  },
  {
    // Tests index into fixtures they just built and assert on them: `!` is the readable form there.
    files: ['tests/**/*.ts', 'src/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // Plain JavaScript (scripts/*.mjs, this file) is not in the TypeScript project.
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
