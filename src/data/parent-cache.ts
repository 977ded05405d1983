import type { Result } from '../diagnostics/diagnostic.js';
import type { Limits } from './limits.js';
import { loadSource, type SourceFile } from './load.js';

/**
 * Parsed product-line parents, reused across the device files of a process. A portfolio of
 * hundreds of variants extends a handful of parents; parsing each parent once instead of once per
 * variant removes most of the YAML work of a run. The file is still read every time and its text
 * compared, so an edited parent is parsed again. Only parents are kept (a variant is parsed once
 * anyway), and at most PARENTS of them, least recently used first out: a parsed file with its
 * nodes is a few MB.
 */
export const PARENTS = 16;

interface Entry {
  readonly text: string;
  readonly result: Result<SourceFile | undefined>;
}

const cache = new Map<string, Entry>();

type SourceLimits = Pick<Limits, 'stringLength' | 'depth' | 'aliases' | 'listLength'>;

/** loadSource for a parent file, from the cache when the same file has the same text and limits. */
export function loadParentSource(
  path: string,
  displayPath: string,
  text: string,
  limits: SourceLimits,
): Result<SourceFile | undefined> {
  const key = `${path}\0${displayPath}\0${limits.stringLength}\0${limits.depth}\0${limits.aliases}\0${limits.listLength}`;
  const hit = cache.get(key);
  if (hit !== undefined && hit.text === text) {
    // Most recently used last, so the first key is the one to drop.
    cache.delete(key);
    cache.set(key, hit);
    return hit.result;
  }
  const result = loadSource(path, displayPath, text, limits);
  cache.delete(key);
  cache.set(key, { text, result });
  if (cache.size > PARENTS) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  return result;
}

/** How many parsed parents are kept now. */
export function parentCacheSize(): number {
  return cache.size;
}

/** Empties the cache (tests; a long-lived host process that wants its memory back). */
export function clearParentCache(): void {
  cache.clear();
}
