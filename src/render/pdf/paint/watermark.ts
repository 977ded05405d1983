import PDFDocument from 'pdfkit';
import type { WatermarkOp } from '../layout/types.js';
import { PAGE } from '../style.js';

type Doc = PDFKit.PDFDocument;

/** The parts of a parsed fontkit font used to draw glyph outlines. */
export interface OutlineFont {
  readonly unitsPerEm: number;
  /** Absent when the OS/2 table is old (DejaVu): fall back to a typical 0.73 em. */
  readonly capHeight?: number;
  layout(text: string): {
    readonly glyphs: readonly { readonly path: { toSVG(): string } }[];
    readonly positions: readonly { readonly xAdvance: number }[];
  };
}

/** The outline operators of a watermark, by font, text and size (a handful per process). */
const outlines = new WeakMap<OutlineFont, Map<string, Uint8Array>>();

/**
 * The watermark is drawn as glyph outlines, not text: text would be extracted by
 * pdftotext and copy-paste, interleaving stray "D R A F T" letters with the content.
 * Colour and opacity are set on the document (opacity registers a graphics state in it); the
 * outline operators are the same on every page, so they are drawn once per process.
 */
export function paintWatermark(doc: Doc, op: WatermarkOp, font: OutlineFont): void {
  doc.save();
  doc.fillColor(op.color).fillOpacity(op.opacity);
  doc.page.write(outlineOperators(op, font));
  doc.restore();
}

/** The operators pdfkit writes for the rotated outlines, recorded on a private page. */
function outlineOperators(op: WatermarkOp, font: OutlineFont): Uint8Array {
  let byText = outlines.get(font);
  if (byText === undefined) {
    byText = new Map();
    outlines.set(font, byText);
  }
  const key = `${String(op.size)} ${op.text}`;
  const known = byText.get(key);
  if (known !== undefined) return known;
  const doc = new PDFDocument({ size: 'A4', margin: 0, compress: false });
  const content = (doc.page as unknown as { content: { buffer: Uint8Array[] } }).content;
  content.buffer.length = 0;
  drawOutlines(doc, op, font);
  const bytes = new Uint8Array(Buffer.concat(content.buffer));
  byText.set(key, bytes);
  return bytes;
}

function drawOutlines(doc: Doc, op: WatermarkOp, font: OutlineFont): void {
  const run = font.layout(op.text);
  const scale = op.size / font.unitsPerEm;
  const total = run.positions.reduce((s, p) => s + p.xAdvance, 0);
  doc.rotate(-52, { origin: [PAGE.width / 2, PAGE.height / 2] });
  doc.translate(
    PAGE.width / 2 - (total * scale) / 2,
    PAGE.height / 2 + ((font.capHeight ?? 0.73 * font.unitsPerEm) * scale) / 2,
  );
  doc.scale(scale, -scale);
  let x = 0;
  run.glyphs.forEach((glyph, i) => {
    doc.save();
    doc.translate(x, 0);
    doc.path(glyph.path.toSVG()).fill();
    doc.restore();
    x += run.positions[i]?.xAdvance ?? 0;
  });
}
