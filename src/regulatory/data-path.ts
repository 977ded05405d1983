/**
 * Reading catalogue field paths from device data. Catalogue paths use `a[]` for
 * "every element of list a", `a[].b` for a field of every record, and `a[key]` for
 * the record whose `id` is key. Data paths in diagnostics use `a[2].b`.
 */
export type Data = Readonly<Record<string, unknown>>;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A value counts as supplied unless it is absent, null, an empty string, list or map. */
export function isSupplied(v: unknown): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === 'string') return v.trim() !== '';
  if (Array.isArray(v)) return v.length > 0;
  if (isRecord(v)) return Object.keys(v).length > 0;
  return true;
}

/** Value at a plain dotted path (`a.b.c`), or undefined. */
export function getPath(data: unknown, path: string): unknown {
  let cur: unknown = data;
  for (const key of path.split('.')) {
    if (!isRecord(cur)) return undefined;
    cur = cur[key];
  }
  return cur;
}

interface Segment {
  readonly key: string;
  /** '[]' every element, '[x]' the record with id x, undefined: no list step. */
  readonly list?: { readonly every: true } | { readonly id: string };
}

function parse(path: string): Segment[] {
  return path.split('.').map((part) => {
    const m = /^([^[]+)\[([^\]]*)\]$/.exec(part);
    if (!m) return { key: part };
    const key = m[1] ?? part;
    return m[2] === '' ? { key, list: { every: true } } : { key, list: { id: m[2] ?? '' } };
  });
}

/**
 * The data paths (`a[0].b`) of a catalogue field that are missing. An empty result
 * means the field is fully supplied. A missing list reports the list itself.
 */
export function missingPaths(data: Data, catalogueField: string): string[] {
  const missing: string[] = [];
  const walk = (value: unknown, segments: readonly Segment[], at: string): void => {
    const [seg, ...rest] = segments;
    if (!seg) {
      if (!isSupplied(value)) missing.push(at);
      return;
    }
    const here = at === '' ? seg.key : `${at}.${seg.key}`;
    const next = isRecord(value) ? value[seg.key] : undefined;
    if (!seg.list) {
      walk(next, rest, here);
      return;
    }
    if (!Array.isArray(next) || next.length === 0) {
      missing.push(here);
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
  return missing;
}

/** `network.ports[2].port` → `network.ports[].port`: the catalogue spelling of a data path. */
export function toCataloguePath(dataPath: string): string {
  return dataPath.replace(/\[\d+\]/g, '[]');
}
