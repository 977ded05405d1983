import { assertNever, type Admonition, type Block, type CodeBlock } from '../../../model/nodes.js';
import { isLeadParagraph } from '../../../model/text.js';
import { admonitionCaption } from '../../captions.js';
import { COLOR, SIZE, SPACE } from '../style.js';
import { boxed } from './box.js';
import type { LayoutContext } from './context.js';
import { placeLines } from './emit.js';
import type { Frame } from './flow.js';
import { layoutHeading } from './heading.js';
import { layoutImage } from './image.js';
import { bodyLines } from './line-cache.js';
import { leadHeight } from './keep.js';
import { breakLines, linesHeight, preformattedLines } from './lines.js';
import { layoutList } from './list.js';
import { layoutTable } from './table.js';
import { layoutToc } from './toc.js';

/** Lays out blocks one after another; `gap` is the space after each paragraph-like block. */
export function layoutBlocks(
  ctx: LayoutContext,
  blocks: readonly Block[],
  frame: Frame,
  gap: number = SPACE.paragraphAfter,
): void {
  blocks.forEach((block, i) => {
    if (block.type === 'heading') layoutHeading(ctx, block, frame, leadHeight(ctx, blocks, i + 1, frame));
    else if (block.type === 'paragraph' && i < blocks.length - 1 && isLeadParagraph(block.children)) {
      // A run-in heading (bold-only paragraph) moves to the next page with the start of what follows.
      const lines = bodyLines(block.children, frame.width, ctx.m);
      const own = linesHeight(lines) + spaceAfter(block, gap);
      ctx.flow.ensure(Math.min(own + leadHeight(ctx, blocks, i + 1, frame), ctx.flow.bottom - ctx.flow.top));
      placeLines(ctx.flow, lines, frame, ctx.m);
    } else layoutBlock(ctx, block, frame);
    if (i < blocks.length - 1 || gap > 0) ctx.flow.space(spaceAfter(block, gap));
  });
}

function spaceAfter(block: Block, gap: number): number {
  switch (block.type) {
    case 'paragraph':
      return gap;
    case 'heading':
    case 'pageBreak':
    case 'toc':
      return 0;
    default:
      return Math.max(gap, SPACE.blockAfter);
  }
}

export function layoutBlock(ctx: LayoutContext, block: Block, frame: Frame): void {
  const { flow, m } = ctx;
  switch (block.type) {
    case 'heading':
      // Alone, with nothing after it to keep (layoutBlocks passes what follows).
      layoutHeading(ctx, block, frame, 0);
      break;
    case 'paragraph':
      placeLines(flow, bodyLines(block.children, frame.width, m), frame, m);
      break;
    case 'list':
      layoutList(ctx, block, frame, 0);
      break;
    case 'table':
      layoutTable(ctx, block, frame);
      break;
    case 'pageBreak':
      if (!flow.atTop) flow.newPage();
      break;
    case 'toc':
      layoutToc(ctx, block, frame);
      // As in a printed manual, the contents stand on their own page(s).
      flow.newPage();
      break;
    case 'admonition':
      layoutAdmonition(ctx, block, frame);
      break;
    case 'image':
      layoutImage(ctx, block, frame);
      break;
    case 'thematicBreak':
      flow.ensure(8);
      flow.y += 4;
      flow.rule(frame, COLOR.rule, 0.75);
      flow.y += 4;
      break;
    case 'code':
      layoutCode(ctx, block, frame);
      break;
    default:
      assertNever(block);
  }
}

function layoutAdmonition(ctx: LayoutContext, node: Admonition, frame: Frame): void {
  const warning = node.kind === 'warning';
  const rule = warning ? COLOR.warningRule : COLOR.noteRule;
  const inner: Frame = { x: frame.x + 4 + SPACE.boxPad + 3, width: frame.width - 4 - 2 * SPACE.boxPad - 3 };
  const label = breakLines(
    [{ text: admonitionCaption(node.kind), font: 'bold', size: SIZE.body, color: rule }],
    inner.width,
    ctx.m,
    SIZE.body,
  );
  // Keep the label, the box padding and the first lines together.
  ctx.flow.ensure(2 * SPACE.boxPad + 3 * SIZE.body * SIZE.leading);
  boxed(
    ctx.flow,
    frame,
    { fill: warning ? COLOR.warningFill : COLOR.noteFill, leftRule: { color: rule, width: 4 }, padY: SPACE.boxPad },
    () => {
      placeLines(ctx.flow, label, inner, ctx.m, { keepFirst: 1 });
      ctx.flow.y += 1;
      layoutBlocks(ctx, node.children, inner, 0);
    },
  );
}

function layoutCode(ctx: LayoutContext, node: CodeBlock, frame: Frame): void {
  const inner: Frame = { x: frame.x + SPACE.boxPad, width: frame.width - 2 * SPACE.boxPad };
  const lines = preformattedLines(node.value, inner.width, SIZE.code, COLOR.text, ctx.m);
  ctx.flow.ensure(2 * SPACE.boxPad + Math.min(3, lines.length) * SIZE.code * SIZE.leading);
  boxed(ctx.flow, frame, { fill: COLOR.codeFill, border: COLOR.codeBorder, padY: SPACE.boxPad - 2 }, () => {
    placeLines(ctx.flow, lines, inner, ctx.m, { keepFirst: 1 });
  });
}
