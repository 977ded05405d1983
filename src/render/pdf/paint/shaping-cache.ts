import type { FontKey } from '../layout/types.js';

/**
 * The parts of pdfkit's (untyped) EmbeddedFont the shared cache hooks into. pdfkit splits a
 * string into words (each with its trailing space) and shapes each word through
 * `layoutCached`, which it backs with a per-document cache: every new PDF document shaped every
 * word again with fontkit (GSUB/GPOS), about 40 % of all PDF time.
 */
interface ShapingFont {
  layoutRun(text: string): ShapedRun;
  layoutCached(text: string): ShapedRun;
  layoutPacked?: (text: string) => Float64Array;
}

/** What pdfkit reads of fontkit's GlyphRun (its `layout`, `encode`, text painting; text.ts). */
interface ShapedRun {
  readonly glyphs: readonly { readonly id: number; readonly advanceWidth: number; readonly codePoints: number[] }[];
  readonly positions: readonly {
    readonly xAdvance: number;
    readonly yAdvance: number;
    readonly xOffset: number;
    readonly yOffset: number;
    readonly advanceWidth: number;
  }[];
  readonly advanceWidth: number;
}

/**
 * The layout of a packed run (see pack): the glyph count, then per glyph these fields and
 * `CODE_POINTS` code points. text.ts reads it directly: no objects per word and document.
 */
export const PACKED = {
  ID: 0,
  ADVANCE: 1,
  X_ADVANCE: 2,
  Y_ADVANCE: 3,
  X_OFFSET: 4,
  Y_OFFSET: 5,
  POSITION_ADVANCE: 6,
  CODE_POINTS: 7,
  FIELDS: 8,
} as const;
const GLYPH_FIELDS = PACKED.FIELDS;

/**
 * A shaped word as one Float64Array: per glyph its id, advance width, the five numbers of its
 * position (already scaled by pdfkit) and its code points, count first. fontkit's run is about
 * thirty objects per word that every garbage collection marks again (tens of MB for a worker's
 * vocabulary); an array of numbers is one object the collector does not look into.
 */
function pack(run: ShapedRun): Float64Array {
  let size = 1;
  for (const glyph of run.glyphs) size += GLYPH_FIELDS + glyph.codePoints.length;
  const packed = new Float64Array(size);
  packed[0] = run.glyphs.length;
  let at = 1;
  run.glyphs.forEach((glyph, i) => {
    const p = run.positions[i];
    packed.set(
      [
        glyph.id,
        glyph.advanceWidth,
        p?.xAdvance ?? 0,
        p?.yAdvance ?? 0,
        p?.xOffset ?? 0,
        p?.yOffset ?? 0,
        p?.advanceWidth ?? 0,
      ],
      at,
    );
    packed[at + 7] = glyph.codePoints.length;
    packed.set(glyph.codePoints, at + GLYPH_FIELDS);
    at += GLYPH_FIELDS + glyph.codePoints.length;
  });
  return packed;
}

/** The run again, as fresh objects for pdfkit (which may keep them in a document's arrays). */
function unpack(packed: Float64Array): ShapedRun {
  const count = packed[0] ?? 0;
  const glyphs: ShapedRun['glyphs'][number][] = new Array<ShapedRun['glyphs'][number]>(count);
  const positions: ShapedRun['positions'][number][] = new Array<ShapedRun['positions'][number]>(count);
  let advanceWidth = 0;
  for (let g = 0, at = 1; g < count; g++) {
    const points = packed[at + PACKED.CODE_POINTS] ?? 0;
    const codePoints: number[] = [];
    for (let c = 0; c < points; c++) codePoints.push(packed[at + GLYPH_FIELDS + c] ?? 0);
    const xAdvance = packed[at + PACKED.X_ADVANCE] ?? 0;
    glyphs[g] = { id: packed[at] ?? 0, advanceWidth: packed[at + PACKED.ADVANCE] ?? 0, codePoints };
    positions[g] = {
      xAdvance,
      yAdvance: packed[at + PACKED.Y_ADVANCE] ?? 0,
      xOffset: packed[at + PACKED.X_OFFSET] ?? 0,
      yOffset: packed[at + PACKED.Y_OFFSET] ?? 0,
      advanceWidth: packed[at + PACKED.POSITION_ADVANCE] ?? 0,
    };
    advanceWidth += xAdvance;
    at += GLYPH_FIELDS + points;
  }
  return { glyphs, positions, advanceWidth };
}

/**
 * Words kept over all fonts before the caches are emptied. A packed word is a few hundred bytes,
 * so 30,000 words hold about 15 MB, while the bundled examples' 19 documents use about 24,000
 * distinct words (with and without their trailing space): a portfolio's vocabulary stays warm.
 */
export const SHAPING_CACHE_LIMIT = 30_000;

const caches = new Map<FontKey, Map<string, Float64Array>>();

function cacheOf(key: FontKey): Map<string, Float64Array> {
  let cache = caches.get(key);
  if (cache === undefined) {
    cache = new Map();
    caches.set(key, cache);
  }
  return cache;
}

/**
 * Makes a pdfkit font shape through the process-wide cache of its font key. Safe for bytes:
 * shaping a word with fontkit gives the same run every time, and pdfkit copies the cached runs'
 * glyphs and positions into each document (subset glyph ids are assigned per document in
 * `encode`) without changing them, so a cached run is interchangeable with a fresh one.
 */
export function shareShaping(font: unknown, key: FontKey): void {
  const target = font as ShapingFont;
  const cache = cacheOf(key);
  const layoutPacked = (text: string): Float64Array => {
    let packed = cache.get(text);
    if (packed === undefined) {
      packed = pack(target.layoutRun(text));
      cache.set(text, packed);
    }
    return packed;
  };
  target.layoutPacked = layoutPacked;
  target.layoutCached = (text: string): ShapedRun => unpack(layoutPacked(text));
}

/**
 * Empties the caches when together they hold more than `limit` words; called between
 * documents. Bytes do not depend on it (see shareShaping), only the time to shape again.
 */
export function boundShapingCaches(limit = SHAPING_CACHE_LIMIT): void {
  let words = 0;
  for (const cache of caches.values()) words += cache.size;
  if (words > limit) for (const cache of caches.values()) cache.clear();
}

/** Words cached per font key (for tests of the bound). */
export function shapingCacheSizes(): Partial<Record<FontKey, number>> {
  return Object.fromEntries([...caches].map(([key, cache]) => [key, cache.size]));
}
