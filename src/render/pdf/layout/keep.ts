import type { Block } from '../../../model/nodes.js';
import { COLOR, SIZE, SPACE } from '../style.js';
import type { LayoutContext } from './context.js';
import type { Frame } from './flow.js';
import { headingHeight, headingLines } from './heading.js';
import { imageSize } from './image.js';
import { bodyLines } from './line-cache.js';
import { linesHeight, preformattedLines } from './lines.js';
import { tableLeadHeight } from './table.js';

/** Lines of a paragraph that must follow a heading onto its page (when the paragraph has them). */
const LINES_KEPT = 2;

/**
 * The height of the start of `blocks[index]` that a heading before it keeps on its page
 * (keep-with-next): the first two lines of a paragraph or list item, a table's caption,
 * header and first row, a whole image; for a heading, that heading and what it keeps in turn.
 * A heading so never stands alone at the foot of a page, nor a chapter heading above a
 * section heading that starts the next page.
 */
export function leadHeight(ctx: LayoutContext, blocks: readonly Block[], index: number, frame: Frame): number {
  const block = blocks[index];
  if (block === undefined) return 0;
  const { m } = ctx;
  const firstLines = (children: Parameters<typeof bodyLines>[0], width: number): number =>
    linesHeight(bodyLines(children, width, m).slice(0, LINES_KEPT));
  switch (block.type) {
    case 'paragraph':
      return firstLines(block.children, frame.width);
    case 'heading': {
      return (
        SPACE.headingBefore[block.depth] +
        headingHeight(block, headingLines(ctx, block, frame).lines) +
        leadHeight(ctx, blocks, index + 1, frame)
      );
    }
    case 'list': {
      const first = block.items[0]?.children[0];
      const inner: Frame = { x: frame.x + SPACE.listIndent, width: frame.width - SPACE.listIndent };
      if (first?.type === 'paragraph') return firstLines(first.children, inner.width);
      return first === undefined ? SIZE.body * SIZE.leading : leadHeight(ctx, [first], 0, inner);
    }
    case 'table':
      return tableLeadHeight(block, frame, m);
    case 'admonition':
      return 2 * SPACE.boxPad + (1 + LINES_KEPT) * SIZE.body * SIZE.leading;
    case 'code': {
      const lines = preformattedLines(block.value, frame.width - 2 * SPACE.boxPad, SIZE.code, COLOR.text, m);
      return 2 * SPACE.boxPad + linesHeight(lines.slice(0, LINES_KEPT));
    }
    case 'image': {
      const info = ctx.images.get(block.src);
      return info === undefined
        ? 3 * SIZE.body * SIZE.leading
        : imageSize(block, info, frame, ctx.flow.bottom - ctx.flow.top).height;
    }
    case 'thematicBreak':
      return 8;
    case 'toc':
    case 'pageBreak':
      return 0;
  }
}
