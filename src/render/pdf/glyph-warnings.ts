import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { FontKey } from './layout/types.js';
import { FONT_FILES } from './paint/font-files.js';
import type { MissingGlyph } from './paint/glyph-coverage.js';

/** Characters named in one warning; the rest are counted. */
const SHOWN = 10;
/** Characters either side of the missing one in the quoted line. */
const CONTEXT = 30;

/** `U+1FAC0 "🫀"`: the code point a writer can search for, and the character itself. */
export function describeCodePoint(codePoint: number): string {
  const hex = codePoint.toString(16).toUpperCase().padStart(4, '0');
  return `U+${hex} "${String.fromCodePoint(codePoint)}"`;
}

/** The printed line around the first occurrence of the character, cut to a readable length. */
export function snippetAround(line: string, codePoint: number): string {
  const chars = Array.from(line.trim());
  const at = chars.indexOf(String.fromCodePoint(codePoint));
  const start = Math.max(0, at - CONTEXT);
  const end = Math.min(chars.length, Math.max(at, 0) + CONTEXT + 1);
  return `${start > 0 ? '…' : ''}${chars.slice(start, end).join('')}${end < chars.length ? '…' : ''}`;
}

function fontNames(keys: readonly FontKey[]): string {
  return keys.map((key) => FONT_FILES[key].replace(/\.ttf$/, '')).join(', ');
}

/**
 * Warnings for characters the embedded fonts cannot draw (an emoji, CJK text): the PDF prints
 * an empty box in their place. One warning per device-data field the characters were written
 * in (`fieldOf` names it, when the caller knows the data), and one for the rest (template or
 * catalogue text), so a CJK name is one warning, not one per character. Only the PDF embeds
 * its fonts: a DOCX is shown with the reader's fonts, and Word substitutes one that has them.
 */
export function missingGlyphWarnings(
  docType: string,
  missing: readonly MissingGlyph[],
  fieldOf?: (text: string) => string | undefined,
): Diagnostic[] {
  const groups = new Map<string | undefined, MissingGlyph[]>();
  for (const glyph of missing) {
    const field = fieldOf?.(String.fromCodePoint(glyph.codePoint));
    const group = groups.get(field);
    if (group === undefined) groups.set(field, [glyph]);
    else group.push(glyph);
  }
  return [...groups].map(([field, glyphs]): Diagnostic => {
    const first = glyphs[0] as MissingGlyph;
    const shown = glyphs.slice(0, SHOWN).map((glyph) => describeCodePoint(glyph.codePoint));
    const more = glyphs.length > shown.length ? ` and ${glyphs.length - shown.length} more` : '';
    const chars = `${shown.join(', ')}${more}`;
    const fonts = [...new Set(glyphs.flatMap((glyph) => glyph.fonts))];
    const origin = field === undefined ? 'the template or catalogue text (not the device data)' : `\`${field}\``;
    return {
      severity: 'warning',
      code: 'render/missing-glyph',
      message: `${docType} PDF: ${chars} ${glyphs.length === 1 ? 'prints as an empty box' : 'print as empty boxes'}, the embedded fonts (${fontNames(fonts)}) have no glyph for ${glyphs.length === 1 ? 'it' : 'them'}, in "${snippetAround(first.line, first.codePoint)}"`,
      ...(field === undefined ? {} : { fieldPath: field }),
      hints: [
        `replace ${glyphs.length === 1 ? 'it' : 'them'} in ${origin} with text the PDF fonts cover (DejaVu Sans: Latin, Greek, Cyrillic and common symbols)`,
        'only the PDF is affected: the DOCX uses the reader’s fonts, which substitute one that has the character',
      ],
    };
  });
}
