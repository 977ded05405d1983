import type { SourceRef } from '../source/position.js';
import { ORIGIN_CLOSE, ORIGIN_OPEN } from '../contract/markers.js';

const SENTINEL = new RegExp(`${ORIGIN_OPEN}(\\d+)${ORIGIN_CLOSE}`, 'g');

/**
 * Removes the origin sentinels from rendered Markdown and returns, per output line, the template
 * file and line it came from. Lines without a sentinel (produced by data or helpers) keep the
 * origin of the line before them.
 */
export function stripOrigins(text: string, table: readonly SourceRef[], fallback: SourceRef): { markdown: string; lines: SourceRef[] } {
  const lines: SourceRef[] = [];
  let previous = fallback;
  const out = text.split('\n').map((line) => {
    let first: SourceRef | undefined;
    const clean = line.replace(SENTINEL, (_, index: string) => {
      first ??= table[Number(index)];
      return '';
    });
    previous = first ?? previous;
    lines.push(previous);
    return clean;
  });
  return { markdown: out.join('\n'), lines };
}
