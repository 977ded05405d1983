import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import type { DrawOp, LineOp, RectOp, TextOp } from '../../src/render/pdf/layout/types.js';
import { PageContent } from '../../src/render/pdf/paint/content.js';
import { FONT_KEYS, loadFonts, primeFonts } from '../../src/render/pdf/paint/fonts.js';
import { pdfkitLine, pdfkitRect } from '../../src/render/pdf/paint/paint.js';
import { paintLine, paintRect } from '../../src/render/pdf/paint/shapes.js';
import { TextPainter } from '../../src/render/pdf/paint/text.js';

const DATE = new Date('2026-01-02T00:00:00Z');

/** pdfkit's own drawing of an op, as paint.ts drew every op before PageContent. */
function pdfkitPaint(doc: PDFKit.PDFDocument, op: DrawOp): void {
  if (op.kind === 'text') {
    const options = { lineBreak: false, baseline: 'alphabetic' } as PDFKit.Mixins.TextOptions;
    doc.font(op.font).fontSize(op.size).fillColor(op.color).text(op.text, op.x, op.y, options);
  } else if (op.kind === 'rect') pdfkitRect(doc, op);
  else if (op.kind === 'line') pdfkitLine(doc, op);
}

/** A PDF of the ops painted either by pdfkit's calls or by PageContent and its painters, as bytes. */
function pdf(ops: readonly DrawOp[], how: 'pdfkit' | 'painter'): Promise<string> {
  const fonts = loadFonts();
  const doc = new PDFDocument({
    autoFirstPage: false,
    size: 'A4',
    margin: 0,
    font: fonts.sources.regular as string,
    info: { CreationDate: DATE, ModDate: DATE },
  });
  for (const key of FONT_KEYS) doc.registerFont(key, fonts.sources[key] as string);
  const content = new PageContent(doc);
  const painter = new TextPainter(doc, primeFonts(doc), content);
  const paint = (op: DrawOp): void => {
    if (op.kind === 'text') painter.paint(op);
    else if (op.kind === 'rect' && paintRect(content, op)) return;
    else if (op.kind === 'line' && paintLine(content, op)) return;
    else {
      content.flush();
      pdfkitPaint(doc, op);
    }
  };
  const chunks: Buffer[] = [];
  const done = new Promise<string>((resolve) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks).toString('hex')));
  });
  for (const page of [ops, [...ops].reverse()]) {
    doc.addPage();
    for (const op of page) {
      if (how === 'painter') paint(op);
      else pdfkitPaint(doc, op);
    }
    // Something drawn by pdfkit itself between text lines must stay in its place.
    content.flush();
    doc.circle(10, 10, 20).fill('#123456');
    content.flush();
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

const rect = (more: Partial<RectOp>): RectOp => ({ kind: 'rect', x: 40.5, y: 60.25, w: 100.123, h: 12, ...more });
const line = (more: Partial<LineOp> = {}): LineOp => ({
  kind: 'line',
  x1: 10,
  y1: 20.5,
  x2: 300.333,
  y2: 20.5,
  color: '#cccccc',
  width: 0.75,
  ...more,
});

describe('PageContent painters', () => {
  it('write the same bytes as pdfkit for rules and cells of every kind', async () => {
    const ops: DrawOp[] = [
      rect({ fill: '#eeeeee' }),
      rect({ stroke: '#333', lineWidth: 1.5 }),
      rect({ fill: '#ffffff', stroke: '#000000' }),
      rect({}),
      op('between the shapes'),
      rect({ fill: 'blue', stroke: '#000000' }),
      line(),
      line({ color: 'green' }),
      line({ color: '#abcdef', width: 0.3 }),
    ];
    expect(await pdf(ops, 'painter')).toBe(await pdf(ops, 'pdfkit'));
  });

  it('write the same bytes as pdfkit text for every kind of line', async () => {
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
