import { PAGE } from '../style.js';
import type { Flow, Frame } from './flow.js';
import type { DrawOp } from './types.js';

export interface BoxStyle {
  readonly fill: string;
  readonly border?: string;
  /** A thick coloured rule on the left edge (admonitions). */
  readonly leftRule?: { readonly color: string; readonly width: number };
  readonly padY: number;
}

/**
 * Lays out `body` inside a shaded box that may continue over several pages: the box is
 * drawn afterwards, one segment per page, underneath the content it encloses.
 */
export function boxed(flow: Flow, frame: Frame, style: BoxStyle, body: () => void): void {
  const startPage = flow.pageIndex;
  const startOps = flow.page.ops.length;
  const startY = flow.y;
  flow.y += style.padY;
  flow.within(
    style.padY,
    () => {
      flow.y += style.padY;
    },
    body,
  );
  flow.y += style.padY;
  const endPage = flow.pageIndex;
  for (let p = startPage; p <= endPage; p++) {
    const page = flow.pages[p];
    if (page === undefined) continue;
    const top = p === startPage ? startY : flow.top;
    const bottom =
      p === endPage ? flow.y : Math.min((flow.pageEnds[p] ?? flow.top) + style.padY, PAGE.height - PAGE.marginBottom);
    if (bottom - top < 1) continue;
    const ops: DrawOp[] = [
      {
        kind: 'rect',
        x: frame.x,
        y: top,
        w: frame.width,
        h: bottom - top,
        fill: style.fill,
        ...(style.border === undefined ? {} : { stroke: style.border, lineWidth: 0.5 }),
      },
    ];
    if (style.leftRule !== undefined) {
      ops.push({
        kind: 'rect',
        x: frame.x,
        y: top,
        w: style.leftRule.width,
        h: bottom - top,
        fill: style.leftRule.color,
      });
    }
    page.ops.splice(p === startPage ? startOps : 0, 0, ...ops);
  }
}
