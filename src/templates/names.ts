/** The helper names of the template language (docs/contracts.md): a contract with template writers. */
export const BLOCK_HELPERS: readonly string[] = ['if', 'unless', 'each', 'with', 'items', 'applies'];
export const INLINE_HELPERS: readonly string[] = [
  'tbd',
  'date',
  'join',
  'table',
  'yesno',
  'eq',
  'ne',
  'includes',
  'before',
  'and',
  'or',
  'not',
  'present',
  'applicability',
  'clause',
  'cite',
  'ref',
  'doc',
  'application_date',
  'regulation',
];
/** Block helpers whose body runs with a new `this` (one more level for `../`). */
export const CONTEXT_HELPERS: readonly string[] = ['each', 'with', 'items'];
/** Helpers added by the rewrite; template writers never call them. */
export const INTERNAL_HELPERS: readonly string[] = ['__get', '__out'];

/** The `knownHelpers` compile option: ours on, Handlebars' `lookup` and `log` off. */
export function knownHelpers(): Record<string, boolean> {
  const known: Record<string, boolean> = { lookup: false, log: false, helperMissing: false, blockHelperMissing: false };
  for (const name of [...BLOCK_HELPERS, ...INLINE_HELPERS, ...INTERNAL_HELPERS]) known[name] = true;
  return known;
}
