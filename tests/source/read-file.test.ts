import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeUtf8, firstInvalidByte } from '../../src/source/decode-text.js';
import { readContained } from '../../src/source/read-file.js';

const root = mkdtempSync(join(tmpdir(), 'techfile-read-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const project = join(root, 'project');
mkdirSync(join(project, 'sub'), { recursive: true });
writeFileSync(join(root, 'outside.txt'), 'outside');
writeFileSync(join(project, 'inside.txt'), 'inside');
symlinkSync('../outside.txt', join(project, 'out-link.txt'));
symlinkSync('inside.txt', join(project, 'in-link.txt'));
symlinkSync('/dev/zero', join(project, 'zero'));
symlinkSync('..', join(project, 'sub', 'up'));
execFileSync('mkfifo', [join(project, 'fifo')]);

const read = (name: string, maxBytes = 1000) => readContained(join(project, name), { root: project, maxBytes });

describe('readContained', () => {
  it('reads a regular file inside the folder, also through a link that stays inside', () => {
    for (const name of ['inside.txt', 'in-link.txt', 'sub/up/inside.txt']) {
      const r = read(name);
      expect(r.ok && new TextDecoder().decode(r.bytes)).toBe('inside');
    }
  });

  it('refuses a link whose real path leaves the folder', () => {
    const r = read('out-link.txt');
    expect(!r.ok && r.problem.kind).toBe('outside');
    const zero = read('zero');
    expect(!zero.ok && zero.problem.kind).toBe('outside');
  });

  it('refuses a FIFO without waiting for a writer, and a folder', () => {
    const fifo = read('fifo');
    expect(!fifo.ok && fifo.problem.kind === 'not-a-file' && fifo.problem.what).toContain('FIFO');
    const folder = read('sub');
    expect(!folder.ok && folder.problem.kind).toBe('not-a-file');
  });

  it('refuses a file over the limit and reports a missing one as missing', () => {
    const big = read('inside.txt', 3);
    expect(!big.ok && big.problem.kind).toBe('too-large');
    const none = read('nowhere.txt');
    expect(!none.ok && none.problem.kind).toBe('missing');
  });

  it('reads only the start of a larger file when asked to truncate, still refusing links out', () => {
    const start = readContained(join(project, 'inside.txt'), { root: project, maxBytes: 3, truncate: true });
    expect(start.ok && new TextDecoder().decode(start.bytes)).toBe('ins');
    const whole = readContained(join(project, 'inside.txt'), { root: project, maxBytes: 100, truncate: true });
    expect(whole.ok && new TextDecoder().decode(whole.bytes)).toBe('inside');
    const out = readContained(join(project, 'out-link.txt'), { root: project, maxBytes: 3, truncate: true });
    expect(!out.ok && out.problem.kind).toBe('outside');
  });
});

describe('decodeUtf8', () => {
  it('drops a UTF-8 byte-order mark and refuses UTF-16 with and without one', () => {
    expect(decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ text: 'a' });
    for (const bytes of [Buffer.from('\uFEFFproduct: x\n', 'utf16le'), Buffer.from('product: x\n', 'utf16le')]) {
      const d = decodeUtf8(bytes);
      expect('problem' in d && d.problem.code).toBe('utf16');
    }
  });

  it('places the first invalid byte at its line and column', () => {
    const d = decodeUtf8(new Uint8Array([...Buffer.from('a: 1\nbé: '), 0xff]));
    expect('problem' in d && d.problem.at).toEqual({ line: 2, column: 5 });
  });

  it('agrees with the platform decoder on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        let valid = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        } catch {
          valid = false;
        }
        expect(firstInvalidByte(bytes) === bytes.length).toBe(valid);
      }),
      { numRuns: 500 },
    );
  });
});
