import { defineConfig } from 'vitest/config';

/**
 * Two tiers. `unit` is the developer's loop: functions on small inputs, no document client, no
 * whole CLI generation, no spawned process, no generation of the example portfolio
 * (npm run test:unit, under a minute on two cores). `e2e` runs the CLI as a user does, renders
 * real documents and opens them with LibreOffice, pandoc, qpdf and poppler. `npm test` runs both.
 */
const E2E = [
  'tests/e2e/**/*.test.ts',
  'tests/render-e2e/**/*.test.ts',
  'tests/golden/**/*.test.ts',
  'tests/**/*clients.test.ts',
  // Whole portfolios, 5,000-component SBOMs and spawned processes killed mid-write.
  'tests/sbom/e2e.test.ts',
  'tests/sbom/scale.test.ts',
  'tests/hostile/process.test.ts',
  // Whole `generate` runs on hostile folders and arbitrary strings, each rendering documents.
  'tests/hostile/generate.test.ts',
  'tests/hostile/documents-property.test.ts',
  // `generate --final` of a complete fixture, and the README's example as a user runs it.
  'tests/cli/declared-final.test.ts',
  'tests/readme-library.test.ts',
];

/**
 * Timeouts are hang guards, not speed expectations (speed is measured by `npm run bench`): a
 * two-core machine that runs other work may take many times as long as an idle one. Child
 * processes carry their own guard (spawnSync with a timeout and SIGKILL).
 */
const UNIT_TIMEOUT = 10 * 60_000;
const E2E_TIMEOUT = 20 * 60_000;

export default defineConfig({
  test: {
    // Two cores on every machine: keep parallelism modest so client tests do not starve.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts', 'src/**/*.test.ts'],
          exclude: E2E,
          // Test files share a worker's modules: the schema, templates, catalogue and fonts are
          // loaded once per worker instead of once per file (most of the tier's time otherwise).
          // Tests must therefore leave no module state behind (no vi.mock; restore spies).
          isolate: false,
          testTimeout: UNIT_TIMEOUT,
          hookTimeout: UNIT_TIMEOUT,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: E2E,
          // A folder shared by the e2e files: the examples are generated once per run, there.
          globalSetup: ['tests/e2e/support/global-setup.ts'],
          testTimeout: E2E_TIMEOUT,
          hookTimeout: E2E_TIMEOUT,
        },
      },
    ],
  },
});
