import type { Heading } from '../../../model/nodes.js';
import { inlineText } from '../../../model/text.js';
import { COLOR, SIZE, SPACE } from '../style.js';
import type { LayoutContext } from './context.js';
import { placeLines } from './emit.js';
import type { Frame } from './flow.js';
import { breakLines, linesHeight, type Line } from './lines.js';
import { inlineRuns } from './runs.js';

/** "2.1  Threats and controls": the heading as bookmarks, TOC and page show it. */
export function headingTitle(node: Heading): string {
  const text = inlineText(node.children).replace(/\s+/g, ' ').trim();
  return node.number === undefined ? text : `${node.number}  ${text}`;
}

/** The lines of a heading's title and its number, which hangs to the left of the title. */
export function headingLines(
  ctx: LayoutContext,
  node: Heading,
  frame: Frame,
): { lines: Line[]; marker: Line | undefined; textFrame: Frame } {
  const { m } = ctx;
  const size = SIZE.heading[node.depth];
  const style = { bold: true, italic: node.depth >= 5, size, color: COLOR.heading };
  const runs = inlineRuns(node.children, style);
  // The number hangs to the left of the title so wrapped title lines align with each other.
  const marker =
    node.number === undefined
      ? undefined
      : breakLines([{ text: node.number, font: 'bold', size, color: COLOR.heading }], Infinity, m, size)[0];
  const indent = marker === undefined ? 0 : marker.width + size * 0.75;
  const textFrame = { x: frame.x + indent, width: frame.width - indent };
  // A title is never hyphenated; only a word wider than the whole line is divided.
  return { lines: breakLines(runs, textFrame.width, m, size, 'natural'), marker, textFrame };
}

/** Hairline under a top-level heading: the gap above it (its width is drawn on that line). */
const RULE_GAP = 2;

/** Height a heading takes: its lines, the hairline of a top-level heading, the space after. */
export function headingHeight(node: Heading, lines: readonly Line[]): number {
  return linesHeight(lines) + (node.depth === 1 ? RULE_GAP : 0) + SPACE.headingAfter[node.depth];
}

/**
 * A heading, kept on one page with `lead`, the height of the start of what follows it
 * (keep.ts): when both do not fit, the heading moves to the next page.
 */
export function layoutHeading(ctx: LayoutContext, node: Heading, frame: Frame, lead: number): void {
  const { flow, m } = ctx;
  const { lines, marker, textFrame } = headingLines(ctx, node, frame);
  flow.space(SPACE.headingBefore[node.depth]);
  flow.ensure(Math.min(headingHeight(node, lines) + lead, flow.bottom - flow.top));
  flow.add({ kind: 'dest', name: node.id, y: flow.y });
  flow.headings.push({ id: node.id, depth: node.depth, title: headingTitle(node), page: flow.pageIndex, y: flow.y });
  placeLines(flow, lines, textFrame, m, {
    keepFirst: lines.length,
    ...(marker === undefined ? {} : { marker: { line: marker, gap: textFrame.x - frame.x - marker.width } }),
  });
  if (node.depth === 1) {
    // A hairline under top-level headings marks the start of a main section.
    flow.y += RULE_GAP;
    flow.rule(frame, COLOR.heading, 0.6);
  }
  flow.y += SPACE.headingAfter[node.depth];
}
