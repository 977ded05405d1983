/**
 * Text widths for the DOCX renderer, which cannot ask Word or LibreOffice how wide a text is.
 * The document's font is Arial; where neither Arial nor its metric twin Liberation Sans is
 * installed (many Linux machines), LibreOffice draws DejaVu Sans instead, some 10 to 20 %
 * wider. Each width below is the larger of the two fonts' advance widths (Helvetica's, which
 * Arial shares, from the Adobe core-font metrics; DejaVu Sans 2.37), in 1/1000 em, italics as
 * upright; monospaced text (Courier New, DejaVu Sans Mono) is 0.602 em. A column sized with
 * these widths holds its words and identifiers whole in either font.
 */

/** Widths of U+0020..U+007E, then U+00A0..U+00FF. */
const REGULAR =
  '318 401 460 838 636 950 780 275 390 390 500 838 318 361 318 337 636 636 636 636 636 636 636 636 636 636 337 337 838 838 838 556 1015 684 686 722 770 667 611 778 752 295 500 667 557 863 748 787 667 787 722 667 611 732 684 989 685 667 685 390 337 390 838 556 500 613 635 550 635 615 352 635 634 278 278 579 278 974 634 612 635 635 411 521 392 634 592 818 592 592 525 636 337 636 838 ' +
  '318 401 636 636 636 636 337 556 500 1000 471 612 838 333 1000 500 500 838 401 401 500 636 636 318 500 401 471 612 969 969 969 611 684 684 684 684 684 684 1000 722 667 667 667 667 295 295 295 295 775 748 787 787 787 787 787 838 787 732 732 732 732 667 667 630 613 613 613 613 613 613 982 550 615 615 615 615 278 278 278 278 612 634 612 612 612 612 612 838 612 634 634 634 634 592 635 592';
const BOLD =
  '348 456 521 838 696 1002 872 306 457 457 523 838 380 415 380 365 696 696 696 696 696 696 696 696 696 696 400 400 838 838 838 611 1000 774 762 734 830 683 683 821 837 372 556 775 637 995 837 850 733 850 770 720 682 812 774 1103 771 724 725 457 365 457 838 556 500 675 716 593 716 678 435 716 712 343 343 665 343 1042 712 687 716 716 493 595 478 712 652 924 645 652 582 712 365 712 838 ' +
  '348 456 696 696 636 696 365 556 500 1000 564 646 838 333 1000 500 500 838 438 438 500 736 636 380 500 438 564 646 1035 1035 1035 611 774 774 774 774 774 774 1085 734 683 683 683 683 372 372 372 372 838 837 850 850 850 850 850 838 850 812 812 812 812 724 738 719 675 675 675 675 675 675 1048 593 678 678 678 678 343 343 343 343 687 712 687 687 687 687 687 838 687 712 712 712 712 652 716 652';

/** Punctuation beyond Latin-1 that documents use: dashes, quotes, bullet, ellipsis, euro… [regular, bold]. */
const EXTRA: Readonly<Record<number, readonly [number, number]>> = {
  0x2010: [361, 415],
  0x2011: [361, 415],
  0x2013: [556, 556],
  0x2014: [1000, 1000],
  0x2018: [318, 380],
  0x2019: [318, 380],
  0x201c: [518, 657],
  0x201d: [518, 657],
  0x2022: [590, 639],
  0x2026: [1000, 1000],
  0x20ac: [636, 696],
  0x2122: [1000, 1000],
  0x2212: [838, 838],
};

/** A character the tables do not know: as wide as a digit, a fair average for Latin text. */
const UNKNOWN = 640;
/** Rounding and kerning differ between applications: a little room to spare. */
const SPARE = 1.02;

function table(spec: string): Map<number, number> {
  const values = spec.split(' ').map(Number);
  const map = new Map<number, number>();
  values.forEach((w, i) => map.set(i < 95 ? 0x20 + i : 0xa0 + (i - 95), w));
  return map;
}

/**
 * The widths of U+0000..U+00FF as flat arrays (an unknown character as UNKNOWN): table cells are
 * measured word by word, and an indexed read is much cheaper than a map lookup per character.
 */
function latin(map: Map<number, number>): Float64Array {
  const out = new Float64Array(256).fill(UNKNOWN);
  for (const [code, w] of map) out[code] = w;
  return out;
}

const WIDTHS = { regular: latin(table(REGULAR)), bold: latin(table(BOLD)) };

export interface FontStyle {
  readonly bold?: boolean;
  readonly mono?: boolean;
}

/** Advance width of `text` in points at `sizePt`. */
export function textWidth(text: string, style: FontStyle, sizePt: number): number {
  if (style.mono === true) return [...text].length * 0.602 * sizePt * SPARE;
  const bold = style.bold === true;
  const widths = bold ? WIDTHS.bold : WIDTHS.regular;
  let units = 0;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code < 256) {
      units += widths[code] ?? UNKNOWN;
      continue;
    }
    if (code >= 0xd800 && code < 0xdc00) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low < 0xe000) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    units += EXTRA[code]?.[bold ? 1 : 0] ?? (code >= 0x2e80 ? 1000 : UNKNOWN);
  }
  return (units / 1000) * sizePt * SPARE;
}
