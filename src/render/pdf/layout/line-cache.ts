import type { Inline } from '../../../model/nodes.js';
import { SIZE } from '../style.js';
import { breakLines, type Line } from './lines.js';
import { bodyStyle, inlineRuns } from './runs.js';
import type { TextMeasurer } from './types.js';

/**
 * Body text broken into lines, kept per inline content and width. Layout runs up to four
 * passes (until the TOC page numbers settle) and keep-with-next measures the text after each
 * heading: a paragraph's lines depend only on its text and width, so they are broken once.
 */
const cache = new WeakMap<TextMeasurer, WeakMap<readonly Inline[], Map<number, Line[]>>>();

export function bodyLines(children: readonly Inline[], width: number, m: TextMeasurer): Line[] {
  let byContent = cache.get(m);
  if (byContent === undefined) {
    byContent = new WeakMap();
    cache.set(m, byContent);
  }
  let byWidth = byContent.get(children);
  if (byWidth === undefined) {
    byWidth = new Map();
    byContent.set(children, byWidth);
  }
  let lines = byWidth.get(width);
  if (lines === undefined) {
    lines = breakLines(inlineRuns(children, bodyStyle(SIZE.body)), width, m, SIZE.body);
    byWidth.set(width, lines);
  }
  return lines;
}
