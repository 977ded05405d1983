import type { Table } from '../../../model/nodes.js';
import type { BreakMode } from '../../fit/break-points.js';
import { keepsWhole } from '../../fit/break-points.js';
import { EMPTY_EXTENT, fitColumns, widest, type ColumnExtent } from '../../fit/columns.js';
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
  let min = 0;
  let hyphenatedMin = 0;
  let identifiers = 0;
  let whole = 0;
  const pad = 2 * SPACE.cellPadX;
  const identifierWidths: number[] = [];
  const { words, lineWidths } = measureRuns(runs, m);
  for (const word of words) {
    const e = wordExtentOf(word, mode, m);
    const keep = keepsWhole(piecesText(word));
    min = Math.max(min, e.min);
    hyphenatedMin = Math.max(hyphenatedMin, header ? wordExtentOf(word, LINE_MODE, m).min : e.min);
    identifiers = Math.max(identifiers, keep ? e.whole : e.min);
    whole = Math.max(whole, e.whole);
    if (keep && e.whole > e.min) identifierWidths.push(e.whole + pad);
  }
  const max = Math.max(0, ...lineWidths);
  return {
    min: min + pad,
    identifiers: identifiers + pad,
    whole: whole + pad,
    max: max + pad,
    identifierWidths,
    hyphenatedMin: hyphenatedMin + pad,
  };
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
