import type { Heading, Toc } from '../../../model/nodes.js';
import { walkBlocks } from '../../../model/text.js';
import { COLOR, SIZE, SPACE } from '../style.js';
import type { LayoutContext } from './context.js';
import { lineOps, placeLines } from './emit.js';
import type { Frame } from './flow.js';
import { breakLines } from './lines.js';
import { inlineRuns } from './runs.js';

/** Indent of each level, in points. */
const LEVEL_INDENT = [0, 0, 16, 32, 48, 64, 80] as const;
/**
 * Gap after the widest number of a level. Kept under 1 em: wider gaps make pdftotext
 * split an entry into columns, and readers search the extracted text.
 */
const NUMBER_GAP = 6;
/** Room kept free at the right for the page number. */
const PAGE_NUMBER_WIDTH = 26;

export function tocEntries(ctx: LayoutContext, toc: Toc): Heading[] {
  const depth = Number.isFinite(toc.depth) && toc.depth > 0 ? toc.depth : 3;
  return [...walkBlocks(ctx.doc.children)].filter((b): b is Heading => b.type === 'heading' && b.depth <= depth);
}

/**
 * The table of contents with page numbers from the previous layout pass, dot leaders,
 * and each entry a link to its heading. The first pass leaves numbers blank; the width
 * reserved for them is fixed, so the TOC takes the same room in every pass.
 */
export function layoutToc(ctx: LayoutContext, toc: Toc, frame: Frame): void {
  const { flow, m } = ctx;
  const titleSize = SIZE.heading[1];
  const title = breakLines(
    [{ text: toc.title, font: 'bold', size: titleSize, color: COLOR.heading }],
    frame.width,
    m,
    titleSize,
  );
  flow.space(SPACE.headingBefore[1]);
  placeLines(flow, title, frame, m, { keepFirst: title.length });
  flow.y += 2;
  flow.rule(frame, COLOR.heading, 0.6);
  flow.y += SPACE.headingAfter[1] + 2;

  const pitch = m.width('. ', 'regular', SIZE.body);
  const right = frame.x + frame.width;
  const entries = tocEntries(ctx, toc);
  // One number column per level, as wide as that level's widest number.
  const numberColumn = new Map<number, number>();
  for (const h of entries) {
    if (h.number === undefined) continue;
    const w = m.width(h.number, h.depth === 1 ? 'bold' : 'regular', SIZE.body) + NUMBER_GAP;
    numberColumn.set(h.depth, Math.max(numberColumn.get(h.depth) ?? 0, w));
  }
  entries.forEach((heading, i) => {
    const level = Math.min(heading.depth, 6);
    const top = level === 1;
    const font = top ? 'bold' : 'regular';
    const x = frame.x + (LEVEL_INDENT[level] ?? 0);
    const numberWidth = heading.number === undefined ? 0 : (numberColumn.get(heading.depth) ?? 0);
    const textFrame: Frame = { x: x + numberWidth, width: right - PAGE_NUMBER_WIDTH - (x + numberWidth) };
    const lines = breakLines(
      inlineRuns(heading.children, { bold: top, italic: false, size: SIZE.body, color: COLOR.text }),
      textFrame.width,
      m,
      SIZE.body,
    );
    if (i > 0 && top) flow.space(5);
    else if (i > 0) flow.space(1);
    flow.ensure(lines.reduce((s, l) => s + l.height, 0));
    const entryTop = flow.y;
    const entryPage = flow.pageIndex;
    const number =
      heading.number === undefined
        ? undefined
        : breakLines([{ text: heading.number, font, size: SIZE.body, color: COLOR.text }], Infinity, m, SIZE.body)[0];
    placeLines(flow, lines, textFrame, m, {
      keepFirst: lines.length,
      ...(number === undefined ? {} : { marker: { line: number, gap: numberWidth - number.width } }),
    });
    const last = lines[lines.length - 1];
    if (last === undefined) return;
    const lastTop = flow.y - last.height;
    const page = ctx.tocPages.get(heading.id);
    const pageText = page === undefined ? '' : String(page);
    const pageLine = breakLines(
      [{ text: pageText, font, size: SIZE.body, color: COLOR.text }],
      Infinity,
      m,
      SIZE.body,
    )[0];
    const pageX = right - (pageLine?.width ?? 0);
    // Dots end just before the page number (entries with same-width numbers line up); a
    // small gap also keeps pdftotext from splitting the number off into a column of its own.
    const dotWidth = m.width('.', 'regular', SIZE.body);
    const end = pageX - 3 - dotWidth;
    const count = Math.floor((end - (textFrame.x + last.width + 3)) / pitch) + 1;
    const start = end - (count - 1) * pitch;
    if (count > 0) {
      const dots = breakLines(
        [{ text: '.' + ' .'.repeat(count - 1), font: 'regular', size: SIZE.body, color: COLOR.muted }],
        Infinity,
        m,
        SIZE.body,
      )[0];
      if (dots !== undefined)
        for (const op of lineOps(dots, start, lastTop + last.baseline - dots.baseline, dots.width, 'left', m))
          flow.add(op);
    }
    if (pageLine !== undefined && pageText !== '')
      for (const op of lineOps(pageLine, pageX, lastTop + last.baseline - pageLine.baseline, pageLine.width, 'left', m))
        flow.add(op);
    // One link over the whole entry (on its last page, if it wrapped across a break).
    const linkTop = flow.pageIndex === entryPage ? entryTop : flow.top;
    flow.add({ kind: 'link', x: frame.x, y: linkTop, w: frame.width, h: flow.y - linkTop, url: `#${heading.id}` });
  });
}
