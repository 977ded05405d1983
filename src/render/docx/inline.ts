import type { Inline } from '../../model/nodes.js';
import { assertNever } from '../../model/nodes.js';
import { placeholderText } from '../../model/text.js';
import { SOFT_HYPHEN, softHyphenated } from './cell-fit.js';
import type { RenderContext } from './context.js';
import { BREAK_RUN, runPropsXml, textRunXml, textXml, xmlEscape } from './ooxml.js';
import type { RunProps } from './ooxml.js';
import { COLOR, FONT } from './theme.js';

/** Character formatting inherited from enclosing strong/emphasis/link nodes. */
export interface Marks {
  readonly bold?: boolean;
  readonly italics?: boolean;
  readonly link?: boolean;
  /** In a table cell: the room for text in points; wider words get soft hyphens (cell-fit.ts). */
  readonly cellRoom?: number;
}

const CODE: RunProps = { font: FONT.mono, noProof: true, fill: COLOR.codeFill };

function run(text: string, marks: Marks, code: boolean): string {
  const rPr = runPropsXml({
    ...(marks.link === true ? { style: 'Hyperlink' } : {}),
    ...(code ? CODE : {}),
    ...(marks.bold === true ? { bold: true } : {}),
    ...(marks.italics === true ? { italics: true } : {}),
  });
  const hyphenated =
    marks.cellRoom === undefined || code
      ? undefined
      : softHyphenated(text, { bold: marks.bold === true }, marks.cellRoom);
  if (hyphenated === undefined) return textRunXml(text, rPr);
  let content = '';
  for (const piece of hyphenated) content += piece === SOFT_HYPHEN ? '<w:softHyphen/>' : textXml(piece);
  return `<w:r>${rPr}${content}</w:r>`;
}

const PLACEHOLDER_RPR = runPropsXml({ bold: true, highlight: 'yellow' });

/** A run for a missing-data placeholder: bold on yellow, the one thing a reviewer must not miss. */
export function placeholderRun(text: string): string {
  return textRunXml(text, PLACEHOLDER_RPR);
}

/** Model inline content → the runs and hyperlinks of a paragraph. */
export function renderInlines(nodes: readonly Inline[], ctx: RenderContext, marks: Marks = {}): string {
  let out = '';
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        if (node.value !== '') out += run(node.value, marks, false);
        break;
      case 'strong':
        out += renderInlines(node.children, ctx, { ...marks, bold: true });
        break;
      case 'emphasis':
        out += renderInlines(node.children, ctx, { ...marks, italics: true });
        break;
      case 'inlineCode':
        out += run(node.value, marks, true);
        break;
      case 'break':
        out += BREAK_RUN;
        break;
      case 'placeholder':
        out += placeholderRun(placeholderText(node.label, node.field));
        break;
      case 'link':
        out += renderLink(node.url, node.children, ctx, marks);
        break;
      default:
        assertNever(node);
    }
  }
  return out;
}

function renderLink(url: string, children: readonly Inline[], ctx: RenderContext, marks: Marks): string {
  if (url.startsWith('#')) {
    const anchor = ctx.bookmarks.get(url.slice(1));
    // An unknown target renders as plain text rather than a dead link; the transform reports it.
    if (anchor === undefined) return renderInlines(children, ctx, marks);
    const content = renderInlines(children, ctx, { ...marks, link: true });
    return `<w:hyperlink w:history="1" w:anchor="${xmlEscape(anchor)}">${content}</w:hyperlink>`;
  }
  // The relationship is numbered before the content, as docx does: links nested in the text come after.
  ctx.links.push(url);
  const id = `rIdL${ctx.links.length}`;
  return `<w:hyperlink w:history="1" r:id="${id}">${renderInlines(children, ctx, { ...marks, link: true })}</w:hyperlink>`;
}
