/**
 * Column widths for a table that spans a given width, after the automatic table layout of
 * CSS 2.1 (section 17.5.2.2) as browsers implement it: each column has a minimum width (its
 * widest piece that cannot be divided) and a preferred width (its widest cell on one line);
 * columns get at least their minimum and share the rest in proportion to what they prefer.
 *
 * Two levels are added between the two, because dividing text has a cost for the reader:
 * `identifiers`, the width at which every identifier stays whole (ordinary words may be
 * hyphenated), and `whole`, at which nothing is divided. Every column first gets its whole
 * width; while the table is too wide, columns hyphenate their words instead, and only then
 * columns divide their identifiers (at their natural break points), as few columns as
 * possible. So a port, a version or a host name is divided only when the table cannot be laid
 * out otherwise. Header words are divided last of all (`hyphenatedMin`).
 */

export interface ColumnExtent {
  /** Widest piece that can never be divided (a syllable, an identifier segment, a header word). */
  readonly min: number;
  /** Widest identifier kept whole (a hash excepted), or piece of an ordinary word (at least `min`). */
  readonly identifiers: number;
  /** Widest word or identifier kept whole. */
  readonly whole: number;
  /** Widest cell with its text on one line. */
  readonly max: number;
  /** Width of every identifier kept whole (one entry per occurrence), to count what dividing costs. */
  readonly identifierWidths?: readonly number[];
  /**
   * The minimum when header words may be hyphenated too (at most `min`): used only when the
   * minimums do not fit, so that "Authentication" in a seven-column header becomes
   * "Authenti-/cation" instead of being cut by character.
   */
  readonly hyphenatedMin?: number;
}

export const EMPTY_EXTENT: ColumnExtent = { min: 0, identifiers: 0, whole: 0, max: 0 };

/** What one word of a cell counts towards its column's extent (each renderer measures its own). */
export interface WordWidths {
  /** Widest piece never divided (in a header cell: the whole word). */
  readonly min: number;
  /** Widest piece when header words may be hyphenated too (a body word: `min`). */
  readonly hyphenatedMin: number;
  /** The word undivided. */
  readonly whole: number;
  /** An identifier kept whole where the table allows (break-points.ts keepsWhole). */
  readonly keep: boolean;
}

/** The extent of one cell from its words and the widths of its lines, the cell padding added. */
export function cellExtentOf(words: Iterable<WordWidths>, lineWidths: readonly number[], pad: number): ColumnExtent {
  let min = 0;
  let hyphenatedMin = 0;
  let identifiers = 0;
  let whole = 0;
  const identifierWidths: number[] = [];
  for (const word of words) {
    min = Math.max(min, word.min);
    hyphenatedMin = Math.max(hyphenatedMin, word.hyphenatedMin);
    identifiers = Math.max(identifiers, word.keep ? word.whole : word.min);
    whole = Math.max(whole, word.whole);
    if (word.keep && word.whole > word.min) identifierWidths.push(word.whole + pad);
  }
  return {
    min: min + pad,
    identifiers: identifiers + pad,
    whole: whole + pad,
    max: Math.max(0, ...lineWidths) + pad,
    identifierWidths,
    hyphenatedMin: hyphenatedMin + pad,
  };
}

/** The extent of a column from the extents of its cells. */
export function widest(a: ColumnExtent, b: ColumnExtent): ColumnExtent {
  return {
    min: Math.max(a.min, b.min),
    identifiers: Math.max(a.identifiers, b.identifiers),
    whole: Math.max(a.whole, b.whole),
    max: Math.max(a.max, b.max),
    identifierWidths: [...(a.identifierWidths ?? []), ...(b.identifierWidths ?? [])],
    hyphenatedMin: Math.max(a.hyphenatedMin ?? a.min, b.hyphenatedMin ?? b.min),
  };
}

const sum = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);

/** Relative hints as absolute targets, or undefined when they are not one positive number per column. */
function hintTargets(
  hints: readonly (number | undefined)[] | undefined,
  count: number,
  width: number,
): number[] | undefined {
  if (hints === undefined || hints.length !== count) return undefined;
  const values: number[] = [];
  for (const h of hints) {
    if (h === undefined || !Number.isFinite(h) || h <= 0) return undefined;
    values.push(h);
  }
  const total = sum(values);
  return values.map((h) => (h / total) * width);
}

/**
 * Lowers columns to `level` until the floors fit `width`: the column whose lowering alone is
 * enough and costs least, else the one with the most to give (and repeat). Each lowered
 * column divides some of its text, so as few columns as possible are lowered.
 */
