import { PAGE } from '../style.js';
import type { DrawOp, LayoutPage, PlacedHeading } from './types.js';

/** A horizontal slice of the text area: blocks are laid out inside one. */
export interface Frame {
  readonly x: number;
  readonly width: number;
}

/**
 * The page cursor: current page, vertical position, and what has to happen when content
 * moves to a new page (boxes re-open their padding, tables repeat their header).
 */
export class Flow {
  readonly pages: LayoutPage[] = [];
  readonly headings: PlacedHeading[] = [];
  readonly top: number = PAGE.marginTop;
  /** y where each page's content ended (for boxes that continue onto the next page). */
  readonly pageEnds: number[] = [];
  y: number = PAGE.marginTop;
  private readonly bottomReserves: number[] = [];
  private readonly continuations: (() => void)[] = [];

  constructor() {
    this.newPage();
  }

  get page(): LayoutPage {
    const page = this.pages[this.pages.length - 1];
    if (page === undefined) throw new Error('internal error: flow without a page');
    return page;
  }

  get pageIndex(): number {
    return this.pages.length - 1;
  }

  /** Lowest y content may reach on this page (less the padding of open boxes). */
  get bottom(): number {
    return PAGE.height - PAGE.marginBottom - this.bottomReserves.reduce((s, r) => s + r, 0);
  }

  get atTop(): boolean {
    return this.y <= this.top + 0.01;
  }

  add(op: DrawOp): void {
    this.page.ops.push(op);
  }

  /** A horizontal rule across `frame` at the current position (it takes no height of its own). */
  rule(frame: Frame, color: string, width: number): void {
    this.add({ kind: 'line', x1: frame.x, y1: this.y, x2: frame.x + frame.width, y2: this.y, color, width });
  }

  newPage(): void {
    if (this.pages.length > 0) this.pageEnds[this.pageIndex] = this.y;
    this.pages.push({ ops: [] });
    this.y = this.top;
    for (const hook of this.continuations) hook();
  }

  /** Starts a new page unless `height` still fits (or we are already at the top). */
  ensure(height: number): void {
    if (this.y + height > this.bottom + 0.01 && !this.atTop) this.newPage();
  }

  /** Vertical space between blocks; dropped at the top of a page. */
  space(height: number): void {
    if (this.atTop) return;
    if (this.y + height > this.bottom) this.newPage();
    else this.y += height;
  }

  /** Runs `body` with extra bottom padding reserved and a hook for each new page. */
  within(bottomReserve: number, onNewPage: () => void, body: () => void): void {
    this.bottomReserves.push(bottomReserve);
    this.continuations.push(onNewPage);
    try {
      body();
    } finally {
      this.bottomReserves.pop();
      this.continuations.pop();
    }
  }
}
