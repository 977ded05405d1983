import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import type { TextOp } from '../../src/render/pdf/layout/types.js';
import { FONT_KEYS, loadFonts, primeFonts } from '../../src/render/pdf/paint/fonts.js';
import { TextPainter } from '../../src/render/pdf/paint/text.js';

const DATE = new Date('2026-01-02T00:00:00Z');

/** A PDF of the ops painted either by pdfkit's `doc.text` or by TextPainter, as bytes. */
function pdf(ops: readonly TextOp[], how: 'pdfkit' | 'painter'): Promise<string> {
  const fonts = loadFonts();
  const doc = new PDFDocument({
    autoFirstPage: false,
    size: 'A4',
    margin: 0,
    font: fonts.sources.regular as string,
    info: { CreationDate: DATE, ModDate: DATE },
  });
  for (const key of FONT_KEYS) doc.registerFont(key, fonts.sources[key] as string);
  const painter = new TextPainter(doc, primeFonts(doc));
  const chunks: Buffer[] = [];
  const done = new Promise<string>((resolve) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks).toString('hex')));
  });
  for (const page of [ops, [...ops].reverse()]) {
    doc.addPage();
    for (const op of page) {
      if (how === 'painter') painter.paint(op);
      else {
        const options = { lineBreak: false, baseline: 'alphabetic' } as PDFKit.Mixins.TextOptions;
        doc.font(op.font).fontSize(op.size).fillColor(op.color).text(op.text, op.x, op.y, options);
      }
    }
    // Something drawn by pdfkit itself between text lines must stay in its place.
    painter.flush();
    doc.rect(10, 10, 20, 20).fill('#123456');
    painter.flush();
  }
  doc.end();
  return done;
}

const op = (text: string, more: Partial<TextOp> = {}): TextOp => ({
  kind: 'text',
  x: 56.7,
  y: 100.25,
  text,
  font: 'regular',
  size: 9.5,
  color: '#1a2b3c',
  ...more,
});

describe('TextPainter', () => {
  it('writes the same bytes as pdfkit text for every kind of line', async () => {
    const ops: TextOp[] = [
      op('Plain words, kerned pairs: AVAILABILITY, Wave, To, Yield.'),
      op('Two  spaces,\ttabs, trailing space ', { font: 'bold', size: 14, y: 130 }),
      op('Ελληνικά και кириллица: Ωμέγα, Привет — “quotes”', { font: 'italic', color: '#abc' }),
      op('const x = a => b;', { font: 'mono', size: 8, x: 70.123456789 }),
      op('', { color: '#000000' }),
      op('e\u0301 combining mark', { font: 'boldItalic' }),
      op('first\nsecond', { y: 300 }),
      op('named colour', { color: 'red' }),
      op('Plain words, kerned pairs: AVAILABILITY, Wave, To, Yield.', { y: 700.5 }),
    ];
    const painted = await pdf(ops, 'painter');
    expect(painted).toBe(await pdf(ops, 'pdfkit'));
  });
});
