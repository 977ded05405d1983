import type { DrawOp, LayoutPage, WatermarkOp } from '../layout/types.js';
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

export interface PaintEnv {
  readonly assets: ReadonlyMap<string, Uint8Array>;
  /** Heading ids that have a named destination. */
  readonly destinations: ReadonlySet<string>;
  readonly watermarkFont: OutlineFont;
}

/** pdfkit's text options include `baseline`, which @types/pdfkit does not list. */
type TextOptions = PDFKit.Mixins.TextOptions & { baseline?: 'alphabetic' | 'middle' };

function paintOp(doc: Doc, op: DrawOp, env: PaintEnv): void {
  switch (op.kind) {
    case 'text': {
      // lineBreak: false: layout has already placed the line, pdfkit must not wrap or paginate.
      const options: TextOptions = { lineBreak: false, baseline: 'alphabetic' };
      doc.font(op.font).fontSize(op.size).fillColor(op.color).text(op.text, op.x, op.y, options);
      break;
    }
    case 'rect':
      doc.save();
      doc.rect(op.x, op.y, op.w, op.h);
      if (op.fill !== undefined && op.stroke !== undefined)
        doc.lineWidth(op.lineWidth ?? 0.5).fillAndStroke(op.fill, op.stroke);
      else if (op.fill !== undefined) doc.fill(op.fill);
      else if (op.stroke !== undefined) doc.lineWidth(op.lineWidth ?? 0.5).stroke(op.stroke);
      doc.restore();
      break;
    case 'line':
      doc.save().moveTo(op.x1, op.y1).lineTo(op.x2, op.y2).lineWidth(op.width).strokeColor(op.color).stroke().restore();
      break;
    case 'link':
      if (op.url.startsWith('#')) {
        // A link to a heading that does not exist would be a dead click: leave it as text.
        if (env.destinations.has(op.url.slice(1))) doc.goTo(op.x, op.y, op.w, op.h, op.url.slice(1));
      } else {
        doc.link(op.x, op.y, op.w, op.h, op.url);
      }
      break;
    case 'dest':
      doc.addNamedDestination(op.name, 'XYZ', 0, op.y, null);
      break;
    case 'image': {
      const bytes = env.assets.get(op.src);
      if (bytes !== undefined) doc.image(Buffer.from(bytes), op.x, op.y, { width: op.w, height: op.h });
      break;
    }
    case 'watermark':
      paintWatermark(doc, op, env.watermarkFont);
      break;
  }
}

/** Paints one laid-out page onto pdfkit's current page. */
export function paintPage(doc: Doc, page: LayoutPage, env: PaintEnv): void {
  for (const op of page.ops) paintOp(doc, op, env);
}

/**
 * The watermark is drawn as glyph outlines, not text: text would be extracted by
 * pdftotext and copy-paste, interleaving stray "D R A F T" letters with the content.
 */
function paintWatermark(doc: Doc, op: WatermarkOp, font: OutlineFont): void {
  const run = font.layout(op.text);
  const scale = op.size / font.unitsPerEm;
  const total = run.positions.reduce((s, p) => s + p.xAdvance, 0);
  doc.save();
  doc.fillColor(op.color).fillOpacity(op.opacity);
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
  doc.restore();
}
