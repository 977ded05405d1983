import type { Table } from '../../../model/nodes.js';
import type { BreakMode } from '../../fit/break-points.js';
import { keepsWhole } from '../../fit/break-points.js';
import {
  cellExtentOf,
  EMPTY_EXTENT,
  fitColumns,
  widest,
  type ColumnExtent,
  type WordWidths,
} from '../../fit/columns.js';
import { SIZE, SPACE } from '../style.js';
import { measureRuns } from './lines.js';
import { bodyStyle, inlineRuns, type Run } from './runs.js';
import type { TextMeasurer } from './types.js';
import { piecesText, wordExtent as wordExtentOf } from './word-pieces.js';

/**
 * Header words are kept whole (their width is the column's minimum) unless the table cannot be
 * laid out so (`hyphenatedMin`); body cells may hyphenate words that cannot fit. Lines are
 * broken in one mode: a word is divided only when it does not fit its column.
 */
export const LINE_MODE: BreakMode = 'hyphenate';

export function cellRuns(table: Table, rowIndex: number, column: number): Run[] {
  const header = rowIndex < table.headerRows;
  const children = table.rows[rowIndex]?.cells[column]?.children ?? [];
  return inlineRuns(children, { ...bodyStyle(SIZE.table), bold: header });
}

/** How narrow and how wide the text of one cell can be, padding included. */
function cellExtent(runs: readonly Run[], header: boolean, m: TextMeasurer): ColumnExtent {
  const mode: BreakMode = header ? 'whole' : 'hyphenate';
  const { words, lineWidths } = measureRuns(runs, m);
  const widths = words.map((word): WordWidths => {
    const e = wordExtentOf(word, mode, m);
    const hyphenatedMin = header ? wordExtentOf(word, LINE_MODE, m).min : e.min;
    return { min: e.min, hyphenatedMin, whole: e.whole, keep: keepsWhole(piecesText(word)) };
  });
  return cellExtentOf(widths, lineWidths, 2 * SPACE.cellPadX);
}

export function columnCount(table: Table): number {
  return Math.max(table.columns.length, ...table.rows.map((r) => r.cells.length), 1);
}

/**
 * Column widths in points that add up to `width`: fitted to the cells' measured extents,
 * following the template's relative widths where it gives them and the content allows.
 */
export function columnWidths(table: Table, width: number, m: TextMeasurer): number[] {
  const count = columnCount(table);
  const extents: ColumnExtent[] = Array.from({ length: count }, () => EMPTY_EXTENT);
  table.rows.forEach((_, ri) => {
    const header = ri < table.headerRows;
    for (let ci = 0; ci < count; ci++)
      extents[ci] = widest(extents[ci] ?? EMPTY_EXTENT, cellExtent(cellRuns(table, ri, ci), header, m));
  });
  return fitColumns(
    extents,
    width,
    table.columns.map((c) => c.width),
  );
}
