import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { FONT_FILES, fontDirectory } from '../../src/render/pdf/paint/font-files.js';
import { decodeGlyphsOnce } from '../../src/render/pdf/paint/glyph-decoding.js';

interface Glyph {
  readonly id: number;
  _decode(): { numberOfContours: number } | null;
}
interface Font {
  getGlyph(id: number): Glyph;
  layout(text: string): { glyphs: readonly Glyph[] };
  createSubset(): { includeGlyph(id: number): number; encode(): Uint8Array };
}

/** A freshly parsed font, as pdfkit parses a font file. */
const freshFont = (): Font =>
  (
    new PDFDocument({ autoFirstPage: false, font: join(fontDirectory(), FONT_FILES.bold) }) as unknown as {
      _font: { font: Font };
    }
  )._font.font;

// Accented letters are composite glyphs in DejaVu: the subset then renumbers their components.
const TEXT = 'Åçé Ωμέγα Привет ĳ fi 1234 AVAILABILITY';
const subset = (font: Font): string => {
  const s = font.createSubset();
  for (const g of font.layout(TEXT).glyphs) s.includeGlyph(g.id);
  return Buffer.from(s.encode()).toString('hex');
};

describe('decodeGlyphsOnce', () => {
  it('decodes a glyph once and gives font subsets the same bytes as a plain font', () => {
    const plain = freshFont();
    const once = freshFont();
    decodeGlyphsOnce(once);
    const ids = plain.layout(TEXT).glyphs.map((g) => g.id);
    expect(ids.some((id) => (plain.getGlyph(id)._decode()?.numberOfContours ?? 0) < 0)).toBe(true);
    const glyph = once.getGlyph(ids[0] ?? 0);
    expect(glyph._decode()).toBe(glyph._decode());
    expect(plain.getGlyph(ids[0] ?? 0)._decode()).not.toBe(plain.getGlyph(ids[0] ?? 0)._decode());
    const expected = subset(plain);
    expect(subset(once)).toBe(expected);
    expect(subset(once)).toBe(expected);
  });
});
