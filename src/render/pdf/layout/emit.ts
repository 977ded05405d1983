import type { Align } from '../../../model/nodes.js';
import type { Flow, Frame } from './flow.js';
import type { Line } from './lines.js';
import type { DrawOp, TextMeasurer } from './types.js';

/** Drawing operations for one line whose box starts at (x, top). */
export function lineOps(line: Line, x: number, top: number, width: number, align: Align, m: TextMeasurer): DrawOp[] {
  const ops: DrawOp[] = [];
  const offset = align === 'right' ? width - line.width : align === 'center' ? (width - line.width) / 2 : 0;
  const baseline = top + line.baseline;
  for (const f of line.fragments) {
    const fx = x + Math.max(0, offset) + f.x;
    if (f.highlight !== undefined) {
      const ascent = m.ascent(f.font, f.size);
      ops.push({
        kind: 'rect',
        x: fx - 1,
        y: baseline - ascent - 0.6,
        w: f.width + 2,
        h: ascent + f.size * 0.3,
        fill: f.highlight,
      });
    }
    ops.push({ kind: 'text', x: fx, y: baseline, text: f.text, font: f.font, size: f.size, color: f.color });
    if (f.link !== undefined) ops.push({ kind: 'link', x: fx, y: top, w: f.width, h: line.height, url: f.link });
  }
  return ops;
}

export interface PlaceOptions {
  readonly align?: Align;
  /** Drawn beside the first line, e.g. a list bullet: right-aligned to end `gap` before the frame. */
  readonly marker?: { readonly line: Line; readonly gap: number };
  /** Lines kept together at the start (orphan control). */
  readonly keepFirst?: number;
}

/** Places lines in the flow, moving to a new page whenever the next line does not fit. */
export function placeLines(
  flow: Flow,
  lines: readonly Line[],
  frame: Frame,
  m: TextMeasurer,
  options: PlaceOptions = {},
): void {
  const keep = lines.slice(0, options.keepFirst ?? 2).reduce((s, l) => s + l.height, 0);
  flow.ensure(keep);
  lines.forEach((line, i) => {
    flow.ensure(line.height);
    const marker = options.marker;
    if (i === 0 && marker !== undefined) {
      // The marker (list number, heading number) goes into the content stream before the
      // text it marks, so extracted and copied text reads "7. Text", not "Text 7.".
      const mx = frame.x - marker.gap - marker.line.width;
      // Align the marker's baseline with the first line's.
      const top = flow.y + line.baseline - marker.line.baseline;
      for (const op of lineOps(marker.line, mx, top, marker.line.width, 'left', m)) flow.add(op);
    }
    for (const op of lineOps(line, frame.x, flow.y, frame.width, options.align ?? 'left', m)) flow.add(op);
    flow.y += line.height;
  });
}
