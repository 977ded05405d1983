import { createRequire } from 'node:module';
import type Ajv2020Module from 'ajv/dist/2020.js';
import type AjvDraft07Module from 'ajv';
import type AddFormatsModule from 'ajv-formats';

/**
 * Ajv's schema compiler, loaded when a schema is first compiled. A run that validates device
 * data with the validator generated at build time, and reads no SBOM, never compiles a schema:
 * it does not load the compiler (some ninety modules) at all. Ajv is CommonJS, so `require`
 * loads it synchronously where compiling is synchronous.
 */
export interface AjvCompiler {
  readonly Ajv2020: typeof Ajv2020Module.default;
  readonly AjvDraft07: typeof AjvDraft07Module.default;
  readonly addFormats: typeof AddFormatsModule.default;
}

let loaded: AjvCompiler | undefined;

export function ajvCompiler(): AjvCompiler {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  loaded = {
    Ajv2020: (require('ajv/dist/2020.js') as typeof Ajv2020Module).default,
    AjvDraft07: (require('ajv') as typeof AjvDraft07Module).default,
    addFormats: (require('ajv-formats') as typeof AddFormatsModule).default,
  };
  return loaded;
}
