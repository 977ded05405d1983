/**
 * Text widths for the DOCX renderer, which cannot ask Word how wide a text is. The body font
 * is Arial, whose advance widths are those of Helvetica (Arial was drawn to its metrics, and
 * LibreOffice's Liberation Sans to Arial's); the numbers below are the widths of the Adobe
 * core-font metrics (Helvetica.afm, Helvetica-Bold.afm) in 1/1000 em, italics as upright.
 * Courier New is monospaced at 0.6 em. Used to size table columns and the running header.
 *
 * Widths are estimated wider than Arial by `SUBSTITUTE_ALLOWANCE`: where neither Arial nor
 * Liberation Sans is installed (many Linux machines), LibreOffice draws the text in DejaVu Sans,
 * about 13 % wider; a column sized for Arial alone would then divide its identifiers.
 */

const SUBSTITUTE_ALLOWANCE = 1.15;

/** Widths of U+0020..U+007E, then U+00A0..U+00FF. */
const REGULAR =
  '278 278 355 556 556 889 667 222 333 333 389 584 278 333 278 278 556 556 556 556 556 556 556 556 556 556 278 278 584 584 584 556 1015 667 667 722 722 667 611 778 722 278 500 667 556 833 722 778 667 778 722 667 611 722 667 944 667 667 611 278 278 278 469 556 222 556 556 500 556 556 278 556 556 222 222 500 222 833 556 556 556 556 333 500 278 556 500 722 500 500 500 334 260 334 584 ' +
  '278 333 556 556 556 556 260 556 333 737 370 556 584 333 737 333 400 584 333 333 333 556 537 278 333 333 365 556 834 834 834 611 667 667 667 667 667 667 1000 722 667 667 667 667 278 278 278 278 722 722 778 778 778 778 778 584 778 722 722 722 722 667 667 611 556 556 556 556 556 556 889 500 556 556 556 556 278 278 278 278 556 556 556 556 556 556 556 584 611 556 556 556 556 500 556 500';
const BOLD =
  '278 333 474 556 556 889 722 278 333 333 389 584 278 333 278 278 556 556 556 556 556 556 556 556 556 556 333 333 584 584 584 611 975 722 722 722 722 667 611 778 722 278 556 722 611 833 722 778 667 778 722 667 611 722 667 944 667 667 611 333 278 333 584 556 278 556 611 556 611 556 333 611 611 278 278 556 278 889 611 611 611 611 389 556 333 611 556 778 556 556 500 389 280 389 584 ' +
  '278 333 556 556 556 556 280 556 333 737 370 556 584 333 737 333 400 584 333 333 333 611 556 278 333 333 365 556 834 834 834 611 722 722 722 722 722 722 1000 722 667 667 667 667 278 278 278 278 722 722 778 778 778 778 778 584 778 722 722 722 722 667 667 611 556 556 556 556 556 556 889 556 556 556 556 556 278 278 278 278 611 611 611 611 611 611 611 584 611 611 611 611 611 556 611 556';

/** Punctuation beyond Latin-1 that documents use: dashes, quotes, bullet, ellipsis, euro… [regular, bold]. */
const EXTRA: Readonly<Record<number, readonly [number, number]>> = {
  0x2010: [333, 333],
  0x2011: [333, 333],
  0x2013: [556, 556],
  0x2014: [1000, 1000],
  0x2018: [222, 278],
  0x2019: [222, 278],
  0x201c: [333, 500],
  0x201d: [333, 500],
  0x2022: [350, 350],
  0x2026: [1000, 1000],
  0x20ac: [556, 556],
  0x2122: [1000, 1000],
  0x2212: [584, 584],
};

/** A character the tables do not know: as wide as a digit, a fair average for Latin text. */
const UNKNOWN = 556;

function table(spec: string): Map<number, number> {
  const values = spec.split(' ').map(Number);
  const map = new Map<number, number>();
  values.forEach((w, i) => map.set(i < 95 ? 0x20 + i : 0xa0 + (i - 95), w));
  return map;
}

const WIDTHS = { regular: table(REGULAR), bold: table(BOLD) };

export interface FontStyle {
  readonly bold?: boolean;
  readonly mono?: boolean;
}

/** Advance width of `text` in points at `sizePt`. */
export function textWidth(text: string, style: FontStyle, sizePt: number): number {
  if (style.mono === true) return [...text].length * 0.6 * sizePt * SUBSTITUTE_ALLOWANCE;
  const widths = style.bold === true ? WIDTHS.bold : WIDTHS.regular;
  let units = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    units += widths.get(code) ?? EXTRA[code]?.[style.bold === true ? 1 : 0] ?? (code >= 0x2e80 ? 1000 : UNKNOWN);
  }
  return (units / 1000) * sizePt * SUBSTITUTE_ALLOWANCE;
}
