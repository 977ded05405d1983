import type { Block, Heading, List } from '../../model/nodes.js';
import { assertNever } from '../../model/nodes.js';
import { isLeadParagraph } from '../../model/text.js';
import { renderAdmonition } from './admonition.js';
import type { RenderContext } from './context.js';
import { renderImage } from './image.js';
import { renderInlines } from './inline.js';
import { listIndent } from './numbering.js';
import { TAB_RUN, paragraphXml, textRunXml, textXml, xmlEscape } from './ooxml.js';
import type { ParagraphProps } from './ooxml.js';
import { STYLE, headingStyleId } from './styles.js';
import { renderTable } from './table.js';
import { COLOR } from './theme.js';
import { renderToc } from './toc.js';

/** Space reserved for a heading number before the tab; numbers and titles line up at every level. */
const HEADING_NUMBER_INDENT = 794;

/** A paragraph that only closes a table or carries a page break: single-spaced, nothing after. */
const TIGHT = { after: 0, line: 240 } as const;
const SPACER = paragraphXml({ spacing: TIGHT }, '');
const THEMATIC_BREAK = paragraphXml(
  {
    border: { bottom: { style: 'single', size: 6, color: COLOR.rule, space: 1 } },
    spacing: { before: 120, after: 240 },
  },
  '',
);

/**
 * Model blocks → WordprocessingML body content. `all` is the whole document (the TOC lists its
 * headings). A page break becomes `pageBreakBefore` on the next paragraph when there is one, so no
 * empty paragraph is left at the top of the new page. In a table cell (`inCell`) a contents field
 * is left out: Word does not allow one there (its title stays).
 */
export function renderBlocks(
  blocks: readonly Block[],
  ctx: RenderContext,
  all: readonly Block[] = blocks,
  startOnNewPage = false,
  inCell = false,
): string {
  let out = '';
  let breakBefore = startOnNewPage;
  blocks.forEach((block, index) => {
    const next = blocks[index + 1];
    const carriesBreak = block.type === 'heading' || block.type === 'paragraph' || block.type === 'toc';
    if (breakBefore && !carriesBreak && block.type !== 'pageBreak') {
      out += paragraphXml({ pageBreakBefore: true, spacing: TIGHT }, '');
      breakBefore = false;
    }
    switch (block.type) {
      case 'pageBreak':
        // A break at the very end would only add an empty page.
        breakBefore = next !== undefined;
        return;
      case 'toc': {
        const toc = renderToc(block, all, ctx, breakBefore);
        out += inCell ? toc.slice(0, toc.indexOf('<w:sdt>')) : toc;
        // The body starts on a fresh page after the contents.
        breakBefore = next !== undefined;
        return;
      }
      case 'heading':
        out += renderHeading(block, ctx, breakBefore);
        break;
      case 'paragraph':
        out += paragraphXml(
          // A bold-only paragraph is a run-in heading: it stays with the block after it.
          {
            pageBreakBefore: breakBefore,
            ...(next !== undefined && isLeadParagraph(block.children) ? { keepNext: true } : {}),
          },
          renderInlines(block.children, ctx),
        );
        break;
      case 'list':
        out += renderList(block, ctx, 0, true, inCell);
        break;
      case 'table':
        if (block.caption !== undefined && block.caption !== '') {
          out += paragraphXml({ style: STYLE.caption }, textRunXml(block.caption));
        }
        // Word glues consecutive tables and puts the next paragraph flush under the table.
        out += renderTable(block, ctx) + SPACER;
        break;
      case 'admonition':
        out += renderAdmonition(block, ctx, (children) => renderBlocks(children, ctx, all, false, true)) + SPACER;
        break;
      case 'image':
        out += renderImage(block, ctx);
        break;
      case 'thematicBreak':
        out += THEMATIC_BREAK;
        break;
      case 'code':
        out += renderCode(block.value);
        break;
      default:
        assertNever(block);
    }
    breakBefore = false;
  });
  return out;
}

function renderHeading(node: Heading, ctx: RenderContext, pageBreakBefore: boolean): string {
  const numbered = node.number !== undefined && node.number !== '';
  let content = (numbered ? textRunXml(node.number ?? '') + TAB_RUN : '') + renderInlines(node.children, ctx);
  const bookmark = ctx.bookmarks.get(node.id);
  if (bookmark !== undefined) {
    ctx.bookmarkCount += 1;
    const id = ctx.bookmarkCount;
    content = `<w:bookmarkStart w:name="${xmlEscape(bookmark)}" w:id="${id}"/>${content}<w:bookmarkEnd w:id="${id}"/>`;
  }
  const props: ParagraphProps = {
    style: headingStyleId(node.depth),
    pageBreakBefore,
    // Also set on the paragraph, not only the style: a heading stays with what follows even
    // when a writer restyles it or a client ignores the style's paragraph properties.
    keepNext: true,
    keepLines: true,
    ...(numbered
      ? {
          tabs: [{ type: 'left', position: HEADING_NUMBER_INDENT }],
          indent: { left: HEADING_NUMBER_INDENT, hanging: HEADING_NUMBER_INDENT },
        }
      : {}),
  };
  return paragraphXml(props, content);
}

function renderCode(value: string): string {
  // Tabs become spaces: a tab in a code block should not jump to Word's default tab stops.
  const lines = value.replace(/\t/g, '    ').split('\n');
  let content = '';
  lines.forEach((line, i) => {
    content += i === 0 ? textRunXml(line) : `<w:r><w:br/>${textXml(line)}</w:r>`;
  });
  return paragraphXml({ style: STYLE.code }, content);
}

/**
 * A list as numbered paragraphs. Each list (nested ones too) is its own numbering instance so an
 * ordered list restarts at its `start`; the first paragraph of an item carries the number, later
 * paragraphs are indented to the text. The very last paragraph of a top-level list gets normal
 * spacing after, so the text that follows is not cramped.
 */
function renderList(list: List, ctx: RenderContext, level: number, closesOuter: boolean, inCell: boolean): string {
  const start = Math.max(0, Math.trunc(list.start));
  if (list.ordered) ctx.orderedStarts.add(start);
  if (list.items.length === 0) return '';
  ctx.lists.push({ ordered: list.ordered, start: list.ordered ? start : 1 });
  const numId = ctx.lists.length + 1;
  const style = list.ordered ? STYLE.listNumber : STYLE.listBullet;
  const depth = Math.min(level, 8);
  let out = '';
  list.items.forEach((item, itemIndex) => {
    const lastItem = itemIndex === list.items.length - 1;
    const children = item.children;
    const first = children[0];
    const numbered = first?.type === 'paragraph' ? first.children : [];
    const restStart = first?.type === 'paragraph' ? 1 : 0;
    const endsHere = lastItem && closesOuter && restStart >= children.length;
    out += paragraphXml(
      { style, numbering: { level: depth, numId }, ...(endsHere ? { spacing: { after: 160 } } : {}) },
      renderInlines(numbered, ctx),
    );
    children.slice(restStart).forEach((child, i) => {
      const last = lastItem && closesOuter && restStart + i === children.length - 1;
      if (child.type === 'list') out += renderList(child, ctx, level + 1, last, inCell);
      else if (child.type === 'paragraph') {
        out += paragraphXml(
          {
            style: STYLE.listContinue,
            ...(last ? { spacing: { after: 160 } } : {}),
            indent: { left: listIndent(depth) },
          },
          renderInlines(child.children, ctx),
        );
      } else out += renderBlocks([child], ctx, [child], false, inCell);
    });
  });
  return out;
}
