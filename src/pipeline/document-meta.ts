import type { Diagnostic, Result } from '../diagnostics/diagnostic.js';
import type { DocumentMeta, Revision } from '../model/nodes.js';
import { placeholderText } from '../model/text.js';
import { getPath, isSupplied, type Data } from '../regulatory/data-path.js';
import { xmlSafe } from '../transform/xml-safe.js';

/** Document-control facts as the data gives them, before the title and keywords are known. */
export interface DocumentControl {
  readonly number?: string;
  /** Short title for the running header (`documents.<type>.short_title`). */
  readonly shortTitle?: string;
  readonly version: string;
  readonly status: string;
  readonly date: string;
  readonly author: string;
  readonly approver: string;
  readonly revisions: readonly Revision[];
  readonly language: string;
  /** Fields that were missing and now read as a visible TBD. */
  readonly placeholders: readonly { field: string; label: string }[];
}

// Document control reaches the title page, headers and file properties: XML-safe text only.
const text = (v: unknown): string | undefined =>
  isSupplied(v) && (typeof v === 'string' || typeof v === 'number') ? xmlSafe(String(v)) : undefined;

/** `SOURCE_DATE_EPOCH` (seconds since 1970, UTC) as an ISO date, or undefined when unset or malformed. */
export function dateFromEpoch(epoch: string | undefined): string | undefined {
  if (epoch === undefined || !/^\d+$/.test(epoch.trim())) return undefined;
  return new Date(Number(epoch.trim()) * 1000).toISOString().slice(0, 10);
}

/**
 * Reads `documents.<docType>` over `documents.defaults`. The date never comes from the
 * clock: the data, then SOURCE_DATE_EPOCH; neither is an error, because an undated
 * controlled document is not reproducible.
 */
export function readDocumentControl(
  data: Data,
  docType: string,
  file: string,
  sourceDateEpoch: string | undefined,
): Result<DocumentControl | undefined> {
  const own = (key: string): unknown => getPath(data, `documents.${docType}.${key}`);
  const pick = (key: string): unknown => (isSupplied(own(key)) ? own(key) : getPath(data, `documents.defaults.${key}`));
  const placeholders: { field: string; label: string }[] = [];
  const required = (key: string, label: string): string => {
    const v = text(pick(key));
    if (v !== undefined) return v;
    const field = `documents.${docType}.${key}`;
    placeholders.push({ field, label });
    return placeholderText(label, field);
  };
  const date = text(pick('date')) ?? dateFromEpoch(sourceDateEpoch);
  if (date === undefined) {
    const d: Diagnostic = {
      severity: 'error',
      code: 'generate/missing-date',
      message: `the ${docType} document has no date`,
      source: { file },
      fieldPath: `documents.${docType}.date`,
      hints: [
        `add \`date: YYYY-MM-DD\` under \`documents: defaults:\` (for every document), or under \`documents: ${docType}:\` for this one`,
        'or set SOURCE_DATE_EPOCH for a reproducible build date',
      ],
    };
    return { value: undefined, diagnostics: [d] };
  }
  const rawRevisions = pick('revisions');
  const revisions: Revision[] = Array.isArray(rawRevisions)
    ? rawRevisions.map((r) => ({
        version: text(getPath(r, 'version')) ?? '',
        date: text(getPath(r, 'date')) ?? '',
        author: text(getPath(r, 'author')) ?? '',
        description: text(getPath(r, 'description')) ?? '',
      }))
    : [];
  const number = text(pick('number'));
  // Per document type only: a short title in the defaults would name every document alike.
  const shortTitle = text(own('short_title'));
  return {
    value: {
      ...(number !== undefined ? { number } : {}),
      ...(shortTitle !== undefined ? { shortTitle } : {}),
      version: required('version', 'document version'),
      status: text(pick('status')) ?? 'Draft',
      date,
      author: required('author', 'document author'),
      approver: required('approver', 'document approver'),
      revisions,
      language: text(getPath(data, 'documents.language')) ?? 'en',
      placeholders,
    },
    diagnostics: [],
  };
}

export function buildMeta(input: {
  readonly data: Data;
  readonly docType: string;
  readonly control: DocumentControl;
  readonly frontMatter: {
    readonly title: string;
    readonly subtitle?: string;
    readonly audience?: string;
    readonly subject?: string;
    readonly keywords: readonly string[];
  };
  readonly number: string;
  readonly final: boolean;
}): DocumentMeta {
  const { data, control, frontMatter } = input;
  const productVersion = text(getPath(data, 'product.version'));
  return {
    title: frontMatter.title,
    ...(control.shortTitle !== undefined ? { shortTitle: control.shortTitle } : {}),
    ...(frontMatter.subtitle ? { subtitle: frontMatter.subtitle } : {}),
    docType: input.docType,
    documentNumber: input.number,
    version: control.version,
    status: control.status,
    date: control.date,
    author: control.author,
    approver: control.approver,
    productName: text(getPath(data, 'product.name')) ?? '',
    productId: text(getPath(data, 'product.id')) ?? '',
    ...(productVersion !== undefined ? { productVersion } : {}),
    manufacturer: text(getPath(data, 'manufacturer.name')) ?? '',
    ...(frontMatter.audience ? { audience: frontMatter.audience } : {}),
    subject: frontMatter.subject ?? frontMatter.title,
    keywords: frontMatter.keywords,
    language: control.language,
    revisions: control.revisions,
    draft: !input.final,
  };
}
