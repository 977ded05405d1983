import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';

/**
 * The README's library example is code a user copies: it must run as written. The only
 * changes are the package name (the source entry point here) and the output folder (a
 * temporary one, so the test writes nothing into the repository).
 */
const ROOT = resolve(import.meta.dirname, '..');
const temps: string[] = [];
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

function libraryExample(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.split(/^## Library$/m)[1]?.split(/^## /m)[0] ?? '';
  const code = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  if (code === undefined) throw new Error('README.md has no ```ts block in its "Library" section');
  return code;
}

describe('README library example', () => {
  it('imports only from the package name and writes to a folder it names', () => {
    const code = libraryExample();
    expect(code).toMatch(/from 'techfile';/);
    expect(code).toContain("outDir: 'out'");
  });

  it('runs as written: loads, validates, generates a DOCX and reports coverage', async () => {
    const out = mkdtempSync(join(tmpdir(), 'techfile-readme-'));
    temps.push(out);
    const code = libraryExample()
      .replace(/from 'techfile';/g, `from ${JSON.stringify(pathToFileURL(join(ROOT, 'src/index.ts')).href)};`)
      .replace("outDir: 'out'", `outDir: ${JSON.stringify(out)}`);
    // Inside the repository, so vitest compiles the TypeScript like any other module.
    const dir = join(ROOT, 'tests', '.readme-example');
    mkdirSync(dir, { recursive: true });
    temps.push(dir);
    const file = join(dir, 'example.ts');
    writeFileSync(file, code);
    const lines: string[] = [];
    const log = vi
      .spyOn(console, 'log')
      .mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' ')));
    try {
      await import(pathToFileURL(file).href);
    } finally {
      log.mockRestore();
    }
    expect(lines[0]).toBe('1 file(s) checked, 0 invalid');
    const docx = join(out, 'lumen-cxr', 'ai-transparency.docx');
    expect(lines).toContain(`wrote ${docx}`);
    expect(existsSync(docx)).toBe(true);
    expect(readFileSync(docx).subarray(0, 2).toString('latin1')).toBe('PK');
    const percents = lines.filter((l) => / % addressed$/.test(l));
    expect(percents.some((l) => l.startsWith('ai-transparency: '))).toBe(true);
    expect(percents.every((l) => Number(/: (\d+) %/.exec(l)?.[1]) <= 100)).toBe(true);
  });
});
