import type { Block } from '../model/nodes.js';

/** How many sections of depths 1-3 came so far (the state of the numbering). */
export type SectionCounters = readonly [number, number, number];

/**
 * Section numbers for depths 1-3 (1, 1.1, 1.1.1); deeper headings stay unnumbered. A level
 * skipped by the template (# then ###) counts as 0 rather than inventing a section. `after`
 * continues a numbering (blocks appended to a document numbered already).
 */
export function numberHeadings(blocks: readonly Block[], after: SectionCounters = [0, 0, 0]): Block[] {
  const counters: number[] = [...after];
  return blocks.map((block) => {
    if (block.type !== 'heading') return block;
    const { number: _old, ...rest } = block;
    if (block.depth > 3) return rest;
    const level = block.depth - 1;
    counters[level] = (counters[level] ?? 0) + 1;
    for (let i = level + 1; i < counters.length; i++) counters[i] = 0;
    return { ...rest, number: counters.slice(0, level + 1).join('.') };
  });
}

/** The numbering state after `blocks` (numbered already): where appended sections go on. */
export function countersAfter(blocks: readonly Block[]): SectionCounters {
  const counters = [0, 0, 0];
  for (const block of blocks) {
    if (block.type !== 'heading' || block.depth > 3) continue;
    const level = block.depth - 1;
    counters[level] = (counters[level] ?? 0) + 1;
    for (let i = level + 1; i < counters.length; i++) counters[i] = 0;
  }
  return [counters[0] ?? 0, counters[1] ?? 0, counters[2] ?? 0];
}
