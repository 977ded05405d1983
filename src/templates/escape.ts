import { PH_CLOSE, PH_OPEN, PH_SEP, sanitizeText } from '../contract/markers.js';

/**
 * Where a value lands in the Markdown, decided from the template line around the mustache:
 * - prose: paragraph or list item; a line break that only wraps a long line becomes a space,
 *   one before a list item ("- ", "2. ", "b) "), after a colon, or around a blank line stays
 *   a visible line break
 * - cell: GFM table cell; line breaks become spaces
 * - heading: ATX heading; line breaks become spaces
 * - code: inside a code span or fenced block, where backslash escapes do not work
 * - plain: not Markdown at all (front matter fields: title, number, ...)
 * - url: a link or image target (`](…)`): written as `<…>`, where spaces and parentheses are
 *   part of the target, so a file name such as `my (1) file.png` stays one target
 */
export type OutputMode = 'prose' | 'cell' | 'heading' | 'code' | 'plain' | 'url';

// Every ASCII punctuation character; CommonMark lets each be backslash-escaped, and escaping
// all of them means no data value can start or end any Markdown or GFM construct.
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;

/** A line that starts a list item in plain text: "- x", "• x", "2. x", "b) x". */
const LIST_START = /^(?:[-*\u2022\u2013]|\d{1,3}[.)]|[a-z][.)])\s/;

function lines(value: string, trim: boolean): string[] {
  // Each line is trimmed: Markdown drops leading and trailing blanks of lines anyway, and
  // trailing double spaces would otherwise turn into a hard break. Pieces of a helper's
  // output (", " and " and " of a list) keep their spaces.
  const text = sanitizeText(value);
  return trim ? text.trim().split('\n').map((line) => line.trim()) : text.split('\n');
}

/** Escapes a data value so that it is literal text in the given output mode. */
export function escapeText(value: string, mode: OutputMode, trim = true): string {
  const parts = lines(value, trim);
  switch (mode) {
    case 'plain':
      return parts.join('\n');
    case 'code':
      // Backslashes are literal inside code; a backtick would end the span, so it is replaced.
      return parts.join(' ').replace(/`/g, '\u02CB');
    case 'prose': {
      // Writers wrap long values in YAML block scalars (`|`); those wraps are not meant as
      // line breaks in the document, but lists, "Label:" lines and paragraphs are.
      const escaped = parts.map((line) => line.replace(ASCII_PUNCTUATION, '\\$&'));
      let out = escaped[0] ?? '';
      for (let i = 1; i < parts.length; i++) {
        const prev = parts[i - 1] ?? '';
        const line = parts[i] ?? '';
        const keep = prev === '' || line === '' || LIST_START.test(line) || /[:;]$/.test(prev);
        out += (keep ? '\\\n' : ' ') + (escaped[i] ?? '');
      }
      return out;
    }
    case 'cell':
    case 'heading':
      return parts.map((line) => line.replace(ASCII_PUNCTUATION, '\\$&')).join(' ');
    case 'url':
      // CommonMark's pointy-bracket destination: anything but line breaks and unescaped `<` `>`.
      return `<${parts.join('').replace(/[\\<>]/g, '\\$&')}>`;
  }
}

/** The marker that the Markdown stage turns into a placeholder node. */
export function placeholderMarker(field: string, label: string, mode: OutputMode): string {
  const inner = mode === 'code' || mode === 'plain' ? 'code' : 'cell';
  return PH_OPEN + escapeText(field, inner) + PH_SEP + escapeText(label, inner) + PH_CLOSE;
}

/** Removes the Markdown backslash escapes that escapeText added (for reading markers back). */
export function unescapeText(value: string): string {
  return value.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}
