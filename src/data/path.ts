/**
 * Field paths: the array form used while walking data (`['network', 'ports', 2, 'port']`)
 * and the string form users see and provenance is keyed by (`network.ports[2].port`).
 */
export type PathSegment = string | number;
export type FieldPath = readonly PathSegment[];

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

/**
 * Parses what a user types on the command line: `a.b[2].c`, `a.b.2.c`, `a["x.y"]`, and
 * `security.capabilities[automatic_logoff]` (a record picked by its `id`, returned as
 * `{ id: 'automatic_logoff' }`). Returns undefined for text that is not a path.
 */
export function parsePath(text: string): Array<PathSegment | { id: string }> | undefined {
  const out: Array<PathSegment | { id: string }> = [];
  let i = 0;
  const s = text.trim();
  if (s === '') return out;
  while (i < s.length) {
    const ch = s[i];
    if (ch === '.') {
      if (i === 0 || i === s.length - 1) return undefined;
      i++;
      continue;
    }
    if (ch === '[') {
      const close = s[i + 1] === '"' ? closingQuote(s, i + 1) + 1 : s.indexOf(']', i);
      if (close <= i) return undefined;
      const inner = s.slice(i + 1, close);
      if (/^\d+$/.test(inner)) out.push(Number(inner));
      else if (inner.startsWith('"')) {
        try {
          out.push(JSON.parse(inner) as string);
        } catch {
          return undefined;
        }
      } else if (inner !== '') out.push({ id: inner });
      else return undefined;
      i = close + 1;
      continue;
    }
    let j = i;
    while (j < s.length && s[j] !== '.' && s[j] !== '[') j++;
    const word = s.slice(i, j);
    out.push(/^\d+$/.test(word) && out.length > 0 ? Number(word) : word);
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
