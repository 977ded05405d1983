import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../cli/run.js';
import { device } from '../hostile/corpus.js';

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

/** `code file:line:col` of each diagnostic in the text output. */
function located(text: string): string[] {
  return [...text.matchAll(/^(\S+:\d+:\d+): warning\[([a-z/-]+)\]/gm)].map((m) => `${m[2]} ${m[1]}`);
}

/**
 * A character the embedded PDF fonts lack (an emoji in the product name) prints as an empty box:
 * generate says so, at the field, for the PDF only, and still writes every document.
 */
describe('generate: a character the PDF fonts cannot draw', () => {
  const root = mkdtempSync(join(tmpdir(), 'techfile-glyph-'));
  roots.push(root);
  writeFileSync(join(root, 'plain.yaml'), device('', 'plain-x'));
  writeFileSync(join(root, 'heart.yaml'), device('', 'heart-x').replace('name: Hostile X', 'name: "Hostile 🫀 X"'));
  const args = ['--doc', 'decommissioning', '--format', 'pdf,docx', '--jobs', '1'];

  it('warns at product.name, for each PDF and no DOCX, and exits 0', async () => {
    const r = await run(['generate', 'heart.yaml', ...args, '--out', 'out'], root);
    expect(r.code, r.stderr).toBe(0);
    const warned = located(r.stderr).filter((l) => l.startsWith('render/missing-glyph'));
    // The document and its traceability record, both PDFs, both printing the product name.
    expect(warned).toEqual(['render/missing-glyph heart.yaml:3:9', 'render/missing-glyph heart.yaml:3:9']);
    expect(r.stderr).toContain('decommissioning PDF: U+1FAC0 "🫀"');
    expect(r.stderr).toContain('field: product.name');
    expect(r.stderr).not.toMatch(/DOCX: U\+/);
    expect(r.stdout).toContain('out/heart-x/decommissioning.pdf');
    expect(r.stdout).toContain('out/heart-x/decommissioning.docx');
  });

  it('says nothing about a product whose text the fonts cover, and writes the same bytes beside one that has an emoji', async () => {
    const alone = await run(['generate', 'plain.yaml', ...args, '--out', 'alone'], root);
    expect(alone.code, alone.stderr).toBe(0);
    expect(alone.stderr).not.toContain('render/missing-glyph');
    const both = await run(['generate', 'plain.yaml', 'heart.yaml', ...args, '--out', 'both'], root);
    expect(both.code, both.stderr).toBe(0);
    expect(located(both.stderr).every((l) => l.includes('heart.yaml'))).toBe(true);
    for (const file of ['decommissioning.pdf', 'decommissioning.traceability.pdf'])
      expect(
        readFileSync(join(root, 'both/plain-x', file)).equals(readFileSync(join(root, 'alone/plain-x', file))),
        file,
      ).toBe(true);
  });
});
