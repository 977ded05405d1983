import type { Block } from '../model/nodes.js';

/**
 * Section numbers for depths 1-3 (1, 1.1, 1.1.1); deeper headings stay unnumbered. A level
 * skipped by the template (# then ###) counts as 0 rather than inventing a section.
 */
export function numberHeadings(blocks: readonly Block[]): Block[] {
  const counters = [0, 0, 0];
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
