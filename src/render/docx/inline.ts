import { ExternalHyperlink, HighlightColor, InternalHyperlink, TextRun } from 'docx';
import type { IRunOptions, ParagraphChild } from 'docx';
import type { Inline } from '../../model/nodes.js';
import { assertNever } from '../../model/nodes.js';
import { placeholderText } from '../../model/text.js';
import { softHyphenated } from './cell-fit.js';
import type { RenderContext } from './context.js';
import { COLOR, FONT } from './theme.js';

/** Character formatting inherited from enclosing strong/emphasis/link nodes. */
export interface Marks {
  readonly bold?: boolean;
  readonly italics?: boolean;
  readonly link?: boolean;
  /** In a table cell: the room for text in points; wider words get soft hyphens (cell-fit.ts). */
  readonly cellRoom?: number;
}

function run(text: string, marks: Marks, extra: IRunOptions = {}): TextRun {
  const mono = extra.font !== undefined;
  const hyphenated =
    marks.cellRoom === undefined || mono
      ? undefined
      : softHyphenated(text, { bold: marks.bold === true }, marks.cellRoom);
  return new TextRun({
    ...(hyphenated === undefined ? { text } : { children: hyphenated }),
    ...(marks.bold ? { bold: true } : {}),
    ...(marks.italics ? { italics: true } : {}),
    ...(marks.link ? { style: 'Hyperlink' } : {}),
    ...extra,
  });
}

/** Runs for a missing-data placeholder: bold on yellow, the one thing a reviewer must not miss. */
export function placeholderRun(label: string, field: string): TextRun {
  return new TextRun({ text: placeholderText(label, field), bold: true, highlight: HighlightColor.YELLOW });
}

/** Model inline content → docx paragraph children. */
export function renderInlines(nodes: readonly Inline[], ctx: RenderContext, marks: Marks = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        if (node.value !== '') out.push(run(node.value, marks));
        break;
      case 'strong':
        out.push(...renderInlines(node.children, ctx, { ...marks, bold: true }));
        break;
      case 'emphasis':
        out.push(...renderInlines(node.children, ctx, { ...marks, italics: true }));
        break;
      case 'inlineCode':
        out.push(
          run(node.value, marks, {
            font: FONT.mono,
            noProof: true,
            shading: { type: 'clear', color: 'auto', fill: COLOR.codeFill },
          }),
        );
        break;
      case 'break':
        out.push(new TextRun({ break: 1 }));
        break;
      case 'placeholder':
        out.push(placeholderRun(node.label, node.field));
        break;
      case 'link':
        out.push(...renderLink(node.url, node.children, ctx, marks));
        break;
      default:
        assertNever(node);
    }
  }
  return out;
}

function renderLink(url: string, children: readonly Inline[], ctx: RenderContext, marks: Marks): ParagraphChild[] {
  if (url.startsWith('#')) {
    const anchor = ctx.bookmarks.get(url.slice(1));
    // An unknown target renders as plain text rather than a dead link; the transform reports it.
    if (anchor === undefined) return renderInlines(children, ctx, marks);
    return [new InternalHyperlink({ anchor, children: renderInlines(children, ctx, { ...marks, link: true }) })];
  }
  return [new ExternalHyperlink({ link: url, children: renderInlines(children, ctx, { ...marks, link: true }) })];
}
