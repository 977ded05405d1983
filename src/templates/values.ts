/**
 * Runtime values that flow between the rewritten template and the helpers. Every data path in
 * a template is compiled to a `Ref`, so helpers know the full field path of what they were given
 * (for placeholders) without relying on Handlebars' own lookups.
 */
export class Ref {
  /** Set when the data declares this value none or not applicable (itself or a group above it). */
  readonly declared: Declared | undefined;
  constructor(
    readonly value: unknown,
    /** Full field path in the device data, e.g. `network.ports[2].port`; '' for the root. */
    readonly path: string,
    declared?: Declared,
  ) {
    this.declared = declaredIn(value) ?? declared;
  }
}

/**
 * "None" and "not applicable" as data (src/schema/build.ts): a list written `{ none: "reason" }`,
 * a group written `{ not_applicable: "reason" }`. Templates print the reason instead of a TBD;
 * `if` and `present` treat the value as absent.
 */
export interface Declared {
  readonly kind: 'none' | 'not-applicable';
  readonly reason: string;
}

function reasonOf(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/** The declaration a value makes itself: `{ none }`, or a group that has nothing but `not_applicable`. */
export function declaredIn(value: unknown): Declared | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  if (value instanceof Fragment || value instanceof MarkdownBlock) return undefined;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  const none = reasonOf(record['none']);
  if (none !== undefined && keys.length === 1) return { kind: 'none', reason: none };
  const na = reasonOf(record['not_applicable']);
  if (na !== undefined && keys.length === 1) return { kind: 'not-applicable', reason: na };
  return undefined;
}

/**
 * What a missing child of `parent` inherits: the parent's own declaration, or the group's
 * `not_applicable` (which covers every field the group leaves out).
 */
function inherited(parent: unknown, parentDeclared: Declared | undefined, child: unknown): Declared | undefined {
  if (!isMissing(child)) return undefined;
  if (parentDeclared !== undefined) return parentDeclared;
  if (parent === null || typeof parent !== 'object' || Array.isArray(parent)) return undefined;
  const na = reasonOf((parent as Record<string, unknown>)['not_applicable']);
  return na === undefined ? undefined : { kind: 'not-applicable', reason: na };
}

/** One step down from a value (and its declaration) to a child. */
export function step(value: unknown, declared: Declared | undefined, segment: string): { value: unknown; declared: Declared | undefined } {
  const next = child(value, segment);
  return { value: next, declared: inherited(value, declared, next) };
}

/**
 * The declaration as the reader sees it: "Not applicable: the pump has no remote service". As a
 * paragraph of its own (`block`) it ends with a full stop; inline the template's sentence goes on.
 */
export function declaredText(d: Declared, locale: string, block = false): string {
  const german = locale.toLowerCase().startsWith('de');
  const lead = d.kind === 'none' ? (german ? 'Keine' : 'None') : german ? 'Entfällt' : 'Not applicable';
  const reason = block ? d.reason : d.reason.replace(/[.]+$/, '');
  return `${lead}: ${reason}${block && !/[.!?]$/.test(reason) ? '.' : ''}`;
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

/** Truthiness as in Handlebars' `if`, with blank text, empty records and declared none / not applicable also false. */
export function truthy(value: unknown): boolean {
  if (value instanceof Ref && value.declared !== undefined) return false;
  const v = unwrap(value);
  if (declaredIn(v) !== undefined) return false;
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
  let declared = ref.declared;
  let path = ref.path;
  for (const segment of dotted.split('.').filter((s) => s !== '')) {
    path = childPath(path, segment, Array.isArray(value));
    ({ value, declared } = step(value, declared, segment));
  }
  return new Ref(value, path, declared);
}

/** How a yes/no fact reads in a document: never the programmer's `true`/`false`. */
export function scalarText(value: string | number | boolean | bigint): string {
  if (value === true) return 'Yes';
  if (value === false) return 'No';
  return String(value);
}
