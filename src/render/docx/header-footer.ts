import { Footer, Header, PageNumber, Paragraph, Tab, TabStopType, TextRun } from 'docx';
import type { DocumentMeta } from '../../model/nodes.js';
import { footerText, headerTexts, CAPTIONS, shortenToFit } from '../captions.js';
import { textWidth } from './metrics.js';
import { STYLE } from './styles.js';
import { COLOR, SIZE, TEXT_WIDTH } from './theme.js';

const rightTab = [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }];

/** Room kept between the two parts of the header, in points. */
const HEADER_GAP_PT = 18;

/**
 * Running header: product — title on the left; the DRAFT marking (or the document number) on
 * the right. The left part is shortened (at a word, with an ellipsis) to what the estimated
 * Arial widths say fits beside the right part, so the header never wraps to a second line.
 */
export function runningHeader(meta: DocumentMeta): Header {
  const texts = headerTexts(meta);
  const sizePt = SIZE.small / 2;
  const room = TEXT_WIDTH / 20 - textWidth(texts.right, { bold: meta.draft }, sizePt) - HEADER_GAP_PT;
  const left = shortenToFit(texts.left, (candidate) => textWidth(candidate, {}, sizePt) <= room);
  const right = meta.draft
    ? new TextRun({ text: texts.right, bold: true, color: COLOR.draft })
    : new TextRun(texts.right);
  return new Header({
    children: [
      new Paragraph({
        style: STYLE.header,
        tabStops: rightTab,
        border: { bottom: { style: 'single', size: 4, color: COLOR.rule, space: 4 } },
        children: [new TextRun(left), new TextRun({ children: [new Tab()] }), right],
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
            children: [new Tab(), `${CAPTIONS.page} `, PageNumber.CURRENT, ` ${CAPTIONS.of} `, PageNumber.TOTAL_PAGES],
          }),
        ],
      }),
    ],
  });
}
