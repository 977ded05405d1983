import PDFDocument from 'pdfkit';
import type { DocumentMeta } from '../../../model/nodes.js';
import type { LayoutResult } from '../layout/types.js';
import { PAGE } from '../style.js';
import { FONT_KEYS, primeFonts, type LoadedFonts } from './fonts.js';
import { paintPage, type PaintEnv } from './paint.js';
import { boundShapingCaches } from './shaping-cache.js';
import { PageContent } from './content.js';
import { TextPainter } from './text.js';
import type { OutlineFont } from './watermark.js';

/** Document dates come from the metadata, never the clock, so output is reproducible. */
export function documentDate(iso: string): Date {
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? new Date(0) : date;
}

type OutlineItem = ReturnType<PDFKit.PDFDocument['outline']['addItem']>;

function addOutline(doc: PDFKit.PDFDocument, layout: LayoutResult): void {
  const stack: { depth: number; item: OutlineItem }[] = [];
  for (const h of layout.headings) {
    while (stack.length > 0 && (stack[stack.length - 1]?.depth ?? 0) >= h.depth) stack.pop();
    const parent = stack[stack.length - 1]?.item ?? doc.outline;
    // pdfkit measures `left` from the right edge; the page width puts the view at x = 0.
    const options = { pageNumber: h.page, top: h.y, left: PAGE.width, expanded: h.depth === 1 };
    const item = parent.addItem(h.title, options);
    stack.push({ depth: h.depth, item });
  }
}

/** Paints the laid-out pages into a PDF with metadata, named destinations and bookmarks. */
export function writePdf(
  meta: DocumentMeta,
  layout: LayoutResult,
  fonts: LoadedFonts,
  assets: ReadonlyMap<string, Uint8Array>,
): Promise<Uint8Array> {
  const date = documentDate(meta.date);
  const doc = new PDFDocument({
    autoFirstPage: false,
    bufferPages: true,
    size: 'A4',
    margin: 0,
    pdfVersion: '1.7',
    lang: meta.language,
    displayTitle: true,
    font: fonts.sources.regular as string,
    info: {
      Title: meta.title,
      Author: meta.author,
      Subject: meta.subject,
      Keywords: meta.keywords.join(', '),
      Creator: 'techfile',
      Producer: 'techfile (PDFKit)',
      CreationDate: date,
      ModDate: date,
      // Custom Info entries: the full fingerprints of the inputs (see DocumentMeta.fingerprints).
      ...(meta.fingerprints
        ? {
            TechfileGenerator: meta.fingerprints.generator,
            TechfileDataSHA256: meta.fingerprints.dataSha256,
            TechfileTemplatesSHA256: meta.fingerprints.templatesSha256,
          }
        : {}),
    },
  });
  for (const key of FONT_KEYS) doc.registerFont(key, fonts.sources[key] as string);
  const primed = primeFonts(doc);
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  const content = new PageContent(doc);
  const env: PaintEnv = {
    assets,
    destinations: new Set(layout.headings.map((h) => h.id)),
    watermarkFont: fonts.sources.bold as OutlineFont,
    content,
    text: new TextPainter(doc, primed, content),
  };
  for (const page of layout.pages) {
    doc.addPage({ size: 'A4', margin: 0 });
    paintPage(doc, page, env);
  }
  addOutline(doc, layout);
  doc.end();
  // Between documents (this one is shaped and encoded), so the next one's layout and painting
  // start within the bound.
  boundShapingCaches();
  return done;
}
