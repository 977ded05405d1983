import type { Document } from '../model/nodes.js';

/**
 * Characters XML 1.0 does not allow (§2.2): C0 controls other than tab, line feed and
 * carriage return; U+FFFE and U+FFFF; UTF-16 surrogates that are not part of a pair. A DOCX
 * part that contains one does not open in Word or LibreOffice, and PDF text strings fare no
 * better, so no text may carry them into a document.
 */
const FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function hasForbiddenCharacters(text: string): boolean {
  FORBIDDEN.lastIndex = 0;
  const found = FORBIDDEN.test(text);
  FORBIDDEN.lastIndex = 0;
  return found;
}

/**
 * The text without the characters XML forbids. Vertical tab and form feed become a space
 * (they separate words); a lone surrogate becomes U+FFFD (a character was there); the
 * other controls are dropped.
 */
export function xmlSafe(text: string): string {
  if (!hasForbiddenCharacters(text)) return text;
  return text.replace(FORBIDDEN, (c) =>
    c === '\u000B' || c === '\u000C' ? ' ' : c.length === 1 && c >= '\uD800' && c <= '\uDFFF' ? '\uFFFD' : '',
  );
}

/** Every string in a plain JSON-like value cleaned; `changed` counts the strings that were. */
export function cleanStrings(value: unknown): { value: unknown; changed: number } {
  let changed = 0;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      const clean = xmlSafe(v);
      if (clean !== v) changed++;
      return clean;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object' && !(v instanceof Date) && !(v instanceof Uint8Array)) {
      const out: Record<string, unknown> = {};
      for (const [k, item] of Object.entries(v))
        Object.defineProperty(out, xmlSafe(k), {
          value: walk(item),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      return out;
    }
    return v;
  };
  return { value: walk(value), changed };
}

/**
 * The last pass before rendering: every text of the document, its metadata (title page,
 * headers, file properties) included, free of XML-forbidden characters. Data was already
 * cleaned with a warning per field (pipeline/clean-data.ts); this catches template text.
 */
export function xmlSafeDocument(document: Document): { document: Document; changed: number } {
  const { value, changed } = cleanStrings(document);
  return { document: changed === 0 ? document : (value as Document), changed };
}
