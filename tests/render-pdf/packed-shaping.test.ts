import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { FONT_FILES, fontDirectory } from '../../src/render/pdf/paint/font-files.js';
import { boundShapingCaches, shareShaping } from '../../src/render/pdf/paint/shaping-cache.js';

/** The run fields pdfkit reads, from fontkit's own run or from the shared cache. */
interface Run {
  glyphs: { id: number; advanceWidth: number; codePoints: number[] }[];
  positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number; advanceWidth: number }[];
  advanceWidth: number;
}
interface Font {
  layoutRun(text: string): Run;
  layoutCached(text: string): Run;
}

function fontOf(file: string): Font {
  const doc = new PDFDocument({ autoFirstPage: false });
  doc.font(join(fontDirectory(), file));
  return (doc as unknown as { _font: Font })._font;
}

const plain = (run: Run) => ({
  glyphs: run.glyphs.map((g) => ({ id: g.id, advanceWidth: g.advanceWidth, codePoints: [...g.codePoints] })),
  positions: run.positions.map((p) => ({
    xAdvance: p.xAdvance,
    yAdvance: p.yAdvance,
    xOffset: p.xOffset,
    yOffset: p.yOffset,
    advanceWidth: p.advanceWidth,
  })),
  advanceWidth: run.advanceWidth,
});

// Kerned pairs, a ligature candidate, a combining mark (an offset glyph), non-Latin and an emoji
// outside the font, with and without the trailing space pdfkit keeps with a word.
const WORDS = ['AVATAR ', 'To', 'office ', 'e\u0301te\u0301 ', 'Ωμέγα', 'Straße ', '\u{1F600}', '', 'x\t'];

describe('shaped words kept packed in the shared cache', () => {
  it.each([
    ['regular', FONT_FILES.regular],
    ['bold', FONT_FILES.bold],
  ] as const)('give pdfkit the very numbers fontkit shaped (%s), cold and cached', (key, file) => {
    boundShapingCaches(0);
    const fresh = fontOf(file);
    const shared = fontOf(file);
    shareShaping(shared, key);
    for (const word of WORDS) {
      const expected = plain(fresh.layoutRun(word));
      expect(plain(shared.layoutCached(word))).toEqual(expected);
      expect(plain(shared.layoutCached(word))).toEqual(expected);
    }
    expect(WORDS.some((w) => plain(fresh.layoutRun(w)).positions.some((p) => p.xAdvance !== p.advanceWidth))).toBe(
      true,
    );
  });
});
