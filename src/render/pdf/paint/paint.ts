import type { DrawOp, LayoutPage, LineOp, RectOp } from '../layout/types.js';
import type { PageContent } from './content.js';
import { paintLine, paintRect } from './shapes.js';
import type { TextPainter } from './text.js';
import { paintWatermark, type OutlineFont } from './watermark.js';

type Doc = PDFKit.PDFDocument;

export interface PaintEnv {
  readonly assets: ReadonlyMap<string, Uint8Array>;
  /** Heading ids that have a named destination. */
  readonly destinations: ReadonlySet<string>;
  readonly watermarkFont: OutlineFont;
  /** The page's operators written by techfile; flushed before pdfkit draws anything itself. */
  readonly content: PageContent;
  readonly text: TextPainter;
}

/** A rectangle drawn by pdfkit's own calls: the fallback, and what shapes.ts must write byte for byte. */
export function pdfkitRect(doc: Doc, op: RectOp): void {
  doc.save();
  doc.rect(op.x, op.y, op.w, op.h);
  if (op.fill !== undefined && op.stroke !== undefined)
    doc.lineWidth(op.lineWidth ?? 0.5).fillAndStroke(op.fill, op.stroke);
  else if (op.fill !== undefined) doc.fill(op.fill);
  else if (op.stroke !== undefined) doc.lineWidth(op.lineWidth ?? 0.5).stroke(op.stroke);
  doc.restore();
}

/** A line drawn by pdfkit's own calls (see pdfkitRect). */
export function pdfkitLine(doc: Doc, op: LineOp): void {
  doc.save().moveTo(op.x1, op.y1).lineTo(op.x2, op.y2).lineWidth(op.width).strokeColor(op.color).stroke().restore();
}

function paintOp(doc: Doc, op: DrawOp, env: PaintEnv): void {
  if (op.kind === 'text') {
    env.text.paint(op);
    return;
  }
  if (op.kind === 'rect' && paintRect(env.content, op)) return;
  if (op.kind === 'line' && paintLine(env.content, op)) return;
  env.content.flush();
  switch (op.kind) {
    case 'rect':
      pdfkitRect(doc, op);
      break;
    case 'line':
      pdfkitLine(doc, op);
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
  env.content.flush();
}
