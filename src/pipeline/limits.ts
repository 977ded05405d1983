// The limits without the rest of the library: `--help` and `validate` import this, and
// importing library.ts would load both renderers and the template engine with it.
export { DEFAULT_LIMITS, type Limits } from '../data/limits.js';
