import { run } from '../../helpers/clients.js';

/** The text pdftotext extracts (reading order), or throws with pdftotext's message. */
export function pdfText(path: string, args: readonly string[] = []): string {
  const r = run('pdftotext', [...args, '-enc', 'UTF-8', path, '-']);
  if (r.status !== 0) throw new Error(`pdftotext ${path} failed: ${r.stderr}`);
  return r.stdout;
}

/** Line wraps and runs of spaces become one space; hyphens are kept (they may be data). */
export function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** For long table cells whose lines wrap at arbitrary points: compare with no whitespace at all. */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Words hyphenated at a line end ("recom-\nmended") joined again; `-raw` extraction keeps the hyphen. */
export function dehyphenate(text: string): string {
  return text.replace(/-\n(?=\p{Ll})/gu, '');
}

/** true when `value` is in the extracted text, with normalised or no whitespace, or with hyphenated words rejoined. */
export function pdfContains(text: string, value: string): boolean {
  return (
    normalise(text).includes(normalise(value)) ||
    squash(text).includes(squash(value)) ||
    squash(dehyphenate(text)).includes(squash(value))
  );
}

/**
 * The text of the page bodies only: running header (document title, DRAFT marking) and footer
 * (number, version, page) are cropped away (A4, header above 60 pt, footer below 780 pt), so a
 * paragraph that continues on the next page reads as one text.
 */
export function pdfBodyText(path: string): string {
  return pdfText(path, ['-x', '0', '-y', '60', '-W', '596', '-H', '720']);
}
