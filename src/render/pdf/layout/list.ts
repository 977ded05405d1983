import type { List } from '../../../model/nodes.js';
import { COLOR, SIZE, SPACE } from '../style.js';
import { layoutBlock, layoutBlocks } from './blocks.js';
import type { LayoutContext } from './context.js';
import { lineOps, placeLines } from './emit.js';
import type { Frame } from './flow.js';
import { bodyLines } from './line-cache.js';
import { breakLines, type Line } from './lines.js';

/** Bullet per nesting level, as in the DOCX numbering definition. */
const BULLETS = ['•', '–', '◦'] as const;

function markerText(list: List, index: number, level: number): string {
  if (list.ordered) return `${list.start + index}.`;
  return BULLETS[level % BULLETS.length] ?? '•';
}

/** A list: markers hang in the indent, item content is laid out as blocks inside it. */
export function layoutList(ctx: LayoutContext, list: List, frame: Frame, level: number): void {
  const { flow, m } = ctx;
  const markers: Line[] = list.items.map((_, i) => {
    const line = breakLines(
      [{ text: markerText(list, i, level), font: 'regular', size: SIZE.body, color: COLOR.text }],
      Infinity,
      m,
      SIZE.body,
    )[0];
    if (line === undefined) throw new Error('internal error: empty list marker');
    return line;
  });
  const gap = 5;
  const widest = Math.max(...markers.map((l) => l.width));
  const indent = Math.max(SPACE.listIndent, widest + gap + 2);
  const inner: Frame = { x: frame.x + indent, width: frame.width - indent };
  list.items.forEach((item, i) => {
    const marker = markers[i];
    if (marker === undefined) return;
    if (i > 0) flow.space(SPACE.listItemAfter);
    const [first, ...rest] = item.children;
    if (first?.type === 'paragraph') {
      const lines = bodyLines(first.children, inner.width, m);
      placeLines(flow, lines, inner, m, { marker: { line: marker, gap } });
    } else {
      // No paragraph to hang the marker on (a nested list or table first): give it a line.
      flow.ensure(marker.height * 2);
      for (const op of lineOps(marker, inner.x - gap - marker.width, flow.y, marker.width, 'left', m)) flow.add(op);
      if (first === undefined) flow.y += marker.height;
      else layoutNested(ctx, first, inner, level);
    }
    rest.forEach((block) => {
      flow.space(SPACE.listItemAfter);
      layoutNested(ctx, block, inner, level);
    });
  });
}

function layoutNested(ctx: LayoutContext, block: Parameters<typeof layoutBlock>[1], frame: Frame, level: number): void {
  if (block.type === 'list') layoutList(ctx, block, frame, level + 1);
  else layoutBlocks(ctx, [block], frame, 0);
}
