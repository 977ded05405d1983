import enUs from 'hyphen/en-us/index.js';

/**
 * Where an English word may be hyphenated, from the TeX en-US patterns (Liang's algorithm)
 * that the `hyphen` package ships. Renderers use it only for words wider than their column,
 * so a word is divided where a dictionary would divide it ("recom-mended"), never cut.
 */

/** TeX's US English settings: at least two letters before and three after a hyphen. */
const LEFT_MIN = 2;
const RIGHT_MIN = 3;
/** Shorter words are never divided. */
const MIN_LENGTH = LEFT_MIN + RIGHT_MIN;
const MARK = '\u00ad';

const cache = new Map<string, readonly number[]>();
const CACHE_LIMIT = 50_000;

/** Only words of letters (any script the patterns may know) are hyphenated. */
const LETTERS = /^\p{L}+$/u;

/**
 * Character offsets inside `word` after which a hyphen may be inserted, ascending. Empty for
 * short words and for anything that is not purely letters.
 */
export function hyphenationPoints(word: string): readonly number[] {
  const known = cache.get(word);
  if (known !== undefined) return known;
  const points: number[] = [];
  if (word.length >= MIN_LENGTH && LETTERS.test(word)) {
    const marked = enUs.hyphenateSync(word, { hyphenChar: MARK, minWordLength: MIN_LENGTH });
    let at = 0;
    for (const ch of marked) {
      if (ch === MARK) {
        if (at >= LEFT_MIN && word.length - at >= RIGHT_MIN) points.push(at);
      } else {
        at += ch.length;
      }
    }
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, points);
  return points;
}
