import { LeaderType, Paragraph, TableOfContents, TextRun } from 'docx';
import type { Block, Toc } from '../../model/nodes.js';
import { inlineText, walkBlocks } from '../../model/text.js';
import type { RenderContext } from './context.js';
import { STYLE } from './styles.js';

export interface TocEntry {
  readonly title: string;
  readonly level: number;
  readonly href: string;
}

/**
 * A TOC entry's text: "2.1<em space>Threats and controls". An em space, not two spaces: docx
 * writes cached entries without xml:space="preserve", where plain spaces may be collapsed.
 */
export function headingTitle(number: string | undefined, text: string): string {
  return number === undefined || number === '' ? text : `${number}\u2003${text}`;
}

/** TOC entries for every heading up to `depth`, in document order, linked to the heading bookmarks. */
export function tocEntries(blocks: readonly Block[], depth: number, ctx: RenderContext): TocEntry[] {
  const entries: TocEntry[] = [];
  for (const block of walkBlocks(blocks)) {
    if (block.type !== 'heading' || block.depth > depth) continue;
    const href = ctx.bookmarks.get(block.id);
    if (href === undefined) continue;
    entries.push({
      title: headingTitle(block.number, inlineText(block.children).replace(/\n/g, ' ')),
      level: block.depth,
      href,
    });
  }
  return entries;
}

/**
 * The contents title and a real Word TOC field (`TOC \o "1-n" \h`). The field is pre-filled with
 * entries (hyperlinks to the heading bookmarks) so the table is not empty in LibreOffice, pandoc
 * or Word before "Update field"; page numbers are left to the word processor, which alone knows
 * the pagination (Word offers to update fields on open: `features.updateFields`).
 */
export function renderToc(
  node: Toc,
  all: readonly Block[],
  ctx: RenderContext,
  pageBreakBefore = false,
): (Paragraph | TableOfContents)[] {
  const depth = Math.min(Math.max(Math.trunc(node.depth) || 3, 1), 9);
  return [
    new Paragraph({ style: STYLE.tocHeading, pageBreakBefore, children: [new TextRun(node.title)] }),
    new TableOfContents(node.title, {
      hyperlink: true,
      headingStyleRange: `1-${depth}`,
      cachedEntries: tocEntries(all, depth, ctx),
      // No page numbers are known before layout, so no dot leaders pointing at nothing;
      // Word draws its own leaders and numbers when it updates the field.
      tabLeader: LeaderType.NONE,
    }),
  ];
}
