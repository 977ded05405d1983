import type { Block, Toc } from '../../model/nodes.js';
import { inlineText, walkBlocks } from '../../model/text.js';
import type { RenderContext } from './context.js';
import { paragraphXml, textRunXml, xmlEscape } from './ooxml.js';
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
export function renderToc(node: Toc, all: readonly Block[], ctx: RenderContext, pageBreakBefore = false): string {
  const depth = Math.min(Math.max(Math.trunc(node.depth) || 3, 1), 9);
  return (
    paragraphXml({ style: STYLE.tocHeading, pageBreakBefore }, textRunXml(node.title)) +
    tocField(node.title, depth, tocEntries(all, depth, ctx))
  );
}

/** Right edge of the text for the entries' tab stops, as docx computes it. */
const TOC_RIGHT = 9025;

/**
 * The field in a content control, as docx writes a TableOfContents with cached entries: the field
 * begins in the first entry's paragraph and ends in the last one's (in a paragraph of its own when
 * there are fewer than two entries).
 */
export function tocField(alias: string, depth: number, entries: readonly TocEntry[]): string {
  const begin =
    '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/>' +
    `<w:instrText xml:space="preserve">TOC \\h \\o &quot;1-${depth}&quot;</w:instrText><w:fldChar w:fldCharType="separate"/></w:r>`;
  const end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>';
  let x =
    `<w:sdt><w:sdtPr><w:alias w:val="${xmlEscape(alias)}"/><w:docPartObj><w:docPartGallery w:val="Table of Contents"/>` +
    '<w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtContent>';
  if (entries.length === 0) x += `<w:p>${begin}</w:p><w:p>${end}</w:p>`;
  entries.forEach((entry, i) => {
    const link =
      `<w:hyperlink w:history="1" w:anchor="${xmlEscape(entry.href)}"><w:r><w:rPr><w:rStyle w:val="IndexLink"/></w:rPr>` +
      `<w:t xml:space="default">${xmlEscape(entry.title)}</w:t><w:tab/><w:t xml:space="default"></w:t></w:r></w:hyperlink>`;
    const props = {
      style: `TOC${entry.level}`,
      tabs: [
        { type: 'clear' as const, position: TOC_RIGHT + 1 - (entry.level - 1) * 240 },
        { type: 'right' as const, position: TOC_RIGHT, leader: 'none' as const },
      ],
    };
    const last = i === entries.length - 1 && entries.length > 1;
    x += paragraphXml(props, (i === 0 ? begin : '') + link + (last ? end : ''));
  });
  if (entries.length === 1) x += `<w:p>${end}</w:p>`;
  return `${x}</w:sdtContent></w:sdt>`;
}
