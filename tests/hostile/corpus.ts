import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';

/**
 * The hostile corpus: device folders an attacker or a careless user might hand techfile.
 * Each case is built in a fresh temporary folder (links, pipes and devices cannot live in
 * git) and says what must come out: the exit code and the diagnostic, with its position.
 */
export type Entry = string | Uint8Array | { readonly link: string } | { readonly fifo: true };

export interface HostileCase {
  readonly name: string;
  /** Paths relative to the case folder; `outside/…` lies beside the project folder `p/`. */
  readonly files: Readonly<Record<string, Entry>>;
  /** Arguments after the command; paths relative to the case folder. */
  readonly args: readonly string[];
  readonly command?: 'validate' | 'generate' | 'explain' | 'coverage';
  readonly exit: number;
  /** The diagnostic that must be reported: code and `file:line:column` (or none when only the exit code matters). */
  readonly expect?: { readonly code: string; readonly at?: string };
  /** Codes that must not appear. */
  readonly absent?: readonly string[];
}

export function buildCase(root: string, files: HostileCase['files']): void {
  for (const [path, entry] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    if (typeof entry === 'string' || entry instanceof Uint8Array) writeFileSync(full, entry);
    else if ('link' in entry) symlinkSync(entry.link, full);
    else execFileSync('mkfifo', [full]);
  }
}

/** A small device file with every required field; `extra` lines are appended under the top level. */
export function device(extra = '', id = 'hostile-x'): string {
  return [
    'product:',
    `  id: ${id}`,
    '  name: Hostile X',
    'manufacturer:',
    '  name: Example GmbH',
    'regulatory:',
    '  markets: [EU]',
    '  medical_device: { regulation: MDR, class: IIa, notified_body: { name: "NB", number: "0123" } }',
    '  legal_basis: [MDR]',
    '  ai_act: { ai_system: false }',
    'documents:',
    '  defaults: { author: "A", approver: "B", version: "1.0", date: 2026-11-02 }',
    extra,
  ].join('\n');
}

const utf16 = (text: string, bom: boolean, be = false): Uint8Array => {
  const le = Buffer.from(text, 'utf16le');
  if (be) for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  const mark = bom ? (be ? [0xfe, 0xff] : [0xff, 0xfe]) : [];
  return new Uint8Array([...mark, ...le]);
};

const bomb = (): string => {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  let prev = 'a';
  for (const n of 'bcdefghi') {
    lines.push(`${n}: &${n} [${Array(9).fill(`*${prev}`).join(',')}]`);
    prev = n;
  }
  // A device key: a file found in a folder that a limit stops is reported only as device data.
  return `${lines.join('\n')}\nproduct: *i\n`;
};

/** A PNG header that declares 20000 × 20000 pixels (the rest does not matter: it is never decoded). */
export function hugePngHeader(): Uint8Array {
  const b = Buffer.alloc(64);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]).copy(b);
  b.writeUInt32BE(20000, 16);
  b.writeUInt32BE(20000, 20);
  return b;
}

const V = (
  name: string,
  files: HostileCase['files'],
  exit: number,
  expect?: HostileCase['expect'],
  more: Partial<HostileCase> = {},
): HostileCase => ({
  name,
  files,
  args: ['p'],
  exit,
  ...(expect ? { expect } : {}),
  ...more,
});

