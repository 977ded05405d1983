import type { FontKey, LayoutPage } from '../layout/types.js';

/** The part of a parsed fontkit font the check reads: its character map. */
interface CmapFont {
  hasGlyphForCodePoint(codePoint: number): boolean;
}

/** A character a font of the PDF has no glyph for: it prints as the font's empty box (.notdef). */
export interface MissingGlyph {
  readonly codePoint: number;
  /** The fonts that lack it, in the order they were met. */
  readonly fonts: readonly FontKey[];
  /** The printed line it first appears in. */
  readonly line: string;
}

/** Per font: 0 not looked up yet, 1 covered, 2 missing, for the BMP; a map for the other planes. */
interface Coverage {
  readonly bmp: Uint8Array;
  readonly astral: Map<number, boolean>;
  /** The font has every printable ASCII character: a line of them needs no look-up at all. */
  readonly ascii: boolean;
}

/** Anything but printable ASCII; a regular expression scans a line faster than a loop. */
const NOT_ASCII = /[^\x20-\x7e]/;

/** Per parsed font, for the whole process: each code point is looked up in the cmap once. */
const coverages = new WeakMap<object, Coverage>();

function coverageOf(font: CmapFont & object): Coverage {
  let coverage = coverages.get(font);
  if (coverage === undefined) {
    const bmp = new Uint8Array(0x10000);
    let ascii = true;
    for (let c = 0x20; c <= 0x7e; c++) {
      bmp[c] = font.hasGlyphForCodePoint(c) ? 1 : 2;
      ascii &&= bmp[c] === 1;
    }
    coverage = { bmp, astral: new Map(), ascii };
    coverages.set(font, coverage);
  }
  return coverage;
}

/**
 * Code points that print nothing even without a glyph: layout turns tabs and line ends into
 * space, and fontkit folds a variation selector into the character before it. Other default
 * ignorables (a zero-width joiner) a font lacks are reported: fontkit hides them only when its
 * cached empty glyph was first made for one, else draws the box.
 */
function invisible(codePoint: number): boolean {
  return (
    codePoint === 0x09 ||
    codePoint === 0x0a ||
    codePoint === 0x0d ||
    (codePoint >= 0xfe00 && codePoint <= 0xfe0f) ||
    (codePoint >= 0xe0100 && codePoint <= 0xe01ef)
  );
}

function covered(font: CmapFont, coverage: Coverage, codePoint: number): boolean {
  if (codePoint < 0x10000) {
    const known = coverage.bmp[codePoint];
    if (known !== 0) return known === 1;
    const has = font.hasGlyphForCodePoint(codePoint) || invisible(codePoint);
    coverage.bmp[codePoint] = has ? 1 : 2;
    return has;
  }
  let has = coverage.astral.get(codePoint);
  if (has === undefined) {
    has = font.hasGlyphForCodePoint(codePoint) || invisible(codePoint);
    coverage.astral.set(codePoint, has);
  }
  return has;
}

/**
 * Every character of the laid-out pages that its font cannot draw, in the order first met.
 * Checks the text as painted (title page, headers, footers and TOC included), each code point
 * once per font and process; a line of printable ASCII is one regular-expression scan.
 */
export function missingGlyphs(
  pages: readonly LayoutPage[],
  fonts: Readonly<Record<FontKey, unknown>>,
  /** The font the watermark's outlines are drawn with. */
  watermarkFont: FontKey = 'bold',
): MissingGlyph[] {
  const found = new Map<number, { fonts: FontKey[]; line: string }>();
  const check = (text: string, key: FontKey): void => {
    const font = fonts[key] as CmapFont & object;
    const coverage = coverageOf(font);
    if (coverage.ascii && !NOT_ASCII.test(text)) return;
    for (let i = 0; i < text.length; i++) {
      let codePoint = text.charCodeAt(i);
      if (coverage.bmp[codePoint] === 1) continue;
      if (codePoint >= 0xd800 && codePoint <= 0xdbff) {
        codePoint = text.codePointAt(i) ?? codePoint;
        if (codePoint > 0xffff) i++;
      }
      if (covered(font, coverage, codePoint)) continue;
      const entry = found.get(codePoint);
      if (entry === undefined) found.set(codePoint, { fonts: [key], line: text });
      else if (!entry.fonts.includes(key)) entry.fonts.push(key);
    }
  };
  for (const page of pages)
    for (const op of page.ops) {
      if (op.kind === 'text') check(op.text, op.font);
      else if (op.kind === 'watermark') check(op.text, watermarkFont);
    }
  return [...found].map(([codePoint, { fonts: keys, line }]) => ({ codePoint, fonts: keys, line }));
}
