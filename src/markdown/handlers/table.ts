import type { Table as MdTable } from 'mdast';
import type { Table, TableCell } from '../../model/nodes.js';
import type { State } from '../state.js';
import { inlines } from './inline.js';

/**
 * A GFM table: one header row, alignment from the delimiter row, relative widths from a
 * `<!-- widths: … -->` directive just before it (otherwise the renderers fit columns to their content).
 */
export function table(node: MdTable, widths: readonly number[] | undefined, state: State): Table {
  const count = Math.max(node.align?.length ?? 0, ...node.children.map((r) => r.children.length));
  const rows = node.children.map((row) => {
    const cells: TableCell[] = row.children.map((cell) => ({
      type: 'tableCell',
      children: inlines(cell.children, state),
    }));
    while (cells.length < count) cells.push({ type: 'tableCell', children: [] });
    return { type: 'tableRow' as const, cells };
  });
  for (const row of node.children) {
    const written = row.data?.cellsWritten ?? 0;
    if (written > count)
      state.warn(
        'markdown/table-cells',
        `this table row has ${written} cells but the header row has ${count}; the last ${written - count} were left out`,
        row,
        ['add the column to the header row and to the `---` row, or write a `|` inside a cell as `\\|`'],
      );
  }
  let chosen = widths;
  if (widths !== undefined && widths.length !== count) {
    state.warn(
      'markdown/table-widths',
      `\`<!-- widths: ${widths.join(',')} -->\` gives ${widths.length} widths for ${count} columns`,
      node,
      ['give one number per column; the widths were computed from the contents instead'],
    );
    chosen = undefined;
  }
  // Without a directive the renderers fit each column to the measured widths of its cells.
  const columns = Array.from({ length: count }, (_, i) => {
    const width = chosen?.[i];
    return { align: node.align?.[i] ?? 'left', ...(width !== undefined ? { width } : {}) };
  });
  return { type: 'table', columns, headerRows: 1, rows };
}
