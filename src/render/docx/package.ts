import { strToU8 } from 'fflate';
import type { DocumentMeta } from '../../model/nodes.js';
import type { RenderContext } from './context.js';
import { mediaIdToken } from './image.js';
import { numberingXml } from './numbering.js';
import { xmlEscape } from './ooxml.js';
import type { StaticParts } from './static-parts.js';
import { zipArchive, zipEntry } from './zip.js';
import type { ZipEntry } from './zip.js';

/** What one document contributes to the package: its body, header and footer paragraphs, metadata. */
export interface DocumentContent {
  readonly meta: DocumentMeta;
  readonly body: string;
  readonly header: string;
  readonly firstHeader: string;
  readonly footer: string;
  /** Custom document properties (name, value), in order. */
  readonly properties: readonly (readonly [string, string])[];
  readonly description: string;
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * The package: the fixed parts of the template (static-parts.ts) and the parts of this document,
 * zipped once. It is reproducible: dates come from `meta.date`, relationship, bookmark and drawing
 * ids are counters in document order, entries have a fixed order (content types first, as many
 * readers expect) and a fixed mtime. Ids and part contents are those docx gave the same document.
 */
export function assemblePackage(template: StaticParts, content: DocumentContent, ctx: RenderContext): Uint8Array {
  const { meta } = content;
  // docx numbers relationships after its ten fixed ones: hyperlinks (renamed rIdL<n> here, as
  // before), then images, then the font table.
  const firstImage = 11 + ctx.links.length;
  let relationships = template.relationshipsHead;
  ctx.links.forEach((url, i) => {
    relationships += `<Relationship Id="rIdL${i + 1}" Type="${REL}/hyperlink" Target="${xmlEscape(url)}" TargetMode="External"/>`;
  });
  ctx.media.forEach((m, i) => {
    relationships += `<Relationship Id="rId${firstImage + i}" Type="${REL}/image" Target="media/${m.name}"/>`;
  });
  relationships += `<Relationship Id="rId${firstImage + ctx.media.length}" Type="${REL}/fontTable" Target="fontTable.xml"/></Relationships>`;

  let body = content.body;
  if (ctx.media.length > 0) {
    const ids = new Map(ctx.media.map((_, i) => [mediaIdToken(i), `rId${firstImage + i}`]));
    // Escaped text cannot hold `r:embed="`, so only the drawings' placeholders match.
    body = body.replace(/r:embed="(rIdIMG\d+)"/g, (_m, token: string) => `r:embed="${ids.get(token) ?? token}"`);
  }

  const entries = new Map<string, ZipEntry>(template.fixed);
  const add = (name: string, xml: string): void => void entries.set(name, zipEntry(name, strToU8(xml), true));
  add('word/document.xml', template.documentHead + body + template.documentTail);
  add('word/_rels/document.xml.rels', relationships);
  add('word/numbering.xml', numberingXml(template.numbering, ctx.orderedStarts, ctx.lists));
  add('word/header1.xml', `${template.headerRoot}${content.header}</w:hdr>`);
  add('word/header2.xml', `${template.headerRoot}${content.firstHeader}</w:hdr>`);
  add('word/footer1.xml', `${template.footerRoot}${content.footer}</w:ftr>`);
  add('word/footer2.xml', `${template.footerRoot}${content.footer}</w:ftr>`);
  add('docProps/core.xml', coreProperties(meta, content.description));
  add('docProps/custom.xml', customProperties(content.properties));
  for (const m of ctx.media) {
    const name = `word/media/${m.name}`;
    entries.set(name, zipEntry(name, m.bytes, !isCompressed(name)));
  }
  const names = [...entries.keys()].sort(comparePartNames);
  return zipArchive(
    names.flatMap((name) => entries.get(name) ?? []),
    fixedTime(meta.date),
  );
}

const FIRST_PARTS = ['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/_rels/document.xml.rels'];

/** Content types first, then the main parts, then everything else by name. */
export function comparePartNames(a: string, b: string): number {
  const ia = FIRST_PARTS.indexOf(a);
  const ib = FIRST_PARTS.indexOf(b);
  if (ia !== ib) return (ia === -1 ? FIRST_PARTS.length : ia) - (ib === -1 ? FIRST_PARTS.length : ib);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Images are already compressed; deflating them again only costs time. */
function isCompressed(name: string): boolean {
  return /\.(png|jpe?g|gif)$/i.test(name);
}

/** ISO date of the document → the W3CDTF timestamp used for created/modified. */
export function coreTimestamp(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00Z` : '1980-01-01T00:00:00Z';
}

const CORE_ROOT =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
  'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" ' +
  'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">';

/** docProps/core.xml as docx writes it (empty values left out), dated by the document and with its language. */
function coreProperties(meta: DocumentMeta, description: string): string {
  const element = (tag: string, value: string): string => (value === '' ? '' : `<${tag}>${xmlEscape(value)}</${tag}>`);
  const stamp = coreTimestamp(meta.date);
  return (
    CORE_ROOT +
    element('dc:title', meta.title) +
    element('dc:subject', meta.subject) +
    element('dc:creator', meta.author) +
    element('cp:keywords', meta.keywords.join(', ')) +
    element('dc:description', description) +
    element('cp:lastModifiedBy', meta.author) +
    '<cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` +
    element('dc:language', meta.language) +
    '</cp:coreProperties>'
  );
}

const CUSTOM_ROOT =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" ' +
  'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"';

/** docProps/custom.xml: one text property each, with the ids (pid from 2) docx gives them. */
function customProperties(properties: readonly (readonly [string, string])[]): string {
  if (properties.length === 0) return `${CUSTOM_ROOT}/>`;
  let x = `${CUSTOM_ROOT}>`;
  properties.forEach(([name, value], i) => {
    x +=
      `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${i + 2}" name="${xmlEscape(name)}">` +
      `<vt:lpwstr>${xmlEscape(value)}</vt:lpwstr></property>`;
  });
  return `${x}</Properties>`;
}

/**
 * Zip entry time: noon of the document date. DOS time is written from local-time fields (zip.ts),
 * so the Date is built from local fields too; the bytes are then the same in every time zone.
 * DOS time holds the years 1980 to 2107; dates outside are pinned to the nearest year it can hold
 * (up to 2099, as fflate allowed).
 */
function fixedTime(date: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const year = Math.min(2099, Math.max(1980, Number(m?.[1] ?? 1980)));
  return new Date(year, Number(m?.[2] ?? 1) - 1, Number(m?.[3] ?? 1), 12, 0, 0);
}
