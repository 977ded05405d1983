import type { Heading } from '../../../model/nodes.js';
import { inlineText } from '../../../model/text.js';
import { COLOR, SIZE, SPACE } from '../style.js';
import type { LayoutContext } from './context.js';
import { placeLines } from './emit.js';
import type { Frame } from './flow.js';
import { breakLines } from './lines.js';
import { inlineRuns } from './runs.js';

/** "2.1  Threats and controls": the heading as bookmarks, TOC and page show it. */
export function headingTitle(node: Heading): string {
  const text = inlineText(node.children).replace(/\s+/g, ' ').trim();
  return node.number === undefined ? text : `${node.number}  ${text}`;
}

/** Room for a few body lines after a heading, so a heading never ends a page. */
const KEEP_WITH_NEXT = 3 * SIZE.body * SIZE.leading;

export function layoutHeading(ctx: LayoutContext, node: Heading, frame: Frame): void {
  const { flow, m } = ctx;
  const size = SIZE.heading[node.depth];
  const style = { bold: true, italic: node.depth >= 5, size, color: COLOR.heading };
  const runs = inlineRuns(node.children, style);
  // The number hangs to the left of the title so wrapped title lines align with each other.
  const marker = node.number === undefined ? undefined : breakLines([{ text: node.number, font: 'bold', size, color: COLOR.heading }], Infinity, m, size)[0];
  const indent = marker === undefined ? 0 : marker.width + size * 0.75;
  const textFrame = { x: frame.x + indent, width: frame.width - indent };
  const lines = breakLines(runs, textFrame.width, m, size);
  const height = lines.reduce((s, l) => s + l.height, 0);
  flow.space(SPACE.headingBefore[node.depth]);
  flow.ensure(height + SPACE.headingAfter[node.depth] + KEEP_WITH_NEXT);
  flow.add({ kind: 'dest', name: node.id, y: flow.y });
  flow.headings.push({ id: node.id, depth: node.depth, title: headingTitle(node), page: flow.pageIndex, y: flow.y });
  placeLines(flow, lines, textFrame, m, {
    keepFirst: lines.length,
    ...(marker === undefined ? {} : { marker: { line: marker, gap: indent - marker.width } }),
  });
  if (node.depth === 1) {
    // A hairline under top-level headings marks the start of a main section.
    flow.y += 2;
    flow.add({ kind: 'line', x1: frame.x, y1: flow.y, x2: frame.x + frame.width, y2: flow.y, color: COLOR.heading, width: 0.6 });
  }
  flow.y += SPACE.headingAfter[node.depth];
}
