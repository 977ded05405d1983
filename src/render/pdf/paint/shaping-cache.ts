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
 * Words kept per font before the cache is emptied. Measured on the bundled examples: 19
 * documents hold about 14,000 distinct words over all fonts, each cached run a few hundred
 * bytes; 50,000 words per font keeps a large portfolio's vocabulary warm for under ~100 MB
 * worst case per worker, and a long-running worker from growing without end.
 */
export const SHAPING_CACHE_LIMIT = 50_000;

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
 * Empties any font cache over `limit` words; called between documents so that one document's
 * painting never depends on when the cache was last emptied (it cannot anyway: see shareShaping).
 */
export function boundShapingCaches(limit = SHAPING_CACHE_LIMIT): void {
  for (const cache of caches.values()) if (cache.size > limit) cache.clear();
}

/** Words cached per font key (for tests of the bound). */
export function shapingCacheSizes(): Partial<Record<FontKey, number>> {
  return Object.fromEntries([...caches].map(([key, cache]) => [key, cache.size]));
}
