import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { FONT_KEYS, loadFonts, primeFonts } from '../../src/render/pdf/paint/fonts.js';

describe('primeFonts', () => {
  it('makes selecting a registered font reuse one font object instead of re-opening it', () => {
    const fonts = loadFonts();
    const doc = new PDFDocument({ autoFirstPage: false, font: fonts.sources.regular as string });
    for (const key of FONT_KEYS) doc.registerFont(key, fonts.sources[key] as string);
    primeFonts(doc);
    const internal = doc as unknown as { _font: unknown; _fontCount: number };
    const count = internal._fontCount;
    const seen = new Map<string, unknown>();
    for (let round = 0; round < 3; round++)
      for (const key of FONT_KEYS) {
        doc.font(key);
        if (!seen.has(key)) seen.set(key, internal._font);
        expect(internal._font, key).toBe(seen.get(key));
      }
    // No font was opened again: pdfkit numbers every font it opens.
    expect(internal._fontCount).toBe(count);
  });

  it('measures the regular face the same way every time, longer words wider', () => {
    const { measurer } = loadFonts();
    const a = measurer.width('Vulnerability', 'regular', 10);
    expect(measurer.width('Vulnerability', 'regular', 10)).toBe(a);
    expect(a).toBeGreaterThan(measurer.width('Vulnerabilit', 'regular', 10));
  });
});
