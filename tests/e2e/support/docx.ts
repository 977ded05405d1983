import { unzipSync, strFromU8 } from 'fflate';

/** One part of a DOCX package (e.g. `word/document.xml`) as text; throws if the part is missing. */
export function docxPart(bytes: Uint8Array, part: string): string {
  const files = unzipSync(bytes, { filter: (f) => f.name === part });
  const data = files[part];
  if (!data) throw new Error(`the DOCX has no ${part}`);
  return strFromU8(data);
}

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, '&');
}

/**
 * The visible text of every paragraph of document.xml: the `w:t` runs of a paragraph
 * concatenated (a Word reader sees them as one string), tabs and breaks as whitespace.
 */
export function docxParagraphs(xml: string): string[] {
  const out: string[] = [];
  for (const p of xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)) {
    let text = '';
    for (const m of p[0].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(tab|br)\b[^>]*\/>/g)) {
      text += m[1] !== undefined ? unescapeXml(m[1]) : m[2] === 'tab' ? '\t' : '\n';
    }
    out.push(text);
  }
  return out;
}

/** Paragraph styles used in document order (`Heading1`, `TOC1`, …). */
export function docxStyles(xml: string): string[] {
  return [...xml.matchAll(/<w:pStyle w:val="([^"]+)"\/>/g)].map((m) => m[1] ?? '');
}

export function docxText(bytes: Uint8Array): string {
  return docxParagraphs(docxPart(bytes, 'word/document.xml')).join('\n');
}
