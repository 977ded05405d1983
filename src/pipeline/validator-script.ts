import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { validatorRuntime } from '../data/validate.js';

/** The device schema's validator generated at build time (scripts/build-validator.mjs), in dist/data/. */
export const VALIDATOR_SCRIPT = 'device-validator.generated.js';
/** V8's code cache of that script, made at build time. */
export const VALIDATOR_CACHE = 'device-validator.code-cache';

const DATA_DIR = new URL('../data/', import.meta.url);

/**
 * Runs the validator script the build generated and returns what it returns (the validator, its
 * schema and their hash), or undefined when there is none (running from the TypeScript sources).
 * The script is run with its code cache, so the 1.5 MB validator is not compiled again (a tenth
 * of a second per run); V8 ignores a cache made by another version or with other flags and
 * compiles the script as usual. A script, not a module: Node 20 keeps no compiled code of modules.
 */
export function runValidatorScript(dir: URL = DATA_DIR): unknown {
  const url = new URL(VALIDATOR_SCRIPT, dir);
  let source: string;
  try {
    source = readFileSync(url, 'utf8');
  } catch {
    return undefined;
  }
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(new URL(VALIDATOR_CACHE, dir));
  } catch {
    cachedData = undefined;
  }
  try {
    const script = new Script(source, { filename: fileURLToPath(url), ...(cachedData ? { cachedData } : {}) });
    const make = script.runInThisContext() as (formats: object, require: (id: string) => unknown) => unknown;
    const { formats, require } = validatorRuntime();
    return make(formats, require);
  } catch {
    // A damaged build: the schema is compiled at run time instead, to the same checks.
    return undefined;
  }
}
