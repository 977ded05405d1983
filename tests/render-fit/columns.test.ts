import { describe, expect, it } from 'vitest';
import { fitColumns, type ColumnExtent } from '../../src/render/fit/columns.js';

const sum = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);
/** A column whose text has no identifiers and no divisible words: min = identifiers = whole. */
const col = (min: number, max: number, whole = min, identifiers = min): ColumnExtent => ({
  min,
  identifiers,
  whole,
  max,
});

describe('fitColumns (automatic table layout)', () => {
  it('gives every column its preferred width when all fit, and shares the rest as they prefer', () => {
    const widths = fitColumns([col(10, 40), col(20, 60)], 200);
    expect(sum(widths)).toBeCloseTo(200);
    expect(widths[0]).toBeCloseTo(40 + (100 * 40) / 100);
    expect(widths[1]).toBeCloseTo(60 + (100 * 60) / 100);
  });

  it('interpolates between minimum and preferred widths when the preferred widths do not fit', () => {
    // CSS 2.1 17.5.2.2: min + (max - min) * t, the same t for every column.
    const widths = fitColumns([col(20, 120), col(30, 230)], 150);
    const t = (150 - 50) / (350 - 50);
    expect(widths[0]).toBeCloseTo(20 + 100 * t);
    expect(widths[1]).toBeCloseTo(30 + 200 * t);
  });

  it('never gives a column less than its minimum, however little text the others have', () => {
    // A port column next to a long description: the port must not be stacked digit by digit.
    const widths = fitColumns([col(25, 25), col(40, 2000), col(60, 900)], 300);
    expect(widths[0]).toBeGreaterThanOrEqual(25);
    expect(widths[1]).toBeGreaterThanOrEqual(40);
    expect(widths[2]).toBeGreaterThanOrEqual(60);
    expect(sum(widths)).toBeCloseTo(300);
  });

  it('follows width hints exactly when every column keeps its floor', () => {
    const widths = fitColumns([col(10, 500), col(10, 500), col(10, 500)], 600, [1, 2, 3]);
    expect(widths).toEqual([100, 200, 300].map((w): unknown => expect.closeTo(w, 6)));
  });

  it('lets a hint never force a column below its minimum', () => {
    const widths = fitColumns([col(80, 90), col(10, 500)], 200, [1, 9]);
    expect(widths[0]).toBeGreaterThanOrEqual(80);
    expect(sum(widths)).toBeCloseTo(200);
  });

  it('ignores hints that are not one positive number per column', () => {
    const auto = fitColumns([col(10, 40), col(20, 60)], 200);
    expect(fitColumns([col(10, 40), col(20, 60)], 200, [1])).toEqual(auto);
    expect(fitColumns([col(10, 40), col(20, 60)], 200, [1, undefined])).toEqual(auto);
    expect(fitColumns([col(10, 40), col(20, 60)], 200, [0, 1])).toEqual(auto);
  });

  it('keeps identifiers whole before words, and divides as few columns as possible', () => {
    // Column 0: a host name (150 whole, 50 in pieces). Column 1: long words (100 whole, 30 hyphenated).
    // Column 2: an identifier of 60 that may divide to 40. 260 of room: the words hyphenate, and
    // of the two identifier columns the cheaper one divides, so the host name stays whole.
    const host: ColumnExtent = { min: 50, identifiers: 150, whole: 150, max: 300 };
    const words: ColumnExtent = { min: 30, identifiers: 30, whole: 100, max: 400 };
    const ident: ColumnExtent = { min: 40, identifiers: 60, whole: 60, max: 60 };
    const widths = fitColumns([host, words, ident], 230);
    expect(widths[0]).toBeGreaterThanOrEqual(150);
    expect(sum(widths)).toBeCloseTo(230);
  });

  it('gives every column its whole width when that fits, before any grows further', () => {
    const a: ColumnExtent = { min: 20, identifiers: 20, whole: 90, max: 100 };
    const b: ColumnExtent = { min: 20, identifiers: 20, whole: 30, max: 1000 };
    const widths = fitColumns([a, b], 150);
    expect(widths[0]).toBeGreaterThanOrEqual(90);
    expect(widths[1]).toBeGreaterThanOrEqual(30);
  });
});

describe('fitColumns when even the minimums do not fit', () => {
  it('cuts only the widest columns, to one width, and keeps the narrow ones at their minimum', () => {
    // A file name, an algorithm and a hash that has no break point at all.
    const widths = fitColumns([col(60, 100), col(50, 50), col(380, 380)], 400);
    expect(widths[0]).toBeCloseTo(60);
    expect(widths[1]).toBeCloseTo(50);
    expect(widths[2]).toBeCloseTo(290);
  });
});

describe('fitColumns choosing which identifiers to divide', () => {
  it('divides the column with the fewest identifiers too wide, not the one with an id in every row', () => {
    // Column 0: a clause id in each of 100 rows (70 wide, 40 in pieces). Column 1: two long field
    // paths (200 wide, 60 in pieces). Either lowering alone is enough; dividing the two paths is
    // what a reader should get, not 100 divided clause ids.
    const ids: ColumnExtent = {
      min: 40,
      identifiers: 70,
      whole: 70,
      max: 70,
      identifierWidths: Array.from({ length: 100 }, () => 70),
    };
    const paths: ColumnExtent = { min: 60, identifiers: 200, whole: 200, max: 400, identifierWidths: [200, 190] };
    const widths = fitColumns([ids, paths], 250);
    expect(widths[0]).toBeGreaterThanOrEqual(70);
    expect(sum(widths)).toBeCloseTo(250);
  });
});

describe('fitColumns dividing header words', () => {
  /** A header word 90 wide (30 in syllables) over short text. */
  const header = (whole: number, syllable: number): ColumnExtent => ({ ...col(whole, whole), hyphenatedMin: syllable });

  it('keeps header words whole while the table can be laid out so', () => {
    const widths = fitColumns([header(90, 30), header(80, 30), col(100, 300)], 280);
    expect(widths[0]).toBeGreaterThanOrEqual(90);
    expect(widths[1]).toBeGreaterThanOrEqual(80);
  });

  it('hyphenates as few header words as needed, the one that gives most first, instead of cutting', () => {
    // Whole, the three need 290 of 260: dividing the 120-wide word alone is enough.
    const widths = fitColumns([header(120, 40), header(70, 40), col(100, 300)], 260);
    expect(widths[0]).toBeCloseTo(90);
    expect(widths[1]).toBeGreaterThanOrEqual(70);
    expect(widths[2]).toBeGreaterThanOrEqual(100);
    expect(sum(widths)).toBeCloseTo(260);
  });

  it('cuts only when even the hyphenated header words do not fit: the widest column, the headers at their syllables', () => {
    const widths = fitColumns([header(120, 40), header(70, 40), col(200, 300)], 250);
    expect(widths).toEqual([40, 40, 170].map((w): unknown => expect.closeTo(w, 6)));
  });
});
