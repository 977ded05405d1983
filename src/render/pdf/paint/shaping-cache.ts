import type { FontKey } from '../layout/types.js';

/**
 * The parts of pdfkit's (untyped) EmbeddedFont the shared cache hooks into. pdfkit splits a
 * string into words (each with its trailing space) and shapes each word through
 * `layoutCached`, which it backs with a per-document cache: every new PDF document shaped every
 * word again with fontkit (GSUB/GPOS), about 40 % of all PDF time.
 */
interface ShapingFont {
  layoutRun(text: string): unknown;
  layoutCached(text: string): unknown;
}

/**
 * Words kept over all fonts before the caches are emptied. A cached word costs about 2 KB
 * (fontkit's glyph run and positions; measured), so 30,000 words hold a worker's heap growth
 * to about 60 MB, while the bundled examples' 19 documents use about 24,000 distinct words
 * (with and without their trailing space): a portfolio's vocabulary stays warm.
 */
export const SHAPING_CACHE_LIMIT = 30_000;

const caches = new Map<FontKey, Map<string, unknown>>();

function cacheOf(key: FontKey): Map<string, unknown> {
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
  target.layoutCached = (text: string): unknown => {
    let run = cache.get(text);
    if (run === undefined) {
      run = target.layoutRun(text);
      cache.set(text, run);
    }
    return run;
  };
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
