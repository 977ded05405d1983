// The raw building blocks: a document model rendered straight with `docx` and with `pdfkit`
// (embedded DejaVu font, plain text flow), without any cache or techfile layout engine.
// What techfile adds on top (title page, TOC, numbering, tables laid out by hand) is not here,
// so the ratio techfile/raw is a conservative measure of the overhead.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import PDFDocument from 'pdfkit';
import { inlineText } from '../../dist/model/text.js';

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
];

function runs(inlines, style = {}) {
  const out = [];
  for (const n of inlines) {
    if (n.type === 'strong') out.push(...runs(n.children, { ...style, bold: true }));
    else if (n.type === 'emphasis') out.push(...runs(n.children, { ...style, italics: true }));
    else if (n.type === 'link') out.push(...runs(n.children, style));
    else if (n.type === 'break') out.push(new TextRun({ text: '', break: 1 }));
    else out.push(new TextRun({ text: inlineText([n]), ...style }));
  }
  return out;
}

function docxBlocks(blocks, level = 0) {
  const out = [];
  for (const b of blocks) {
    if (b.type === 'heading') out.push(new Paragraph({ heading: HEADINGS[b.depth - 1], children: runs(b.children) }));
    else if (b.type === 'paragraph')
      out.push(new Paragraph({ children: runs(b.children), ...(level > 0 ? { bullet: { level: level - 1 } } : {}) }));
    else if (b.type === 'code')
      out.push(new Paragraph({ children: [new TextRun({ text: b.value, font: 'Courier New' })] }));
    else if (b.type === 'list') for (const item of b.items) out.push(...docxBlocks(item.children, level + 1));
    else if (b.type === 'admonition') out.push(...docxBlocks(b.children, level));
    else if (b.type === 'table')
      out.push(
        new Table({
          rows: b.rows.map(
            (r) =>
              new TableRow({
                children: r.cells.map(
                  (c) => new TableCell({ children: [new Paragraph({ children: runs(c.children) })] }),
                ),
              }),
          ),
        }),
      );
  }
  return out;
}

export async function rawDocx(model) {
  const doc = new Document({ sections: [{ children: docxBlocks(model.children) }] });
  return Packer.toBuffer(doc);
}

const fontDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONTS = {
  regular: readFileSync(join(fontDir, 'DejaVuSans.ttf')),
  bold: readFileSync(join(fontDir, 'DejaVuSans-Bold.ttf')),
};

function* pdfItems(blocks) {
  for (const b of blocks) {
    if (b.type === 'heading')
      yield { font: 'bold', size: 16 - Math.min(b.depth, 4) * 1.5, text: inlineText(b.children) };
    else if (b.type === 'paragraph') yield { font: 'regular', size: 10, text: inlineText(b.children) };
    else if (b.type === 'code') yield { font: 'regular', size: 9, text: b.value };
    else if (b.type === 'list') for (const item of b.items) yield* pdfItems(item.children);
    else if (b.type === 'admonition') yield* pdfItems(b.children);
    else if (b.type === 'table')
      for (const r of b.rows)
        yield { font: 'regular', size: 9, text: r.cells.map((c) => inlineText(c.children)).join('   ') };
  }
}

/** A fresh PDF per call: fonts are embedded anew and pdfkit's shaping cache starts empty. */
export function rawPdf(model) {
  return new Promise((resolvePdf, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 56, compress: true });
    const chunks = [];
    doc.on('data', (c) => chunks.push(c));
    doc.on('end', () => resolvePdf(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('regular', FONTS.regular);
    doc.registerFont('bold', FONTS.bold);
    for (const item of pdfItems(model.children))
      doc.font(item.font).fontSize(item.size).text(item.text, { paragraphGap: 4 });
    doc.end();
  });
}
