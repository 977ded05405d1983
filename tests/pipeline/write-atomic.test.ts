import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/pipeline/write-atomic.js';

const temps: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'techfile-atomic-'));
  temps.push(d);
  return d;
}
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('writeFileAtomic', () => {
  it('writes the bytes, creating missing folders, and leaves no temporary file', () => {
    const dir = tempDir();
    const path = join(dir, 'out', 'gf-x2', 'secure-operation.pdf');
    writeFileAtomic(path, bytes('%PDF-1.7 first'));
    expect(readFileSync(path, 'utf8')).toBe('%PDF-1.7 first');
    expect(readdirSync(join(dir, 'out', 'gf-x2'))).toEqual(['secure-operation.pdf']);
  });

  it('replaces an existing file whole', () => {
    const dir = tempDir();
    const path = join(dir, 'doc.docx');
    writeFileSync(path, 'an older, much longer document that must not show through');
    writeFileAtomic(path, bytes('new'));
    expect(readFileSync(path, 'utf8')).toBe('new');
    writeFileAtomic(path, bytes('newer'));
    expect(readFileSync(path, 'utf8')).toBe('newer');
    expect(readdirSync(dir)).toEqual(['doc.docx']);
  });

  it('throws and leaves no temporary file when the rename fails', () => {
    const dir = tempDir();
    // A non-empty folder where the file should go: the bytes can be written, the rename cannot.
    const path = join(dir, 'secure-operation.pdf');
    mkdirSync(path);
    writeFileSync(join(path, 'keep.txt'), 'keep');
    expect(() => writeFileAtomic(path, bytes('%PDF'))).toThrow();
    expect(readdirSync(dir)).toEqual(['secure-operation.pdf']);
    expect(readdirSync(path)).toEqual(['keep.txt']);
  });

  it('throws when the folder cannot be created, writing nothing', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'out'), 'a file, not a folder');
    expect(() => writeFileAtomic(join(dir, 'out', 'x', 'doc.pdf'), bytes('%PDF'))).toThrow();
    expect(readdirSync(dir)).toEqual(['out']);
    expect(readFileSync(join(dir, 'out'), 'utf8')).toBe('a file, not a folder');
  });
});

describe('temporary files of killed runs', () => {
  it('removes those whose process no longer runs, in the folder and its product folders, and keeps a running one’s', async () => {
    const { removeStaleTemps } = await import('../../src/pipeline/write-atomic.js');
    const dir = tempDir();
    mkdirSync(join(dir, 'gf-x2'));
    writeFileSync(join(dir, 'gf-x2', '.a.pdf.techfile-tmp-999999999-1'), 'half');
    writeFileSync(join(dir, '.b.docx.techfile-tmp-999999998-3'), 'half');
    writeFileSync(join(dir, 'gf-x2', '.c.pdf.techfile-tmp-12345-1'), 'being written');
    writeFileSync(join(dir, 'gf-x2', 'a.pdf'), 'whole');
    const removed = removeStaleTemps(dir, (pid) => pid === 12345);
    expect(removed.map((p) => p.slice(dir.length + 1)).sort()).toEqual([
      '.b.docx.techfile-tmp-999999998-3',
      'gf-x2/.a.pdf.techfile-tmp-999999999-1',
    ]);
    expect(readdirSync(join(dir, 'gf-x2')).sort()).toEqual(['.c.pdf.techfile-tmp-12345-1', 'a.pdf']);
  });

  it('creates the output folder without looping where mkdir cannot (under /proc)', async () => {
    const { makeDirectory } = await import('../../src/pipeline/make-dir.js');
    expect(() => makeDirectory('/proc/techfile-test/x')).toThrow();
    const dir = tempDir();
    makeDirectory(join(dir, 'a', 'b', 'c'));
    expect(readdirSync(join(dir, 'a', 'b'))).toEqual(['c']);
  });
});
