import type { DocumentMeta } from '../../../model/nodes.js';
import { footerText, headerTexts, CAPTIONS, pageOf, shortenToFit } from '../../captions.js';
import { COLOR, PAGE, SIZE } from '../style.js';
import type { DrawOp, FontKey, LayoutPage, TextMeasurer } from './types.js';

/** `text` shortened at a word, with an ellipsis, until it is at most `maxWidth` wide. */
export function fitText(text: string, font: FontKey, size: number, maxWidth: number, m: TextMeasurer): string {
  return shortenToFit(text, (candidate) => m.width(candidate, font, size) <= maxWidth);
}

function headerFooter(
  meta: DocumentMeta,
  index: number,
  total: number,
  m: TextMeasurer,
): { header: DrawOp[]; footer: DrawOp[] } {
  const left = PAGE.marginLeft;
  const right = PAGE.width - PAGE.marginRight;
  const size = SIZE.small;
  const ops: DrawOp[] = [];
  const texts = headerTexts(meta);
  const rightText = texts.right;
  const rightFont: FontKey = meta.draft ? 'bold' : 'regular';
  const rightWidth = m.width(rightText, rightFont, size);
  const title = fitText(texts.left, 'regular', size, right - left - rightWidth - 18, m);
  const hy = PAGE.headerBaseline;
  ops.push({ kind: 'text', x: left, y: hy, text: title, font: 'regular', size, color: COLOR.muted });
  ops.push({
    kind: 'text',
    x: right - rightWidth,
    y: hy,
    text: rightText,
    font: rightFont,
    size,
    color: meta.draft ? COLOR.draft : COLOR.muted,
  });
  ops.push({ kind: 'line', x1: left, y1: hy + 4, x2: right, y2: hy + 4, color: COLOR.rule, width: 0.5 });

  const footer: DrawOp[] = [];
  const fy = PAGE.footerBaseline;
  footer.push({
    kind: 'line',
    x1: left,
    y1: fy - size - 3,
    x2: right,
    y2: fy - size - 3,
    color: COLOR.rule,
    width: 0.5,
  });
  const pageText = pageOf(index + 1, total);
  const pageWidth = m.width(pageText, 'regular', size);
  const docText = fitText(footerText(meta), 'regular', size, right - left - pageWidth - 18, m);
  footer.push({ kind: 'text', x: left, y: fy, text: docText, font: 'regular', size, color: COLOR.muted });
  footer.push({ kind: 'text', x: right - pageWidth, y: fy, text: pageText, font: 'regular', size, color: COLOR.muted });
  return { header: ops, footer };
}

/**
 * Page furniture, added once the page count is known: the DRAFT watermark under every
 * page's content, and the running header and footer on every page but the title page.
 * Page numbers are physical (the title page is page 1), the same numbers the TOC shows.
 */
export function stampFurniture(pages: readonly LayoutPage[], meta: DocumentMeta, m: TextMeasurer): void {
  pages.forEach((page, i) => {
    // Header first and footer last in the content stream, so extracted text reads top to bottom.
    if (i > 0) {
      const { header, footer } = headerFooter(meta, i, pages.length, m);
      page.ops.unshift(...header);
      page.ops.push(...footer);
    }
    if (meta.draft)
      page.ops.unshift({
        kind: 'watermark',
        text: CAPTIONS.watermark,
        size: 110,
        color: COLOR.watermark,
        opacity: 0.055,
      });
  });
}
