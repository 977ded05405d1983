/**
 * Text from input files reaches the terminal in messages, excerpts and `explain` output.
 * Control characters in it (ESC [2J clears the screen, OSC 52 writes the clipboard, a
 * carriage return overwrites the line) must be shown, not obeyed: each becomes a visible
 * escape such as `\u001b`. Tab and line feed stay, since techfile's own output uses them.
 * The `\uXXXX` form is also a valid escape inside a JSON string, so `--format json` output
 * stays valid JSON (JSON.stringify leaves U+007F–U+009F, U+2028 and U+2029 raw).
 */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029]/g;

export function escapeControls(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Longest excerpt line and longest quoted value shown in a message. */
export const EXCERPT_WIDTH = 120;
export const VALUE_WIDTH = 80;

/**
 * A window of at most EXCERPT_WIDTH characters of a source line around `column`
 * (1-based), with `…` where it was cut, and the column of the same character in the window.
 */
export function excerptWindow(line: string, column: number): { text: string; column: number } {
  const chars = [...line];
  if (chars.length <= EXCERPT_WIDTH) return { text: line, column };
  const from = Math.max(0, Math.min(column - 1 - Math.floor(EXCERPT_WIDTH / 3), chars.length - EXCERPT_WIDTH));
  const to = Math.min(chars.length, from + EXCERPT_WIDTH);
  const head = from > 0 ? '…' : '';
  const tail = to < chars.length ? '…' : '';
  return { text: `${head}${chars.slice(from, to).join('')}${tail}`, column: column - from + head.length };
}

/** Quoted values (`…`) in a message cut to VALUE_WIDTH characters: a 200 kB value is not a message. */
export function shortenValues(message: string): string {
  if (message.length <= VALUE_WIDTH * 2) return message;
  // Every code span is matched, in order, so the text between two short spans is never taken
  // for a span of its own; only the long ones are cut.
  const cut = message.replace(/`([^`]*)`/g, (span, v: string) =>
    v.length > VALUE_WIDTH ? `\`${[...v].slice(0, VALUE_WIDTH - 1).join('')}…\` (${v.length} characters)` : span,
  );
  return cut.length > 1000 ? `${[...cut].slice(0, 999).join('')}…` : cut;
}