function lowerUntilFits(
  floor: number[],
  level: readonly number[],
  width: number,
  divided: (column: number, below: number) => number = () => 0,
): void {
  for (;;) {
    const excess = sum(floor) - width;
    if (excess <= 1e-9) return;
    let enough = -1;
    let enoughCost: [number, number] = [Infinity, Infinity];
    let most = -1;
    floor.forEach((f, i) => {
      const gain = f - (level[i] ?? f);
      if (gain <= 0) return;
      // Among the columns whose lowering is enough: the one that divides the fewest pieces of
      // text (a clause id in every row costs more than one long field path), then the cheapest.
      const cost: [number, number] = [divided(i, f - excess), gain];
      if (gain >= excess && (cost[0] < enoughCost[0] || (cost[0] === enoughCost[0] && cost[1] < enoughCost[1]))) {
        enough = i;
        enoughCost = cost;
      }
      if (most < 0 || gain > (floor[most] ?? 0) - (level[most] ?? 0)) most = i;
    });
    const pick = enough >= 0 ? enough : most;
    if (pick < 0) return;
    // A column whose lowering is enough gives up only the excess: the fewest pieces divide.
    floor[pick] = enough >= 0 ? Math.max(level[pick] ?? 0, (floor[pick] ?? 0) - excess) : (level[pick] ?? 0);
  }
}

/**
 * When even the minimums do not fit: the narrow columns keep their minimum and only the
 * widest are cut, all to the same width (their text is then cut by character); a table with a
 * 64-digit hash keeps its file names and header words whole.
 */
function capped(min: readonly number[], width: number): number[] {
  const sorted = [...min].sort((a, b) => a - b);
  let below = 0;
  for (let i = 0; i < sorted.length; i++) {
    const cap = (width - below) / (sorted.length - i);
    if ((sorted[i] ?? 0) >= cap) return min.map((m) => Math.min(m, cap));
    below += sorted[i] ?? 0;
  }
  return [...min];
}

/** Raises `from` towards `to`, sharing at most `room` in proportion to what each column lacks. */
function share(from: readonly number[], to: readonly number[], room: number): number[] {
  const lack = from.map((f, i) => Math.max(0, (to[i] ?? f) - f));
  const total = sum(lack);
  if (total <= 0 || room <= 0) return [...from];
  const k = Math.min(1, room / total);
  return from.map((f, i) => f + (lack[i] ?? 0) * k);
}

/**
 * Widths (same unit as the extents) that add up to `width`. `hints` are relative widths a
 * template asked for: they are followed as far as every column keeps the floor found above;
 * columns never go below their minimum unless the minimums alone exceed the table: then header
 * words are hyphenated, and only when even that does not fit are the widest cut (`capped`).
 */
export function fitColumns(
  extents: readonly ColumnExtent[],
  width: number,
  hints?: readonly (number | undefined)[],
): number[] {
  if (extents.length === 0) return [];
  const min = extents.map((e) => Math.max(0, e.min));
  // Header words are hyphenated only in tables that cannot be laid out with them whole.
  const hyphenated = extents.map((e, i) => Math.min(min[i] ?? 0, Math.max(0, e.hyphenatedMin ?? e.min)));
  const identifiers = extents.map((e, i) => Math.max(min[i] ?? 0, e.identifiers));
  const whole = extents.map((e, i) => Math.max(identifiers[i] ?? 0, e.whole));
  const max = extents.map((e, i) => Math.max(whole[i] ?? 0, e.max));
  if (sum(hyphenated) > width) return capped(hyphenated, width);
  const floor = [...whole];
  lowerUntilFits(floor, identifiers, width);
  // How many identifiers of a column would no longer fit in `below` points.
  const divided = (column: number, below: number): number =>
    (extents[column]?.identifierWidths ?? []).filter((w) => w > below + 1e-9).length;
  lowerUntilFits(floor, min, width, divided);
  // A long header word divides better than a short one ("Authenti-cation", not "Sta-tus"):
  // the column that gives most goes first.
  lowerUntilFits(floor, hyphenated, width, (column) => (hyphenated[column] ?? 0) - (min[column] ?? 0));

  // With hints, columns move from their floor towards the widths asked for; without, towards
  // their preferred widths, and any room left is shared as those are.
  const targets = hintTargets(hints, extents.length, width) ?? max;
  const given = share(floor, targets, width - sum(floor));
  const left = width - sum(given);
  if (left <= 1e-9) return given;
  const totalTargets = sum(targets);
  return given.map((w, i) => w + (totalTargets > 0 ? ((targets[i] ?? 0) / totalTargets) * left : left / given.length));
}
