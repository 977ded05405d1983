import { isRecord, pathTokens } from '../source/field-path.js';

/**
 * Reading catalogue field paths from device data (the notation is source/field-path.ts's).
 * Catalogue paths use `a[]` for "every element of list a", `a[].b` for a field of every
 * record, and `a[key]` for the record whose `id` is key. Data paths in diagnostics use `a[2].b`.
 */
export type Data = Readonly<Record<string, unknown>>;

// Where the regulatory code reads a plain dotted path, and spells a data path as the catalogue does.
export { getPath, toCataloguePath } from '../source/field-path.js';

/**
 * "None" and "not applicable" as data (src/schema/build.ts): a list written `{ none: "reason" }`
 * and a group with `not_applicable: "reason"` are answers without content.
 */
export interface Declaration {
  readonly kind: 'none' | 'not-applicable';
  readonly reason: string;
  /** Data path of the list or group that carries the declaration. */
  readonly at: string;
}

function reasonText(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/** The declaration a value itself makes, if any: `{ none }` for a list, `{ not_applicable }` for a group. */
export function declarationOf(v: unknown, at: string): Declaration | undefined {
  if (!isRecord(v)) return undefined;
  const none = reasonText(v['none']);
  if (none !== undefined && Object.keys(v).length === 1) return { kind: 'none', reason: none, at };
  const na = reasonText(v['not_applicable']);
  if (na !== undefined) return { kind: 'not-applicable', reason: na, at };
  return undefined;
}

/**
 * A value counts as supplied when it has content: not absent, null, an empty string, list or
 * map, and not a declaration of none or not applicable (those say there is nothing).
 */
export function isSupplied(v: unknown): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === 'string') return v.trim() !== '';
  if (Array.isArray(v)) return v.length > 0;
  if (isRecord(v)) {
    if (declarationOf(v, '') !== undefined)
      return Object.keys(v).some((k) => k !== 'not_applicable' && k !== 'none' && isSupplied(v[k]));
    return Object.keys(v).length > 0;
  }
  return true;
}

interface Segment {
  readonly key: string;
  /** '[]' every element, '[x]' the record with id x, undefined: no list step. */
  readonly list?: { readonly every: true } | { readonly id: string };
}

/** A catalogue path as keys, each with the list step that follows it (`a[].b` → a, every; b). */
function parse(path: string): Segment[] {
  const out: Segment[] = [];
  for (const t of pathTokens(path) ?? [{ kind: 'key', key: path }]) {
    const last = out[out.length - 1];
    if (t.kind === 'key') out.push({ key: t.key });
    else if (last !== undefined && last.list === undefined)
      out[out.length - 1] = { key: last.key, list: t.selector === '' ? { every: true } : { id: t.selector } };
  }
  return out;
}

/** How much of one catalogue field the data answers. */
export interface FieldAnswer {
  /** Data paths (`a[0].b`) that must still be supplied. */
  readonly missing: readonly string[];
  /** Parts declared none or not applicable (deduplicated by where they are declared). */
  readonly declared: readonly Declaration[];
}

/**
 * Walks a catalogue field through the data. A missing list reports the list itself; a list
 * declared `{ none }` or a group declared `not_applicable` on the way answers everything below it.
 */
export function answerField(data: Data, catalogueField: string): FieldAnswer {
  const missing: string[] = [];
  const declared = new Map<string, Declaration>();
  const declare = (value: unknown, at: string): boolean => {
    const d = declarationOf(value, at);
    // A group that says not_applicable but also has the value asked for is answered by the value.
    if (d === undefined) return false;
    declared.set(d.at, d);
    return true;
  };
  const walk = (value: unknown, segments: readonly Segment[], at: string): void => {
    const [seg, ...rest] = segments;
    if (!seg) {
      if (isSupplied(value)) return;
      if (!declare(value, at)) missing.push(at);
      return;
    }
    const here = at === '' ? seg.key : `${at}.${seg.key}`;
    const next = isRecord(value) && Object.hasOwn(value, seg.key) ? value[seg.key] : undefined;
    if (next === undefined && at !== '' && declare(value, at)) return;
    if (!seg.list) {
      walk(next, rest, here);
      return;
    }
    // Some lists accept prose instead of records (firewall rules, data locations): the text
    // answers the list and every field of its records.
    if (typeof next === 'string' && next.trim() !== '') return;
    if (!Array.isArray(next) || next.length === 0) {
      if (!declare(next, here)) missing.push(here);
      return;
    }
    if ('id' in seg.list) {
      const id = seg.list.id;
      const index = next.findIndex((r) => isRecord(r) && r['id'] === id);
      if (index < 0) missing.push(`${here}[${id}]`);
      else walk(next[index], rest, `${here}[${index}]`);
      return;
    }
    if (rest.length === 0) return; // the list itself is supplied
    next.forEach((item, i) => walk(item, rest, `${here}[${i}]`));
  };
  walk(data, parse(catalogueField), '');
  return { missing, declared: [...declared.values()] };
}

/**
 * The data paths (`a[0].b`) of a catalogue field that are missing. An empty result
 * means the field is answered: supplied, or declared none or not applicable.
 */
export function missingPaths(data: Data, catalogueField: string): string[] {
  return [...answerField(data, catalogueField).missing];
}
