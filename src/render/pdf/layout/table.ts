import type { Align, Table } from '../../../model/nodes.js';
import { COLOR, SIZE, SPACE } from '../style.js';
import type { LayoutContext } from './context.js';
import { lineOps, placeLines } from './emit.js';
import type { Flow, Frame } from './flow.js';
import { breakLines, linesHeight, type Line } from './lines.js';
import { bodyStyle, inlineRuns } from './runs.js';
import { cellRuns, columnWidths, LINE_MODE } from './table-widths.js';
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

/**
 * Column widths and broken lines of a table, kept per table node: layout runs several passes
 * (until the TOC page numbers settle) and a table's lines do not depend on where it lands.
 */
const measured = new WeakMap<Table, { width: number; m: TextMeasurer; widths: number[]; rows: MeasuredRow[] }>();

function measureTable(table: Table, width: number, m: TextMeasurer): { widths: number[]; rows: MeasuredRow[] } {
  const known = measured.get(table);
  if (known !== undefined && known.width === width && known.m === m) return known;
  const widths = columnWidths(table, width, m);
  const entry = { width, m, widths, rows: measureRows(table, widths, m) };
  measured.set(table, entry);
  return entry;
}

function measureRows(table: Table, widths: readonly number[], m: TextMeasurer): MeasuredRow[] {
  return table.rows.map((_, ri) => {
    const header = ri < table.headerRows;
    const cells = widths.map((w, ci) => breakLines(cellRuns(table, ri, ci), w - 2 * PAD_X, m, SIZE.table, LINE_MODE));
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
    const fill = row.header
      ? COLOR.tableHeaderFill
      : p.labelColumn && ci === 0
        ? COLOR.tableLabelFill
        : row.zebra
          ? COLOR.tableZebra
          : undefined;
    p.flow.add({
      kind: 'rect',
      x,
      y: top,
      w,
      h: height,
      ...(fill === undefined ? {} : { fill }),
      stroke: COLOR.tableBorder,
      lineWidth: 0.5,
    });
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

function captionLines(table: Table, frame: Frame, m: TextMeasurer): Line[] {
  if (table.caption === undefined || table.caption === '') return [];
  return breakLines(
    inlineRuns([{ type: 'text', value: table.caption }], { ...bodyStyle(SIZE.caption, COLOR.muted), italic: true }),
    frame.width,
    m,
    SIZE.caption,
  );
}

/** Height of a table's start that must stay on one page: caption, header rows and first row. */
export function tableLeadHeight(table: Table, frame: Frame, m: TextMeasurer): number {
  const { rows } = measureTable(table, frame.width, m);
  const caption = captionLines(table, frame, m);
  const headers = rows.filter((r) => r.header).reduce((s, r) => s + r.height, 0);
  return (
    (caption.length > 0 ? linesHeight(caption) + CAPTION_GAP : 0) + headers + (rows.find((r) => !r.header)?.height ?? 0)
  );
}

const CAPTION_GAP = 3;

/**
 * A table with our own layout: header rows repeat at the top of every page the table
 * continues on, and rows move to the next page whole unless one row alone exceeds a page.
 */
export function layoutTable(ctx: LayoutContext, table: Table, frame: Frame, options: TableOptions = {}): void {
  const { flow, m } = ctx;
  const { widths, rows } = measureTable(table, frame.width, m);
  const headers = rows.filter((r) => r.header);
  const body = rows.filter((r) => !r.header);
  const headerHeight = headers.reduce((s, r) => s + r.height, 0);
  const painter: Painter = {
    flow,
    m,
    frame,
    widths,
    aligns: table.columns.map((c) => c.align),
    labelColumn: options.labelColumn ?? false,
  };
  const repeatHeader = (): void => headers.forEach((r) => paintRow(painter, r, r.cells, r.height));

  const caption = captionLines(table, frame, m);
  const pageRoom = flow.bottom - flow.top;
  flow.ensure(Math.min(pageRoom, tableLeadHeight(table, frame, m)));
  if (caption.length > 0) {
    placeLines(flow, caption, frame, m, { keepFirst: caption.length });
    flow.y += CAPTION_GAP;
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
