import { Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from 'docx';
import type { Admonition, Block } from '../../model/nodes.js';
import type { RenderContext } from './context.js';
import { renderInlines } from './inline.js';
import { admonitionCaption } from '../captions.js';
import { COLOR, TEXT_WIDTH } from './theme.js';

type CellChild = Paragraph | Table;

const looks = {
  note: { fill: COLOR.noteFill, border: COLOR.noteBorder },
  warning: { fill: COLOR.warningFill, border: COLOR.warningBorder },
} as const;

/**
 * A note or warning as a one-cell table: tinted background, a thick coloured bar on the left and a
 * bold label. A table (not paragraph borders) keeps the box together across all its paragraphs and
 * looks the same in Word and LibreOffice.
 */
export function renderAdmonition(
  node: Admonition,
  ctx: RenderContext,
  renderChildren: (blocks: readonly Block[]) => readonly unknown[],
): Table {
  const look = looks[node.kind];
  const label = new TextRun({ text: `${admonitionCaption(node.kind)}: `, bold: true, color: look.border });
  const [first, ...rest] = node.children;
  const content: CellChild[] = [];
  if (first?.type === 'paragraph') {
    content.push(
      new Paragraph({
        spacing: { after: rest.length > 0 ? 120 : 0 },
        children: [label, ...renderInlines(first.children, ctx)],
      }),
    );
  } else {
    content.push(new Paragraph({ spacing: { after: 60 }, children: [label] }));
    if (first !== undefined) rest.unshift(first);
  }
  for (const child of renderChildren(rest)) {
    // A contents field cannot live in a table cell; nothing else is dropped.
    if (child instanceof Paragraph || child instanceof Table) content.push(child);
  }
  const none = { style: 'nil' as const };
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [TEXT_WIDTH],
    layout: TableLayoutType.FIXED,
    borders: {
      top: none,
      bottom: none,
      right: none,
      insideHorizontal: none,
      insideVertical: none,
      left: { style: 'single', size: 24, color: look.border },
    },
    rows: [
      new TableRow({
        cantSplit: false,
        children: [
          new TableCell({
            width: { size: TEXT_WIDTH, type: WidthType.DXA },
            shading: { type: 'clear', color: 'auto', fill: look.fill },
            margins: { top: 100, bottom: 100, left: 180, right: 180 },
            children: content,
          }),
        ],
      }),
    ],
  });
}
