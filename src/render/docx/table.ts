import type { Align, Table as TableNode } from '../../model/nodes.js';
import type { RenderContext } from './context.js';
import { borderXml, paragraphXml, shadingXml } from './ooxml.js';
import type { BorderLine } from './ooxml.js';
import { fitTableColumns, textRoom } from './cell-fit.js';
import { renderInlines } from './inline.js';
import { STYLE } from './styles.js';
import { CELL_MARGIN, COLOR, TEXT_WIDTH } from './theme.js';

/** Style id of the table style added to the template's styles.xml (static-parts.ts, table-style.ts). */
export const TABLE_STYLE_ID = 'TableGrid';

/** One cell of a grid: its paragraph content and how it looks. */
export interface GridCell {
  /** The cell paragraph's runs, already written. */
  readonly children: string;
  readonly align?: Align;
  readonly fill?: string;
}

export interface GridSpec {
  /** Column widths in twips (DXA); their sum is the table width. */
  readonly widths: readonly number[];
  /** Leading rows repeated on every page. */
  readonly headerRows: number;
  readonly rows: readonly (readonly GridCell[])[];
}

/**
 * Relative widths → twips that add up to exactly `total`. Non-positive or non-finite widths count
 * as 1 and every column keeps a minimum width, so a bad template value cannot collapse a column;
 * rounding error and the minimum's cost are taken from the widest columns.
 */
export function scaleWidths(relative: readonly number[], total: number = TEXT_WIDTH): number[] {
  if (relative.length === 0) return [];
  const min = Math.min(MIN_COLUMN, Math.floor(total / relative.length));
  const safe = relative.map((w) => (Number.isFinite(w) && w > 0 ? w : 1));
  const sum = safe.reduce((a, b) => a + b, 0);
  const out = safe.map((w) => Math.max(min, Math.floor((w / sum) * total)));
  let excess = out.reduce((a, b) => a + b, 0) - total;
  while (excess !== 0) {
    const widest = out.indexOf(Math.max(...out));
    const current = out[widest] ?? min;
    const change = excess < 0 ? excess : Math.min(excess, current - min);
    out[widest] = current - change;
    excess -= change;
  }
  return out;
}

/** Narrowest column in twips (about 6 mm): room for a short number with the cell padding. */
const MIN_COLUMN = 340;

const border: BorderLine = { style: 'single', size: 4, color: COLOR.tableBorder };

/** Table properties after the width: borders, fixed layout, cell padding. */
const TABLE_BORDERS =
  '<w:tblBorders>' +
  ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => borderXml(side, border)).join('') +
  '</w:tblBorders><w:tblLayout w:type="fixed"/>' +
  `<w:tblCellMar><w:top w:type="dxa" w:w="${CELL_MARGIN.y}"/><w:left w:type="dxa" w:w="${CELL_MARGIN.x}"/>` +
  `<w:bottom w:type="dxa" w:w="${CELL_MARGIN.y}"/><w:right w:type="dxa" w:w="${CELL_MARGIN.x}"/></w:tblCellMar></w:tblPr>`;

/** The grid of a table: `<w:tblGrid>` with one column per width (twips). */
export function tableGridXml(widths: readonly number[]): string {
  let x = '<w:tblGrid>';
  for (const w of widths) x += `<w:gridCol w:w="${w}"/>`;
  return `${x}</w:tblGrid>`;
}

/**
 * A table with the layout every renderer agrees on: fixed layout, an explicit grid in DXA (never
 * docx's 100-twip default, which collapses columns outside Word), repeated header rows, rows that
 * do not split across pages, thin borders and cell padding.
 */
export function gridTable(spec: GridSpec): string {
  const total = spec.widths.reduce((a, b) => a + b, 0);
  let x = `<w:tblPr><w:tblStyle w:val="${TABLE_STYLE_ID}"/><w:tblW w:type="dxa" w:w="${total}"/>${TABLE_BORDERS}${tableGridXml(spec.widths)}`;
  spec.rows.forEach((cells, rowIndex) => {
    x += `<w:tr><w:trPr><w:cantSplit/>${rowIndex < spec.headerRows ? '<w:tblHeader/>' : '<w:tblHeader w:val="off"/>'}</w:trPr>`;
    spec.widths.forEach((width, col) => {
      const cell = cells[col];
      const fill = cell?.fill === undefined ? '' : shadingXml(cell.fill);
      x += `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${width}"/>${fill}<w:vAlign w:val="top"/></w:tcPr>`;
      x += paragraphXml({ style: STYLE.tableText, align: cell?.align ?? 'left' }, cell?.children ?? '');
      x += '</w:tc>';
    });
    x += '</w:tr>';
  });
  return `<w:tbl>${x}</w:tbl>`;
}

/**
 * A model table → a WordprocessingML table with columns fitted to the content (cell-fit.ts). Ragged rows
 * are padded so no cell content is ever dropped.
 */
export function renderTable(node: TableNode, ctx: RenderContext): string {
  const columnCount = Math.max(node.columns.length, ...node.rows.map((r) => r.cells.length), 1);
  const columns = Array.from({ length: columnCount }, (_, i) => node.columns[i] ?? { align: 'left' as const });
  const headerRows = Math.min(Math.max(node.headerRows, 0), node.rows.length);
  const widths = scaleWidths(fitTableColumns(node, columnCount, headerRows, TEXT_WIDTH / 20));
  const rows = node.rows.map((row, rowIndex) => {
    const header = rowIndex < headerRows;
    return columns.map((column, col): GridCell => {
      const cell = row.cells[col];
      // Words too wide for the column get soft hyphens (header words only when the table could
      // not be laid out with them whole).
      const cellRoom = textRoom((widths[col] ?? 0) / 20);
      const marks = header ? { bold: true, cellRoom } : { cellRoom };
      return {
        children: cell ? renderInlines(cell.children, ctx, marks) : '',
        align: column.align,
        ...(header ? { fill: COLOR.tableHeaderFill } : {}),
      };
    });
  });
  return gridTable({ widths, headerRows, rows });
}
