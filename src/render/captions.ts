/**
 * The fixed words the renderers themselves print (title page, running header and footer,
 * boxes). Both the DOCX and the PDF renderer take them from here, so the two formats of
 * one document can never disagree. English only for now. Called captions to keep them apart
 * from a field's label (schema/label.ts: "end date of the security support period") and a coded
 * value's wording (schema/value-wording.ts: "bluetooth-le" → "Bluetooth LE").
 *
 * This file imports only model types: it is shared by renderers that must not import each other.
 */
import type { DocumentMeta, Fingerprints } from '../model/nodes.js';

export const CAPTIONS = {
  documentControl: 'Document control',
  revisionHistory: 'Revision history',
  documentNumber: 'Document number',
  version: 'Version',
  status: 'Status',
  date: 'Date',
  author: 'Author',
  approver: 'Approver',
  product: 'Product',
  manufacturer: 'Manufacturer',
  audience: 'Audience',
  description: 'Description',
  /** "Page 3 of 12": the pieces, for formats that insert the numbers as fields (DOCX). */
  page: 'Page',
  of: 'of',
  /** Lower-case, inside a phrase: "GlucoFlow X2, version 2.4.0 (glucoflow-x2-eu)". */
  versionInline: 'version',
  /** The marking of every draft, on the title page and in the running header. */
  draft: 'DRAFT \u2014 not approved for use',
  /** The large diagonal mark behind draft pages (where the format draws one). */
  watermark: 'DRAFT',
  note: 'Note',
  warning: 'Warning',
  /** An empty cell of the document-control or revision table. */
  notStated: '\u2014',
  noRevisions: 'No revision history recorded',
  generatedFrom: 'Generated from',
  /** Document control of a companion record (a separate traceability table): the document it belongs to. */
  relatedDocument: 'Evidence for',
} as const;

export function admonitionCaption(kind: 'note' | 'warning'): string {
  return kind === 'note' ? CAPTIONS.note : CAPTIONS.warning;
}

/** "Page 3 of 12", for formats that know the numbers when they lay out the page (PDF). */
export function pageOf(page: number, total: number): string {
  return `${CAPTIONS.page} ${page} ${CAPTIONS.of} ${total}`;
}

/** The document-control facts the title page shows. */
export type TitleFacts = Pick<
  DocumentMeta,
  | 'documentNumber'
  | 'version'
  | 'status'
  | 'date'
  | 'author'
  | 'approver'
  | 'productName'
  | 'productId'
  | 'productVersion'
  | 'manufacturer'
  | 'audience'
  | 'revisions'
  | 'fingerprints'
  | 'relatedDocument'
>;

const orDash = (value: string | undefined): string =>
  value === undefined || value.trim() === '' ? CAPTIONS.notStated : value;

/** "GlucoFlow X2, version 2.4.0 (glucoflow-x2-eu)": the Product row of the document-control table. */
export function productLine(meta: Pick<TitleFacts, 'productName' | 'productVersion' | 'productId'>): string {
  const version =
    meta.productVersion !== undefined && meta.productVersion !== ''
      ? `, ${CAPTIONS.versionInline} ${meta.productVersion}`
      : '';
  return `${meta.productName}${version} (${meta.productId})`;
}

/**
 * Label/value rows of the document-control table, in the order reviewers look for them.
 * Both renderers lay out exactly these rows, so a reviewer comparing the DOCX and the PDF
 * sees the same facts; an empty value shows a dash rather than vanishing.
 */
export function documentControlRows(meta: TitleFacts): [label: string, value: string][] {
  const rows: [string, string | undefined][] = [
    [CAPTIONS.documentNumber, meta.documentNumber],
    [CAPTIONS.version, meta.version],
    [CAPTIONS.status, meta.status],
    [CAPTIONS.date, meta.date],
    [CAPTIONS.author, meta.author],
    [CAPTIONS.approver, meta.approver],
    [CAPTIONS.product, productLine(meta)],
    [CAPTIONS.manufacturer, meta.manufacturer],
    [CAPTIONS.audience, meta.audience],
  ];
  if (meta.relatedDocument) {
    const r = meta.relatedDocument;
    rows.splice(1, 0, [CAPTIONS.relatedDocument, `${r.number}, ${CAPTIONS.versionInline} ${r.version}: ${r.title}`]);
  }
  if (meta.fingerprints) rows.push([CAPTIONS.generatedFrom, fingerprintsLine(meta.fingerprints)]);
  return rows.map(([label, value]) => [label, orDash(value)]);
}