export const VALIDATE_CASES: readonly HostileCase[] = [
  V('YAML: bad indentation', { 'p/a.yaml': 'product:\n  id: x\n   name: y\n' }, 3, {
    code: 'data/syntax',
    at: 'p/a.yaml:2:7',
  }),
  V(
    'YAML: unclosed double quote is reported where it opens',
    { 'p/a.yaml': 'product:\n  id: x\n  name: "abc\n  other: 1\nmanufacturer:\n  name: y\n' },
    3,
    { code: 'data/syntax', at: 'p/a.yaml:3:9' },
  ),
  V(
    'YAML: unclosed single quote is reported where it opens',
    { 'p/a.yaml': "product:\n  id: x\n  name: 'abc\n  other: 1\n" },
    3,
    { code: 'data/syntax', at: 'p/a.yaml:3:9' },
  ),
  V('YAML: unclosed flow sequence', { 'p/a.yaml': 'product:\n  tags: [a, b\nmanufacturer:\n  name: y\n' }, 3, {
    code: 'data/syntax',
    at: 'p/a.yaml:2:9',
  }),
  V('YAML: tab indentation', { 'p/a.yaml': 'product:\n\tid: x\n' }, 3, { code: 'data/syntax', at: 'p/a.yaml:2:1' }),
  V('YAML: duplicate key', { 'p/a.yaml': device('product:\n  id: y\n') }, 3, {
    code: 'data/duplicate-key',
    at: 'p/a.yaml:13:1',
  }),
  V('empty file', { 'p/a.yaml': '' }, 3, { code: 'data/empty-file', at: 'p/a.yaml:1:1' }),
  V('only comments', { 'p/a.yaml': '# nothing here\n# at all\n' }, 3, { code: 'data/empty-file', at: 'p/a.yaml:1:1' }),
  V('top level is a list', { 'p/a.yaml': '- product\n- manufacturer\n' }, 3, {
    code: 'data/not-a-mapping',
    at: 'p/a.yaml:1:1',
  }),
  V('UTF-16 LE with BOM', { 'p/a.yaml': utf16(device(), true) }, 3, { code: 'data/utf16', at: 'p/a.yaml:1:1' }),
  V('UTF-16 BE with BOM', { 'p/a.yaml': utf16(device(), true, true) }, 3, { code: 'data/utf16', at: 'p/a.yaml:1:1' }),
  V('UTF-16 LE without BOM (NUL pattern)', { 'p/a.yaml': utf16(device(), false) }, 3, {
    code: 'data/utf16',
    at: 'p/a.yaml:1:1',
  }),
  V(
    'invalid UTF-8 (Latin-1 é)',
    { 'p/a.yaml': new Uint8Array([...Buffer.from('product:\n  id: x\n  name: caf'), 0xe9, 0x0a]) },
    3,
    { code: 'data/invalid-utf8', at: 'p/a.yaml:3:12' },
  ),
  V(
    'UTF-8 BOM is accepted',
    { 'p/a.yaml': `\uFEFF${device('  nmae: 1')}` },
    3,
    { code: 'data/unknown-field', at: 'p/a.yaml:13:3' },
    { absent: ['data/syntax'] },
  ),
  V('CRLF line endings keep positions', { 'p/a.yaml': device('product_x: 1').replace(/\n/g, '\r\n') }, 3, {
    code: 'data/unknown-field',
    at: 'p/a.yaml:13:1',
  }),
  V('alias bomb (billion laughs)', { 'p/a.yaml': bomb() }, 3, { code: 'data/too-many-aliases', at: 'p/a.yaml:2:8' }),
  V(
    'one anchor used 150 times stays valid',
    {
      'p/a.yaml': device(`security_notes:\n${Array(150).fill('  - *n').join('\n')}`).replace(
        'name: Hostile X',
        'name: &n Hostile X',
      ),
    },
    3,
    { code: 'data/unknown-field', at: 'p/a.yaml:13:1' },
    { absent: ['data/too-many-aliases'] },
  ),
  V('alias to an anchor that is not set', { 'p/a.yaml': 'product:\n  id: *nothing\n' }, 3, {
    code: 'data/syntax',
    at: 'p/a.yaml:2:7',
  }),
  V('__proto__ key is an unknown field', { 'p/a.yaml': device('  __proto__:\n    name: evil') }, 3, {
    code: 'data/unknown-field',
    at: 'p/a.yaml:13:3',
  }),
  V('constructor key is an unknown field', { 'p/a.yaml': device('constructor: 1') }, 3, {
    code: 'data/unknown-field',
    at: 'p/a.yaml:13:1',
  }),
  V('prototype key is an unknown field', { 'p/a.yaml': device('prototype:\n  x: 1') }, 3, {
    code: 'data/unknown-field',
    at: 'p/a.yaml:13:1',
  }),
  V(
    '__proto__ inherited from a parent is reported in the parent',
    {
      'p/line.yaml': 'abstract: true\nproduct:\n  __proto__:\n    name: evil\n',
      'p/a.yaml': `extends: ./line.yaml\n${device()}`,
    },
    3,
    { code: 'data/unknown-field', at: 'p/line.yaml:3:3' },
  ),
  V(
    'text longer than --max-string-length',
    { 'p/a.yaml': device(`techdoc:\n  architecture_description: "${'x'.repeat(500)}"`) },
    3,
    { code: 'data/text-too-long', at: 'p/a.yaml:14:29' },
    { args: ['p', '--max-string-length', '100'] },
  ),
  V(
    'nesting deeper than --max-depth',
    { 'p/a.yaml': device('x:\n  a:\n    b:\n      c:\n        d:\n          e: 1') },
    3,
    { code: 'data/too-deep', at: 'p/a.yaml:17:9' },
    { args: ['p', '--max-depth', '4'] },
  ),
  V('20000 nested brackets', { 'p/a.yaml': `product: ${'['.repeat(20000)}${']'.repeat(20000)}\n` }, 3, {
    code: 'data/too-deep',
  }),
  V(
    'list longer than --max-list-length',
    { 'p/a.yaml': device('x:\n  - 1\n  - 2\n  - 3\n  - 4') },
    3,
    { code: 'data/list-too-long', at: 'p/a.yaml:14:3' },
    { args: ['p', '--max-list-length', '3'] },
  ),
  V(
    'file larger than --max-file-size',
    { 'p/a.yaml': device() },
    3,
    { code: 'data/file-too-large', at: 'p/a.yaml:1:1' },
    { args: ['p', '--max-file-size', '100'] },
  ),
  V(
    'parent is a link to /dev/zero',
    { 'p/a.yaml': `extends: ./line.yaml\n${device()}`, 'p/line.yaml': { link: '/dev/zero' } },
    3,
    { code: 'data/extends-outside-project', at: 'p/a.yaml:1:10' },
  ),
  V('parent is a FIFO', { 'p/a.yaml': `extends: ./line.yaml\n${device()}`, 'p/line.yaml': { fifo: true } }, 3, {
    code: 'data/not-a-file',
    at: 'p/a.yaml:1:10',
  }),
  V(
    'parent is a link to a file outside the folder',
    {
      'outside/secret.yaml': 'product:\n  name: SECRET-FROM-OUTSIDE\n',
      'p/a.yaml': `extends: ./line.yaml\n${device()}`,
      'p/line.yaml': { link: '../outside/secret.yaml' },
    },
    3,
    { code: 'data/extends-outside-project', at: 'p/a.yaml:1:10' },
  ),
  V(
    'parent named outside the folder',
    { 'outside/secret.yaml': 'product:\n  name: S\n', 'p/a.yaml': `extends: ../outside/secret.yaml\n${device()}` },
    3,
    { code: 'data/extends-outside-project', at: 'p/a.yaml:1:10' },
  ),
  V(
    'extends cycle',
    { 'p/a.yaml': `extends: ./b.yaml\n${device()}`, 'p/b.yaml': 'extends: ./a.yaml\nabstract: true\n' },
    3,
    { code: 'data/extends-cycle', at: 'p/a.yaml:1:10' },
  ),
  V(
    'extends chain longer than --max-extends',
    {
      'p/a.yaml': `extends: ./b.yaml\n${device()}`,
      'p/b.yaml': 'extends: ./c.yaml\nabstract: true\n',
      'p/c.yaml': 'extends: ./d.yaml\nabstract: true\n',
      'p/d.yaml': 'abstract: true\n',
    },
    3,
    { code: 'data/extends-too-deep', at: 'p/b.yaml:1:10' },
    { args: ['p/a.yaml', '--max-extends', '2'] },
  ),
  V('extends names a missing file', { 'p/a.yaml': `extends: ./nowhere.yaml\n${device()}` }, 3, {
    code: 'data/extends-missing',
    at: 'p/a.yaml:1:10',
  }),
  V('extends is not text', { 'p/a.yaml': `extends: 5\n${device()}` }, 3, {
    code: 'data/wrong-type',
    at: 'p/a.yaml:1:10',
  }),
  V(
    'device file is a link out of the folder',
    { 'outside/x.yaml': device(), 'p/a.yaml': { link: '../outside/x.yaml' } },
    3,
    { code: 'data/file-outside-project', at: 'p/a.yaml:1:1' },
  ),
  V('device file is a FIFO', { 'p/a.yaml': { fifo: true } }, 3, { code: 'data/not-a-file', at: 'p/a.yaml:1:1' }),
  V('device file is a link to /dev/zero', { 'p/a.yaml': { link: '/dev/zero' } }, 3, {
    code: 'data/file-outside-project',
    at: 'p/a.yaml:1:1',
  }),
  V(
    'terminal escapes in a value',
    { 'p/a.yaml': device('support_period:\n  start_date: "\u001b[2J\u001b]52;c;aGVsbG8=\u0007"') },
    3,
    { code: 'data/invalid-date', at: 'p/a.yaml:14:15' },
  ),
  V(
    'a 50 000-character value in a message',
    { 'p/a.yaml': device(`support_period:\n  start_date: "${'9'.repeat(50_000)}"`) },
    3,
    { code: 'data/invalid-date', at: 'p/a.yaml:14:15' },
    { args: ['p', '--max-string-length', '100000'] },
  ),
  V('wrong types', { 'p/a.yaml': device('product_x: 1').replace('  id: hostile-x', '  id: [1, 2]') }, 3, {
    code: 'data/wrong-type',
    at: 'p/a.yaml:2:7',
  }),
  V(
    'right-to-left text, emoji and combining marks are data',
    { 'p/a.yaml': device('x_unknown: 1').replace('name: Hostile X', 'name: "שלום 👩‍👩‍👧 e\u0301\u0301 \u202Eevil"') },
    3,
    { code: 'data/unknown-field', at: 'p/a.yaml:13:1' },
  ),
  V(
    '60 000 keys in one map',
    { 'p/a.yaml': device(Array.from({ length: 60_000 }, (_, i) => `k${i}: 1`).join('\n')) },
    3,
    { code: 'data/too-many-values' },
  ),
  V('a 3 MB device file (over the default limit)', { 'p/a.yaml': device(`# ${'x'.repeat(3_000_000)}`) }, 3, {
    code: 'data/file-too-large',
    at: 'p/a.yaml:1:1',
  }),
  V(
    'the same key twice among many',
    { 'p/a.yaml': device(`${Array.from({ length: 2000 }, (_, i) => `k${i}: 1`).join('\n')}\nk7: 2`) },
    3,
    { code: 'data/duplicate-key', at: 'p/a.yaml:2013:1' },
  ),
  V('empty folder is a usage error', { 'p/.keep': '' }, 2),
  V(
    'folder without device files is a usage error',
    { 'p/package.json': '{"name": "x"}', 'p/notes.yaml': 'title: notes\n' },
    2,
  ),
];

/** What no output may ever contain: a stack trace, an internal error, a raw terminal control. */
export function expectCleanOutput(text: string): void {
  expect(text).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)$/m);
  expect(text).not.toContain('internal error');
  expect(text).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
}
