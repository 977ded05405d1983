import type { FieldPath } from '../source/field-path.js';
import { formatPath, isRecord } from '../source/field-path.js';

/**
 * Product-line merging on values tagged with where they were written, so that after
 * merging every field still knows its file and its path *in that file* (an id-merged
 * record can sit at a different index in the parent than in the child).
 */
export interface Origin<S> {
  readonly source: S;
  readonly path: FieldPath;
}

export type Tagged<S> =
  | { readonly kind: 'scalar'; readonly value: unknown; readonly origin: Origin<S> }
  | { readonly kind: 'map'; readonly entries: ReadonlyMap<string, Tagged<S>>; readonly origin: Origin<S> }
  | { readonly kind: 'list'; readonly items: readonly Tagged<S>[]; readonly origin: Origin<S> };

export function tag<S>(value: unknown, source: S, path: FieldPath = []): Tagged<S> {
  const origin = { source, path };
  if (Array.isArray(value)) {
    return { kind: 'list', items: value.map((item, i) => tag(item, source, [...path, i])), origin };
  }
  if (isRecord(value)) {
    const entries = new Map<string, Tagged<S>>();
    for (const [k, v] of Object.entries(value)) entries.set(k, tag(v, source, [...path, k]));
    return { kind: 'map', entries, origin };
  }
  return { kind: 'scalar', value, origin };
}

/**
 * Child over parent. Scalars: child wins. Maps: deep merge, parent key order kept, new
 * child keys appended. Lists whose items are all records with an `id` (in both files):
 * merged by id. Any other list: the child's replaces the parent's (an empty child list
 * clears the inherited one). A child key set to null (`key:` left empty) removes the
 * inherited value, so a variant can drop something the product line says.
 */
export function mergeTagged<S>(parent: Tagged<S>, child: Tagged<S>): Tagged<S> {
  if (parent.kind === 'map' && child.kind === 'map') {
    const entries = new Map(parent.entries);
    for (const [k, c] of child.entries) {
      const p = entries.get(k);
      if (c.kind === 'scalar' && c.value === null) entries.delete(k);
      else entries.set(k, p ? mergeTagged(p, c) : c);
    }
    return { kind: 'map', entries, origin: child.origin };
  }
  if (parent.kind === 'list' && child.kind === 'list') {
    const parentIds = idsOf(parent.items);
    const childIds = idsOf(child.items);
    if (parentIds && childIds) {
      const items = [...parent.items];
      for (const [i, c] of child.items.entries()) {
        const at = parentIds.indexOf(childIds[i]!);
        if (at >= 0) items[at] = mergeTagged(items[at]!, c);
        else items.push(c);
      }
      return { kind: 'list', items, origin: child.origin };
    }
  }
  return child;
}

/** The ids of a non-empty list of records that all carry a unique scalar `id`, else undefined. */
function idsOf<S>(items: readonly Tagged<S>[]): string[] | undefined {
  if (items.length === 0) return undefined;
  const ids: string[] = [];
  for (const item of items) {
    if (item.kind !== 'map') return undefined;
    const id = item.entries.get('id');
    if (!id || id.kind !== 'scalar' || id.value === null || typeof id.value === 'object') return undefined;
    ids.push(String(id.value));
  }
  // Duplicate ids make "the record with this id" ambiguous: fall back to replacing.
  return new Set(ids).size === ids.length ? ids : undefined;
}

/**
 * Back to a plain value, recording the origin of every map, list and leaf under its
 * field path string. Nulls in maps are dropped: an empty key means "not set".
 */
export function untag<S>(
  tagged: Tagged<S>,
  path: FieldPath = [],
  origins = new Map<string, Origin<S>>(),
): {
  value: unknown;
  origins: Map<string, Origin<S>>;
} {
  origins.set(formatPath(path), tagged.origin);
  if (tagged.kind === 'scalar') return { value: tagged.value, origins };
  if (tagged.kind === 'list') {
    const value = tagged.items.map((item, i) => untag(item, [...path, i], origins).value);
    return { value, origins };
  }
  const value: Record<string, unknown> = {};
  for (const [k, v] of tagged.entries) {
    if (v.kind === 'scalar' && v.value === null) continue;
    // Keys are data: `__proto__` must become an own key (and be reported as unknown by the
    // schema), never the object's prototype, which assignment would set.
    Object.defineProperty(value, k, {
      value: untag(v, [...path, k], origins).value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return { value, origins };
}

/** A copy of a tagged map without some top-level keys. */
export function withoutKeys<S>(tagged: Tagged<S>, keys: readonly string[]): Tagged<S> {
  if (tagged.kind !== 'map') return tagged;
  const entries = new Map(tagged.entries);
  for (const k of keys) entries.delete(k);
  return { ...tagged, entries };
}
