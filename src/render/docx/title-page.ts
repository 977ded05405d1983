import type { DocumentMeta } from '../../model/nodes.js';
import { CAPTIONS, REVISION_HEADER, documentControlRows, revisionRows } from '../captions.js';
import { paragraphXml, runPropsXml, textRunXml } from './ooxml.js';
import { STYLE } from './styles.js';
import { gridTable, scaleWidths } from './table.js';
import { COLOR } from './theme.js';

const BOLD = runPropsXml({ bold: true });
const text = (value: string): string => textRunXml(value);
const bold = (value: string): string => textRunXml(value, BOLD);
const styled = (style: string, value: string): string => paragraphXml({ style }, text(value));

/**
 * The title page of a controlled document: draft marking, product and title, subtitle,
 * manufacturer, the document-control table and the revision history, then a page break
 * (carried by the first body paragraph).
 */
export function renderTitlePage(meta: DocumentMeta): string {
  let out = '';
  // On the page itself, not only in the header: the title page has no running header.
  if (meta.draft) out += styled(STYLE.draftMark, CAPTIONS.draft);
  out += paragraphXml(
    { spacing: { before: meta.draft ? 1200 : 1680, after: 120 } },
    textRunXml(meta.manufacturer, runPropsXml({ size: 22, color: COLOR.muted, allCaps: true })),
  );
  out += styled(STYLE.productName, meta.productName) + styled(STYLE.title, meta.title);
  if (meta.subtitle !== undefined && meta.subtitle !== '') out += styled(STYLE.subtitle, meta.subtitle);
  else out += paragraphXml({ spacing: { after: 480 } }, '');

  out += styled(STYLE.titlePageLabel, CAPTIONS.documentControl);
  out += gridTable({
    widths: scaleWidths([1, 2.6]),
    headerRows: 0,
    rows: documentControlRows(meta).map(([label, value]) => [
      { children: bold(label), fill: COLOR.labelFill },
      { children: text(value) },
    ]),
  });

  out += styled(STYLE.titlePageLabel, CAPTIONS.revisionHistory);
  const header = REVISION_HEADER.map((label) => ({ children: bold(label), fill: COLOR.tableHeaderFill }));
  const revisions = revisionRows(meta).map((row) => row.map((v) => ({ children: text(v) })));
  out += gridTable({ widths: scaleWidths([0.8, 1.1, 2, 3.6]), headerRows: 1, rows: [header, ...revisions] });
  return out;
}
