import { Paragraph, TextRun } from 'docx';
import type { ParagraphChild } from 'docx';
import type { DocumentMeta } from '../../model/nodes.js';
import { CAPTIONS, REVISION_HEADER, documentControlRows, revisionRows } from '../captions.js';
import { STYLE } from './styles.js';
import { gridTable, scaleWidths } from './table.js';
import type { BodyChild } from './blocks.js';
import { COLOR } from './theme.js';

const text = (value: string): ParagraphChild[] => [new TextRun(value)];
const bold = (value: string): ParagraphChild[] => [new TextRun({ text: value, bold: true })];

/**
 * The title page of a controlled document: draft marking, product and title, subtitle,
 * manufacturer, the document-control table and the revision history, then a page break
 * (carried by the first body paragraph).
 */
export function renderTitlePage(meta: DocumentMeta): BodyChild[] {
  const out: BodyChild[] = [];
  // On the page itself, not only in the header: the title page has no running header.
  if (meta.draft) out.push(new Paragraph({ style: STYLE.draftMark, children: text(CAPTIONS.draft) }));
  out.push(
    new Paragraph({
      spacing: { before: meta.draft ? 1200 : 1680, after: 120 },
      children: [new TextRun({ text: meta.manufacturer, size: 22, color: COLOR.muted, allCaps: true })],
    }),
    new Paragraph({ style: STYLE.productName, children: text(meta.productName) }),
    new Paragraph({ style: STYLE.title, children: text(meta.title) }),
  );
  if (meta.subtitle !== undefined && meta.subtitle !== '') {
    out.push(new Paragraph({ style: STYLE.subtitle, children: text(meta.subtitle) }));
  } else {
    out.push(new Paragraph({ spacing: { after: 480 } }));
  }

  out.push(new Paragraph({ style: STYLE.titlePageLabel, children: text(CAPTIONS.documentControl) }));
  out.push(
    gridTable({
      widths: scaleWidths([1, 2.6]),
      headerRows: 0,
      rows: documentControlRows(meta).map(([label, value]) => [
        { children: bold(label), fill: COLOR.labelFill },
        { children: text(value) },
      ]),
    }),
  );

  out.push(new Paragraph({ style: STYLE.titlePageLabel, children: text(CAPTIONS.revisionHistory) }));
  const header = REVISION_HEADER.map((label) => ({ children: bold(label), fill: COLOR.tableHeaderFill }));
  const revisions = revisionRows(meta).map((row) => row.map((v) => ({ children: text(v) })));
  out.push(
    gridTable({
      widths: scaleWidths([0.8, 1.1, 2, 3.6]),
      headerRows: 1,
      rows: [header, ...revisions],
    }),
  );
  return out;
}
