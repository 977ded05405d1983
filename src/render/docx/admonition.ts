import type { Admonition, Block } from '../../model/nodes.js';
import type { RenderContext } from './context.js';
import { renderInlines } from './inline.js';
import { admonitionCaption } from '../captions.js';
import { borderXml, paragraphXml, runPropsXml, shadingXml, textRunXml } from './ooxml.js';
import { tableGridXml } from './table.js';
import { COLOR, TEXT_WIDTH } from './theme.js';

const looks = {
  note: { fill: COLOR.noteFill, border: COLOR.noteBorder },
  warning: { fill: COLOR.warningFill, border: COLOR.warningBorder },
} as const;

const CELL_MARGINS =
  '<w:tcMar><w:top w:type="dxa" w:w="100"/><w:left w:type="dxa" w:w="180"/>' +
  '<w:bottom w:type="dxa" w:w="100"/><w:right w:type="dxa" w:w="180"/></w:tcMar>';

/**
 * A note or warning as a one-cell table: tinted background, a thick coloured bar on the left and a
 * bold label. A table (not paragraph borders) keeps the box together across all its paragraphs and
 * looks the same in Word and LibreOffice. `renderChildren` writes the other blocks for a table
 * cell (a contents field cannot live there; nothing else is dropped).
 */
export function renderAdmonition(
  node: Admonition,
  ctx: RenderContext,
  renderChildren: (blocks: readonly Block[]) => string,
): string {
  const look = looks[node.kind];
  const label = textRunXml(`${admonitionCaption(node.kind)}: `, runPropsXml({ bold: true, color: look.border }));
  const [first, ...rest] = node.children;
  let content: string;
  if (first?.type === 'paragraph') {
    // The label run comes first: written before the text so links in it are numbered in order.
    content = paragraphXml(
      { spacing: { after: rest.length > 0 ? 120 : 0 } },
      label + renderInlines(first.children, ctx),
    );
  } else {
    content = paragraphXml({ spacing: { after: 60 } }, label);
    if (first !== undefined) rest.unshift(first);
  }
  content += renderChildren(rest);
  const none = { style: 'nil' as const };
  const borders =
    borderXml('top', none) +
    borderXml('left', { style: 'single', size: 24, color: look.border }) +
    borderXml('bottom', none) +
    borderXml('right', none) +
    borderXml('insideH', none) +
    borderXml('insideV', none);
  return (
    `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${TEXT_WIDTH}"/><w:tblBorders>${borders}</w:tblBorders>` +
    `<w:tblLayout w:type="fixed"/></w:tblPr>${tableGridXml([TEXT_WIDTH])}` +
    `<w:tr><w:trPr><w:cantSplit w:val="off"/></w:trPr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${TEXT_WIDTH}"/>` +
    `${shadingXml(look.fill)}${CELL_MARGINS}</w:tcPr>${content}</w:tc></w:tr></w:tbl>`
  );
}
