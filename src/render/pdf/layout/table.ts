import type { Align, Table } from '../../../model/nodes.js';
import { COLOR, SIZE, SPACE } from '../style.js';
import type { LayoutContext } from './context.js';
import { lineOps, placeLines } from './emit.js';
import type { Flow, Frame } from './flow.js';
import { breakLines, linesHeight, type Line } from './lines.js';
import { bodyStyle, inlineRuns } from './runs.js';
import type { TextMeasurer } from './types.js';

export interface TableOptions {
  /** Shade the first column as labels (document-control table). */
  readonly labelColumn?: boolean;
}

interface MeasuredRow {
  readonly cells: readonly (readonly Line[])[];
  readonly height: number;
  readonly header: boolean;
  readonly zebra: boolean;
}

const PAD_X = SPACE.cellPadX;
const PAD_Y = SPACE.cellPadY;

/** Column widths in points: the model's relative widths scaled to the frame. */
export function columnWidths(table: Table, width: number): number[] {
  const count = Math.max(table.columns.length, ...table.rows.map((r) => r.cells.length), 1);
  const rel = Array.from({ length: count }, (_, i) => {
    const w = table.columns[i]?.width ?? 1;
    return Number.isFinite(w) && w > 0 ? w : 1;
  });
  const total = rel.reduce((s, w) => s + w, 0);
  return rel.map((w) => (w / total) * width);
}

function measureRows(table: Table, widths: readonly number[], m: TextMeasurer): MeasuredRow[] {
  return table.rows.map((row, ri) => {
    const header = ri < table.headerRows;
    const cells = widths.map((w, ci) => {
      const children = row.cells[ci]?.children ?? [];
      const style = { ...bodyStyle(SIZE.table), bold: header };
      return breakLines(inlineRuns(children, style), w - 2 * PAD_X, m, SIZE.table);
    });
    const height = Math.max(...cells.map(linesHeight)) + 2 * PAD_Y;
    return { cells, height, header, zebra: !header && (ri - table.headerRows) % 2 === 1 };
  });
}

interface Painter {
  readonly flow: Flow;
  readonly m: TextMeasurer;
  readonly frame: Frame;
  readonly widths: readonly number[];
  readonly aligns: readonly Align[];
  readonly labelColumn: boolean;
}

/** Paints one row (or one page's slice of a split row) at the cursor and advances it. */
function paintRow(p: Painter, row: MeasuredRow, cells: readonly (readonly Line[])[], height: number): void {
  let x = p.frame.x;
  const top = p.flow.y;
  p.widths.forEach((w, ci) => {
    const fill = row.header ? COLOR.tableHeaderFill : p.labelColumn && ci === 0 ? COLOR.tableLabelFill : row.zebra ? COLOR.tableZebra : undefined;
    p.flow.add({ kind: 'rect', x, y: top, w, h: height, ...(fill === undefined ? {} : { fill }), stroke: COLOR.tableBorder, lineWidth: 0.5 });
    let y = top + PAD_Y;
    for (const line of cells[ci] ?? []) {
      for (const op of lineOps(line, x + PAD_X, y, w - 2 * PAD_X, p.aligns[ci] ?? 'left', p.m)) p.flow.add(op);
      y += line.height;
    }
    x += w;
  });
  p.flow.y = top + height;
}

/** A row taller than the space left: fill this page with as many lines as fit, continue on the next. */
function paintSplitRow(p: Painter, row: MeasuredRow, repeatHeader: () => void): void {
  const next = row.cells.map(() => 0);
  const done = (): boolean => row.cells.every((lines, ci) => (next[ci] ?? 0) >= lines.length);
  while (!done()) {
    const avail = p.flow.bottom - p.flow.y - 2 * PAD_Y;
    const slice = row.cells.map((lines, ci) => {
      const taken: Line[] = [];
      let used = 0;
      for (let i = next[ci] ?? 0; i < lines.length; i++) {
        const line = lines[i];
        if (line === undefined || used + line.height > avail) break;
        taken.push(line);
        used += line.height;
      }
      return taken;
    });
    const progress = slice.some((s) => s.length > 0);
    if (!progress && !p.flow.atTop) {
      p.flow.newPage();
      repeatHeader();
      continue;
    }
    if (!progress) {
      // A single line taller than a page cannot occur with body sizes; force it to avoid a loop.
      const ci = row.cells.findIndex((lines, i) => (next[i] ?? 0) < lines.length);
      const line = row.cells[ci]?.[next[ci] ?? 0];
      if (line !== undefined) slice[ci] = [line];
    }
    slice.forEach((s, ci) => (next[ci] = (next[ci] ?? 0) + s.length));
    paintRow(p, row, slice, Math.max(...slice.map(linesHeight)) + 2 * PAD_Y);
    if (!done()) {
      p.flow.newPage();
      repeatHeader();
    }
  }
}

/**
 * A table with our own layout: header rows repeat at the top of every page the table
 * continues on, and rows move to the next page whole unless one row alone exceeds a page.
 */
export function layoutTable(ctx: LayoutContext, table: Table, frame: Frame, options: TableOptions = {}): void {
  const { flow, m } = ctx;
  const widths = columnWidths(table, frame.width);
  const rows = measureRows(table, widths, m);
  const headers = rows.filter((r) => r.header);
  const body = rows.filter((r) => !r.header);
  const headerHeight = headers.reduce((s, r) => s + r.height, 0);
  const painter: Painter = { flow, m, frame, widths, aligns: table.columns.map((c) => c.align), labelColumn: options.labelColumn ?? false };
  const repeatHeader = (): void => headers.forEach((r) => paintRow(painter, r, r.cells, r.height));

  let caption: Line[] = [];
  if (table.caption !== undefined && table.caption !== '') {
    caption = breakLines(inlineRuns([{ type: 'text', value: table.caption }], { ...bodyStyle(SIZE.caption, COLOR.muted), italic: true }), frame.width, m, SIZE.caption);
  }
  const pageRoom = flow.bottom - flow.top;
  flow.ensure(Math.min(pageRoom, linesHeight(caption) + 3 + headerHeight + (body[0]?.height ?? 0)));
  if (caption.length > 0) {
    placeLines(flow, caption, frame, m, { keepFirst: caption.length });
    flow.y += 3;
  }
  repeatHeader();
  for (const row of body) {
    if (flow.y + row.height <= flow.bottom + 0.01) {
      paintRow(painter, row, row.cells, row.height);
    } else if (row.height <= flow.bottom - flow.top - headerHeight) {
      flow.newPage();
      repeatHeader();
      paintRow(painter, row, row.cells, row.height);
    } else {
      paintSplitRow(painter, row, repeatHeader);
    }
  }
}
