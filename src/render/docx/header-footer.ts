import { Footer, Header, PageNumber, Paragraph, Tab, TabStopType, TextRun } from 'docx';
import type { DocumentMeta } from '../../model/nodes.js';
import { footerText, headerTexts, LABELS } from '../labels.js';
import { STYLE } from './styles.js';
import { COLOR, TEXT_WIDTH } from './theme.js';

const rightTab = [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }];

/** Running header: product — title on the left; the DRAFT marking (or the document number) on the right. */
export function runningHeader(meta: DocumentMeta): Header {
  const texts = headerTexts(meta);
  const right = meta.draft ? new TextRun({ text: texts.right, bold: true, color: COLOR.draft }) : new TextRun(texts.right);
  return new Header({
    children: [
      new Paragraph({
        style: STYLE.header,
        tabStops: rightTab,
        border: { bottom: { style: 'single', size: 4, color: COLOR.rule, space: 4 } },
        children: [new TextRun(texts.left), new TextRun({ children: [new Tab()] }), right],
      }),
    ],
  });
}

/** The title page has no running header: its own content names the document (and marks a draft). */
export function titlePageHeader(): Header {
  return new Header({ children: [new Paragraph({ style: STYLE.header, children: [] })] });
}

/** Footer on every page: document number, version and status; "Page X of Y" on the right. */
export function runningFooter(meta: DocumentMeta): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.footer,
        tabStops: rightTab,
        border: { top: { style: 'single', size: 4, color: COLOR.rule, space: 4 } },
        children: [
          new TextRun(footerText(meta)),
          new TextRun({
            children: [new Tab(), `${LABELS.page} `, PageNumber.CURRENT, ` ${LABELS.of} `, PageNumber.TOTAL_PAGES],
          }),
        ],
      }),
    ],
  });
}
