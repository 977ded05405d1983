/**
 * Field paths, one notation for every stage (data, schema, catalogue, diagnostics, CLI):
 * `network.ports[2].port` (a record by position), `network.ports[].port` (every record, the
 * catalogue's spelling), `security.capabilities[automatic_logoff]` (a record by its `id`) and
 * `a["x.y"]` (a key that cannot be written dotted). While walking data a path is an array of
 * segments (`['network', 'ports', 2, 'port']`); `formatPath` writes it, `pathTokens` reads it.
 */
export type PathSegment = string | number;
export type FieldPath = readonly PathSegment[];

/** One step of a written path: a key, or a bracket selecting list items (`''`: every item). */
export type PathToken =
  | { readonly kind: 'key'; readonly key: string; readonly quoted?: true }
  | { readonly kind: 'item'; readonly selector: string };

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** `['network', 'ports', 2, 'port']` → `network.ports[2].port`; the root is the empty string. */
export function formatPath(path: FieldPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) out += out === '' ? segment : `.${segment}`;
    // Keys with dots, spaces or leading digits cannot be written dotted without ambiguity.
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** The one reader of the notation: a written path → its tokens, or undefined when it is not a path. */
export function pathTokens(text: string): PathToken[] | undefined {
  const out: PathToken[] = [];
  const s = text.trim();
  let i = 0;
  while (i < s.length) {
    const ch = s[i];
    if (ch === '.') {
      if (i === 0 || i === s.length - 1) return undefined;
      i++;
      continue;
    }
    if (ch === '[') {
      if (s[i + 1] === '"') {
        const close = closingQuote(s, i + 1);
        if (close < 0) return undefined;
        try {
          out.push({ kind: 'key', key: JSON.parse(s.slice(i + 1, close + 1)) as string, quoted: true });
        } catch {
          return undefined;
        }
        i = close + 2;
        continue;
      }
      const close = s.indexOf(']', i);
      if (close < 0) return undefined;
      out.push({ kind: 'item', selector: s.slice(i + 1, close) });
      i = close + 1;
      continue;
    }
    let j = i;
    while (j < s.length && s[j] !== '.' && s[j] !== '[') j++;
    out.push({ kind: 'key', key: s.slice(i, j) });
    i = j;
  }
  return out;
}

/** Index of the quote that ends the JSON string starting at `open` (skipping escapes), or -1. */
function closingQuote(s: string, open: number): number {
  for (let i = open + 1; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '"') return s[i + 1] === ']' ? i : -1;
  }
  return -1;
}

/**
 * A path as a user types it on the command line, as segments: `a.b[2].c`, `a.b.2.c`,
 * `a["x.y"]`, and `security.capabilities[automatic_logoff]` (a record picked by its `id`,
 * returned as `{ id: 'automatic_logoff' }`). Undefined for text that is not a path or that
 * names every record (`a[]`), which is not one field.
 */
export function parsePath(text: string): Array<PathSegment | { id: string }> | undefined {
  const tokens = pathTokens(text);
  if (tokens === undefined) return undefined;
  const out: Array<PathSegment | { id: string }> = [];
  for (const t of tokens) {
    if (t.kind === 'key') out.push(t.quoted !== true && /^\d+$/.test(t.key) && out.length > 0 ? Number(t.key) : t.key);
    else if (t.selector === '') return undefined;
    else out.push(/^\d+$/.test(t.selector) ? Number(t.selector) : { id: t.selector });
  }
  return out;
}

/** `network.ports[2].port` → `network.ports[].port`: the catalogue spelling of a data path. */
export function toCataloguePath(dataPath: string): string {
  return dataPath.replace(/\[\d+\]/g, '[]');
}

/** Ajv's JSON pointer (`/network/ports/2/port`) → segments, with indices as numbers where the data has arrays. */
export function pointerToPath(pointer: string, root: unknown): PathSegment[] {
  if (pointer === '') return [];
  const out: PathSegment[] = [];
  let node: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node) && /^\d+$/.test(key)) {
      out.push(Number(key));
      node = node[Number(key)];
    } else {
      out.push(key);
      node = isRecord(node) && Object.hasOwn(node, key) ? node[key] : undefined;
    }
  }
  return out;
}

/** A plain object (a YAML map), not an array or null. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at a path, or undefined. */
export function getAt(root: unknown, path: FieldPath): unknown {
  let node = root;
  for (const segment of path) {
    if (typeof segment === 'number') node = Array.isArray(node) ? node[segment] : undefined;
    // Own keys only: a field named `constructor` must not read Object.prototype.
    else node = isRecord(node) && Object.hasOwn(node, segment) ? node[segment] : undefined;
    if (node === undefined) return undefined;
  }
  return node;
}

/** The value at a plain dotted path (`documents.defaults.date`), own keys only, or undefined. */
export function getPath(root: unknown, path: string): unknown {
  return getAt(root, path.split('.'));
}
