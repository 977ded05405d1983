import { Bookmark, Paragraph, Table, TableOfContents, Tab, TabStopType, TextRun } from 'docx';
import type { IParagraphOptions } from 'docx';
import type { Block, Heading, List } from '../../model/nodes.js';
import { assertNever } from '../../model/nodes.js';
import { renderAdmonition } from './admonition.js';
import type { RenderContext } from './context.js';
import { renderImage } from './image.js';
import { renderInlines } from './inline.js';
import { BULLET_REFERENCE, listIndent, orderedReference } from './numbering.js';
import { STYLE, headingStyleId } from './styles.js';
import { renderTable } from './table.js';
import { COLOR } from './theme.js';
import { renderToc } from './toc.js';

export type BodyChild = Paragraph | Table | TableOfContents;

/** Space reserved for a heading number before the tab; numbers and titles line up at every level. */
const HEADING_NUMBER_INDENT = 794;

/**
 * Model blocks → docx body children. `all` is the whole document (the TOC lists its headings).
 * A page break becomes `pageBreakBefore` on the next paragraph when there is one, so no empty
 * paragraph is left at the top of the new page.
 */
export function renderBlocks(
  blocks: readonly Block[],
  ctx: RenderContext,
  all: readonly Block[] = blocks,
  startOnNewPage = false,
): BodyChild[] {
  const out: BodyChild[] = [];
  let breakBefore = startOnNewPage;
  blocks.forEach((block, index) => {
    const next = blocks[index + 1];
    const carriesBreak = block.type === 'heading' || block.type === 'paragraph' || block.type === 'toc';
    if (breakBefore && !carriesBreak && block.type !== 'pageBreak') {
      out.push(new Paragraph({ pageBreakBefore: true, spacing: { after: 0, line: 240, lineRule: 'auto' } }));
      breakBefore = false;
    }
    switch (block.type) {
      case 'pageBreak':
        // A break at the very end would only add an empty page.
        breakBefore = next !== undefined;
        return;
      case 'toc':
        out.push(...renderToc(block, all, ctx, breakBefore));
        // The body starts on a fresh page after the contents.
        breakBefore = next !== undefined;
        return;
      case 'heading':
        out.push(renderHeading(block, ctx, breakBefore));
        break;
      case 'paragraph':
        out.push(new Paragraph({ pageBreakBefore: breakBefore, children: renderInlines(block.children, ctx) }));
        break;
      case 'list':
        out.push(...renderList(block, ctx, 0, true));
        break;
      case 'table':
        if (block.caption !== undefined && block.caption !== '') {
          out.push(new Paragraph({ style: STYLE.caption, children: [new TextRun(block.caption)] }));
        }
        out.push(renderTable(block, ctx));
        // Word glues consecutive tables and puts the next paragraph flush under the table.
        out.push(new Paragraph({ spacing: { after: 0, line: 240, lineRule: 'auto' }, children: [] }));
        break;
      case 'admonition':
        out.push(renderAdmonition(block, ctx, (children) => renderBlocks(children, ctx, all)));
        out.push(new Paragraph({ spacing: { after: 0, line: 240, lineRule: 'auto' }, children: [] }));
        break;
      case 'image':
        out.push(renderImage(block, ctx));
        break;
      case 'thematicBreak':
        out.push(
          new Paragraph({
            spacing: { before: 120, after: 240 },
            border: { bottom: { style: 'single', size: 6, color: COLOR.rule, space: 1 } },
          }),
        );
        break;
      case 'code':
        out.push(renderCode(block.value));
        break;
      default:
        assertNever(block);
    }
    breakBefore = false;
  });
  return out;
}

function renderHeading(node: Heading, ctx: RenderContext, pageBreakBefore: boolean): Paragraph {
  const numbered = node.number !== undefined && node.number !== '';
  const content = [
    ...(numbered ? [new TextRun(node.number ?? ''), new TextRun({ children: [new Tab()] })] : []),
    ...renderInlines(node.children, ctx),
  ];
  const bookmark = ctx.bookmarks.get(node.id);
  const options: IParagraphOptions = {
    style: headingStyleId(node.depth),
    pageBreakBefore,
    // Also set on the paragraph, not only the style: a heading stays with what follows even
    // when a writer restyles it or a client ignores the style's paragraph properties.
    keepNext: true,
    keepLines: true,
    ...(numbered
      ? {
          tabStops: [{ type: TabStopType.LEFT, position: HEADING_NUMBER_INDENT }],
          indent: { left: HEADING_NUMBER_INDENT, hanging: HEADING_NUMBER_INDENT },
        }
      : {}),
    children: bookmark === undefined ? content : [new Bookmark({ id: bookmark, children: content })],
  };
  return new Paragraph(options);
}

function renderCode(value: string): Paragraph {
  // Tabs become spaces: a tab in a code block should not jump to Word's default tab stops.
  const lines = value.replace(/\t/g, '    ').split('\n');
  return new Paragraph({
    style: STYLE.code,
    children: lines.map((line, i) => new TextRun({ text: line, ...(i > 0 ? { break: 1 } : {}) })),
  });
}

/**
 * A list as numbered paragraphs. Each list (nested ones too) is its own numbering instance so an
 * ordered list restarts at its `start`; the first paragraph of an item carries the number, later
 * paragraphs are indented to the text. The very last paragraph of a top-level list gets normal
 * spacing after, so the text that follows is not cramped.
 */
function renderList(list: List, ctx: RenderContext, level: number, closesOuter: boolean): BodyChild[] {
  const instance = ctx.nextListInstance;
  ctx.nextListInstance += 1;
  const start = Math.max(0, Math.trunc(list.start));
  if (list.ordered) ctx.orderedStarts.add(start);
  const reference = list.ordered ? orderedReference(start) : BULLET_REFERENCE;
  const style = list.ordered ? STYLE.listNumber : STYLE.listBullet;
  const depth = Math.min(level, 8);
  const out: BodyChild[] = [];
  list.items.forEach((item, itemIndex) => {
    const lastItem = itemIndex === list.items.length - 1;
    const children = item.children;
    const first = children[0];
    const numbered = first?.type === 'paragraph' ? first.children : [];
    const restStart = first?.type === 'paragraph' ? 1 : 0;
    const endsHere = lastItem && closesOuter && restStart >= children.length;
    out.push(
      new Paragraph({
        style,
        numbering: { reference, level: depth, instance, custom: true },
        ...(endsHere ? { spacing: { after: 160 } } : {}),
        children: renderInlines(numbered, ctx),
      }),
    );
    children.slice(restStart).forEach((child, i) => {
      const last = lastItem && closesOuter && restStart + i === children.length - 1;
      if (child.type === 'list') out.push(...renderList(child, ctx, level + 1, last));
      else if (child.type === 'paragraph') {
        out.push(
          new Paragraph({
            style: STYLE.listContinue,
            indent: { left: listIndent(depth) },
            ...(last ? { spacing: { after: 160 } } : {}),
            children: renderInlines(child.children, ctx),
          }),
        );
      } else out.push(...renderBlocks([child], ctx));
    });
  });
  return out;
}
