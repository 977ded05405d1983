import type { DocumentMeta } from '../../model/nodes.js';
import { footerText, headerTexts, CAPTIONS, shortenToFit } from '../captions.js';
import { textWidth } from './metrics.js';
import { TAB_RUN, paragraphXml, runPropsXml, textRunXml, textXml } from './ooxml.js';
import type { ParagraphProps } from './ooxml.js';
import { STYLE } from './styles.js';
import { COLOR, SIZE, TEXT_WIDTH } from './theme.js';

const rightTab = [{ type: 'right' as const, position: TEXT_WIDTH }];
const rule = { style: 'single' as const, size: 4, color: COLOR.rule, space: 4 };

/** Room kept between the two parts of the header, in points. */
const HEADER_GAP_PT = 18;

/**
 * Running header (the paragraph of header1.xml): product — title on the left; the DRAFT marking
 * (or the document number) on the right. The left part is shortened (at a word, with an ellipsis)
 * to what the estimated Arial widths say fits beside the right part, so the header never wraps to
 * a second line.
 */
export function runningHeader(meta: DocumentMeta): string {
  const texts = headerTexts(meta);
  const sizePt = SIZE.small / 2;
  const room = TEXT_WIDTH / 20 - textWidth(texts.right, { bold: meta.draft }, sizePt) - HEADER_GAP_PT;
  const left = shortenToFit(texts.left, (candidate) => textWidth(candidate, {}, sizePt) <= room);
  const right = meta.draft
    ? textRunXml(texts.right, runPropsXml({ bold: true, color: COLOR.draft }))
    : textRunXml(texts.right);
  const props: ParagraphProps = { style: STYLE.header, tabs: rightTab, border: { bottom: rule } };
  return paragraphXml(props, textRunXml(left) + TAB_RUN + right);
}

/** The title page has no running header: its own content names the document (and marks a draft). */
export function titlePageHeader(): string {
  return paragraphXml({ style: STYLE.header }, '');
}

/** A field whose result Word and LibreOffice compute (PAGE, NUMPAGES). */
const field = (instruction: string): string =>
  '<w:r><w:fldChar w:fldCharType="begin"/></w:r>' +
  `<w:r><w:instrText xml:space="preserve">${instruction}</w:instrText></w:r>` +
  '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>';

/** Footer on every page: document number, version and status; "Page X of Y" on the right. */
export function runningFooter(meta: DocumentMeta): string {
  const props: ParagraphProps = { style: STYLE.footer, tabs: rightTab, border: { top: rule } };
  return paragraphXml(
    props,
    textRunXml(footerText(meta)) +
      `<w:r><w:tab/>${textXml(`${CAPTIONS.page} `)}</w:r>` +
      field('PAGE') +
      textRunXml(` ${CAPTIONS.of} `) +
      field('NUMPAGES'),
  );
}
