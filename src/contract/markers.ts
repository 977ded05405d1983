/**
 * Private-use-area tokens that carry structure from the template stage to the Markdown stage.
 * Data values are scrubbed of the whole range U+E000..U+E00F, so data can never forge one.
 *
 * - placeholder: `\uE000field\uE001label\uE002` (field and label Markdown-escaped inside prose)
 * - origin:      `\uE003<index>\uE004` at the start of template lines (stripped before parsing)
 */
export const PH_OPEN = '\uE000';
export const PH_SEP = '\uE001';
export const PH_CLOSE = '\uE002';
export const ORIGIN_OPEN = '\uE003';
export const ORIGIN_CLOSE = '\uE004';

// Reserved range, C0 controls except tab and newline, DEL and C1 controls. Lone carriage
// returns are handled in sanitizeText (they are line breaks, not noise).
const FORBIDDEN = /[\uE000-\uE00F\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** Data text as it may enter the document: normalised line ends, no control or marker characters. */
export function sanitizeText(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(FORBIDDEN, '');
}

/** Matches one placeholder marker; groups: field, label (still escaped in Markdown text). */
export const PLACEHOLDER_PATTERN = /\uE000([^\uE001\uE002]*)\uE001([^\uE002]*)\uE002/g;

export interface PlaceholderRef {
  readonly field: string;
  readonly label: string;
}

export type TextPiece = string | PlaceholderRef;

/** Splits text (already un-escaped by the Markdown parser) into literal text and placeholders. */
export function splitPlaceholders(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER_PATTERN)) {
    const index = match.index;
    if (index > last) pieces.push(text.slice(last, index));
    pieces.push({ field: match[1] ?? '', label: match[2] ?? '' });
    last = index + match[0].length;
  }
  if (last < text.length) pieces.push(text.slice(last));
  return pieces;
}
