import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Zippable } from 'fflate';
import type { DocumentMeta } from '../../model/nodes.js';
import { TABLE_STYLE_XML } from './table-style.js';

/**
 * Makes the package docx writes reproducible and complete. docx stamps core.xml with the clock,
 * gives hyperlink relationships random (nanoid) ids, zips with the current time and puts
 * [Content_Types].xml last. Here: dates come from `meta.date`, random ids become counters in
 * order of appearance, entries get a fixed order (content types first, as many readers
 * expect) and a fixed mtime, and the parts docx cannot express (a table style, the document
 * language in core.xml) are added.
 */
export function normalizePackage(bytes: Uint8Array, meta: DocumentMeta): Uint8Array {
  const parts = unzipSync(bytes);
  const names = Object.keys(parts).sort(comparePartNames);
  const texts = new Map<string, string>();
  for (const name of names) {
    const data = parts[name];
    if (data !== undefined && isXmlPart(name)) texts.set(name, strFromU8(data));
  }

  const bookmarkIds = new Map<string, string>();
  const drawingIds = new Map<string, string>();
  const renames = randomRelationshipIds(names.filter((n) => n.endsWith('.rels')).map((n) => texts.get(n) ?? ''));
  for (const [name, xml] of texts) {
    let out = xml;
    for (const [from, to] of renames) out = out.split(`"${from}"`).join(`"${to}"`);
    out = renumber(out, /<w:bookmark(?:Start|End)\b[^>]*>/g, bookmarkIds);
    out = renumber(out, /<wp:docPr\b[^>]*>/g, drawingIds);
    if (name === 'docProps/core.xml') out = fixCoreProperties(out, meta);
    if (name === 'word/styles.xml' && !out.includes('w:styleId="TableGrid"'))
      out = out.replace('</w:styles>', `${TABLE_STYLE_XML}</w:styles>`);
    texts.set(name, out);
  }

  const mtime = fixedTime(meta.date);
  const zippable: Zippable = {};
  for (const name of names) {
    const text = texts.get(name);
    const data = text !== undefined ? strToU8(text) : parts[name];
    if (data !== undefined) zippable[name] = [data, { mtime, level: isCompressed(name) ? 0 : 6 }];
  }
  return zipSync(zippable);
}

const FIRST_PARTS = ['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/_rels/document.xml.rels'];

/** Content types first, then the main parts, then everything else by name. */
export function comparePartNames(a: string, b: string): number {
  const ia = FIRST_PARTS.indexOf(a);
  const ib = FIRST_PARTS.indexOf(b);
  if (ia !== ib) return (ia === -1 ? FIRST_PARTS.length : ia) - (ib === -1 ? FIRST_PARTS.length : ib);
  return a < b ? -1 : a > b ? 1 : 0;
}

function isXmlPart(name: string): boolean {
  return name.endsWith('.xml') || name.endsWith('.rels');
}

/** Images are already compressed; deflating them again only costs time. */
function isCompressed(name: string): boolean {
  return /\.(png|jpe?g|gif)$/i.test(name);
}

/** Relationship ids that are not docx's counters (`rId7`) → `rIdL1`, `rIdL2`, ... in order of appearance. */
function randomRelationshipIds(relsParts: readonly string[]): Map<string, string> {
  const renames = new Map<string, string>();
  for (const xml of relsParts) {
    for (const match of xml.matchAll(/\sId="([^"]+)"/g)) {
      const id = match[1];
      if (id === undefined || /^rId\d+$/.test(id) || renames.has(id)) continue;
      renames.set(id, `rIdL${renames.size + 1}`);
    }
  }
  return renames;
}

/**
 * docx numbers bookmarks and drawings (wp:docPr) from counters that live as long as the process,
 * so a second render of the same document gets other ids. Renumber them 1, 2, ... in document
 * order (one map per kind for all parts: ids stay unique and bookmark starts match their ends).
 */
function renumber(xml: string, tags: RegExp, ids: Map<string, string>): string {
  return xml.replace(tags, (tag) =>
    tag.replace(/\s(w:id|id)="(\d+)"/, (_attr, name: string, id: string) => {
      let next = ids.get(id);
      if (next === undefined) {
        next = String(ids.size + 1);
        ids.set(id, next);
      }
      return ` ${name}="${next}"`;
    }),
  );
}

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** ISO date of the document → the W3CDTF timestamp used for created/modified. */
export function coreTimestamp(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00Z` : '1980-01-01T00:00:00Z';
}

function fixCoreProperties(xml: string, meta: DocumentMeta): string {
  const stamp = coreTimestamp(meta.date);
  let out = xml
    .replace(/(<dcterms:created\b[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${stamp}$2`)
    .replace(/(<dcterms:modified\b[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${stamp}$2`);
  if (!out.includes('<dc:language>') && meta.language !== '') {
    out = out.replace(
      '</cp:coreProperties>',
      `<dc:language>${escapeXml(meta.language)}</dc:language></cp:coreProperties>`,
    );
  }
  return out;
}

/**
 * Zip entry time: noon of the document date. fflate writes DOS time from local-time fields, so the
 * Date is built from local fields too; the bytes are then the same in every time zone.
 */
function fixedTime(date: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const year = Math.max(1980, Number(m?.[1] ?? 1980));
  return new Date(year, Number(m?.[2] ?? 1) - 1, Number(m?.[3] ?? 1), 12, 0, 0);
}
