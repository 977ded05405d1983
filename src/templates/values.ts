/**
 * Runtime values that flow between the rewritten template and the helpers. Every data path in
 * a template is compiled to a `Ref`, so helpers know the full field path of what they were given
 * (for placeholders) without relying on Handlebars' own lookups.
 */
export class Ref {
  constructor(
    readonly value: unknown,
    /** Full field path in the device data, e.g. `network.ports[2].port`; '' for the root. */
    readonly path: string,
  ) {}
}

/** Inline output of a helper: literal text pieces and placeholders, escaped later by `__out`. */
export class Fragment {
  constructor(readonly parts: readonly (string | { readonly field: string; readonly label: string })[]) {}
}

/** Block Markdown produced by a helper from already-escaped parts (e.g. `table`). */
export class MarkdownBlock {
  constructor(readonly markdown: string) {}
}

export function unwrap(value: unknown): unknown {
  return value instanceof Ref ? value.value : value;
}

/** Missing for the purpose of placeholders: undefined, null, blank text, empty list or record. */
export function isMissing(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object' && !(value instanceof Fragment) && !(value instanceof MarkdownBlock)) {
    return Object.keys(value).length === 0;
  }
  return false;
}

/** Truthiness as in Handlebars' `if`, with blank text and empty records also false. */
export function truthy(value: unknown): boolean {
  const v = unwrap(value);
  if (v === false || v === 0 || Number.isNaN(v)) return false;
  return !isMissing(v);
}

/** Appends one segment: numeric segments of lists become `[n]`. */
export function childPath(base: string, segment: string | number, parentIsList: boolean): string {
  if (parentIsList && /^\d+$/.test(String(segment))) return `${base}[${segment}]`;
  return base === '' ? String(segment) : `${base}.${segment}`;
}

/** Own-property lookup only: no prototype access, whatever the data contains. */
export function child(value: unknown, segment: string): unknown {
  if (value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    return /^\d+$/.test(segment) ? value[Number(segment)] : undefined;
  }
  return Object.hasOwn(value, segment) ? (value as Record<string, unknown>)[segment] : undefined;
}

/** Resolves a dotted sub-path (`owner.name`) below a Ref. */
export function resolve(ref: Ref, dotted: string): Ref {
  let value = ref.value;
  let path = ref.path;
  for (const segment of dotted.split('.').filter((s) => s !== '')) {
    path = childPath(path, segment, Array.isArray(value));
    value = child(value, segment);
  }
  return new Ref(value, path);
}

/** How a yes/no fact reads in a document: never the programmer's `true`/`false`. */
export function scalarText(value: string | number | boolean | bigint): string {
  if (value === true) return 'Yes';
  if (value === false) return 'No';
  return String(value);
}
