/**
 * The identifiers a reader copies out of a document, collected from a device's data (as the
 * project's loader merged it): ports, host names, URLs and e-mail addresses, CVE ids,
 * versions and document ids. Nothing is hard-coded: the examples decide what is checked.
 */

export interface Identifier {
  readonly kind: 'port' | 'host' | 'url' | 'email' | 'cve' | 'version' | 'document id';
  readonly value: string;
  /** Field path it came from, for failure messages. */
  readonly path: string;
}

const PATTERNS: readonly [Identifier['kind'], RegExp][] = [
  ['url', /\bhttps?:\/\/[^\s<>"'()]+[^\s<>"'().,;:]/g],
  ['email', /\b[\w.+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+\b/gi],
  ['host', /(?<![\w@/.-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:[a-z]{2,})(?![\w@-])/g],
  ['cve', /\bCVE-\d{4}-\d{4,}\b/g],
  ['document id', /\b[A-Z][A-Z0-9]{1,}(?:-[A-Z0-9]+)*-\d{2,}\b/g],
];

/** File names such as "net.png" or "lcxr-3.1.0-installer.tar.zst" look like host names but are not. */
const FILE_SUFFIX = /\.(?:png|jpe?g|svg|pdf|docx|yaml|yml|json|txt|md|zip|bin|hex|img|csv|xml)$/i;

function isHostName(v: string): boolean {
  const labels = v.split('.');
  return (
    !FILE_SUFFIX.test(v) &&
    labels.length >= 2 &&
    labels.every((l) => !/^\d+$/.test(l) && !/^\d/.test(l)) &&
    /^[a-z]{2,}$/.test(labels[labels.length - 1] ?? '')
  );
}

function leaves(value: unknown, path: string, out: [string, unknown][]): void {
  if (Array.isArray(value)) value.forEach((v, i) => leaves(v, `${path}[${i}]`, out));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) leaves(v, path === '' ? k : `${path}.${k}`, out);
  else out.push([path, value]);
}

export function dataIdentifiers(data: unknown): Identifier[] {
  const found = new Map<string, Identifier>();
  const add = (kind: Identifier['kind'], value: string, path: string): void => {
    if (!found.has(value)) found.set(value, { kind, value, path });
  };
  const all: [string, unknown][] = [];
  leaves(data, '', all);
  for (const [path, value] of all) {
    const key =
      path
        .replace(/\[\d+\]/g, '')
        .split('.')
        .pop() ?? '';
    // An ICMP entry names its message types in words: prose, not an identifier to keep whole.
    if (/^port(_end)?$/.test(key) && (typeof value === 'number' || (typeof value === 'string' && !/\s/.test(value))))
      add('port', String(value), path);
    if (typeof value !== 'string') continue;
    if (/version$/.test(key) && /^\S+$/.test(value.trim()) && /\d/.test(value)) add('version', value.trim(), path);
    if (/^documents\.[^.]+\.number$/.test(path)) add('document id', value, path);
    for (const [kind, re] of PATTERNS) {
      for (const m of value.matchAll(re)) {
        const v = m[0];
        if (kind === 'host' && !isHostName(v)) continue;
        add(kind, v, path);
      }
    }
  }
  return [...found.values()];
}