/**
 * "data sha256:1a2b3c4d5e6f, templates sha256:…, generator version 0.1.0": enough of each
 * fingerprint to match a document to its inputs by eye. The page names no tool (a reader's
 * document is the manufacturer's); the file properties carry the full hashes and the generator.
 */
export function fingerprintsLine(p: Fingerprints): string {
  const version = p.generator.split(' ').pop() ?? p.generator;
  return `data sha256:${p.dataSha256.slice(0, 12)}, templates sha256:${p.templatesSha256.slice(0, 12)}, generator version ${version}`;
}

/** Column headings of the revision-history table. */
export const REVISION_HEADER: readonly string[] = [
  CAPTIONS.version,
  CAPTIONS.date,
  CAPTIONS.author,
  CAPTIONS.description,
];

/**
 * Rows of the revision-history table (without the heading row). With no recorded revision,
 * one row says so instead of inventing an entry from the current version.
 */
export function revisionRows(meta: Pick<TitleFacts, 'revisions'>): string[][] {
  if (meta.revisions.length === 0)
    return [[CAPTIONS.notStated, CAPTIONS.notStated, CAPTIONS.notStated, CAPTIONS.noRevisions]];
  return meta.revisions.map((r) => [r.version, r.date, r.author, r.description].map(orDash));
}

/** Shown where an image cannot be drawn (missing or unreadable); both formats highlight it. */
export function missingImageText(src: string, alt: string): string {
  return `[Image missing: ${src}${alt === '' ? '' : ` \u2014 ${alt}`}]`;
}

/** The facts the running header and footer show. */
export type FurnitureFacts = Pick<
  DocumentMeta,
  'productName' | 'title' | 'shortTitle' | 'documentNumber' | 'version' | 'status' | 'draft'
>;

/** Running header: left "product — title" (the short title if given); right the DRAFT marking, or the document number. */
export function headerTexts(f: FurnitureFacts): { left: string; right: string } {
  const title = f.shortTitle !== undefined && f.shortTitle.trim() !== '' ? f.shortTitle.trim() : f.title;
  return { left: `${f.productName} \u2014 ${title}`, right: f.draft ? CAPTIONS.draft : f.documentNumber };
}

/** Words a shortened title should not end with. */
const DANGLING = new Set([
  'a',
  'an',
  'and',
  'as',
  'at',
  'by',
  'for',
  'from',
  'in',
  'of',
  'on',
  'or',
  'the',
  'to',
  'with',
  '\u2014',
  '\u2013',
  '-',
]);

/**
 * `text` as it fits on one line, by `fits` (each format measures in its own way): whole, or
 * cut after the last whole word that fits, with an ellipsis; cut inside a word only when not
 * even the first word fits. The running header so never wraps and never ends mid-word.
 */
export function shortenToFit(text: string, fits: (candidate: string) => boolean): string {
  if (fits(text)) return text;
  const words = text.split(' ');
  const byWords = (n: number): string =>
    `${words
      .slice(0, n)
      .join(' ')
      .replace(/[\s,;:\u2014\u2013-]+$/u, '')}\u2026`;
  // Binary searches: measuring every shorter candidate in turn is quadratic in the text's
  // length, and a product name can be very long.
  let n = longest(words.length - 1, (k) => k >= 1 && fits(byWords(k)));
  // "instructions for use and…" reads as a fault; cut before a trailing function word.
  while (n > 1 && DANGLING.has((words[n - 1] ?? '').toLowerCase())) n--;
  if (n >= 1 && fits(byWords(n))) return byWords(n);
  const chars = [...text];
  const byChars = (k: number): string => `${chars.slice(0, k).join('').trimEnd()}\u2026`;
  return byChars(
    Math.max(
      1,
      longest(chars.length - 1, (k) => k >= 1 && fits(byChars(k))),
    ),
  );
}

/** The largest k in 0..max for which `ok(k)` holds, assuming `ok` holds up to some k and not after. */
function longest(max: number, ok: (k: number) => boolean): number {
  let lo = 0;
  let hi = max;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ok(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Running footer, left part: "number · Version 1.0 · Status" ("Page X of Y" goes on the right). */
export function footerText(f: FurnitureFacts): string {
  return `${f.documentNumber} \u00b7 ${CAPTIONS.version} ${f.version} \u00b7 ${f.status}`;
}
