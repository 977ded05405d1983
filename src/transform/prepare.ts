import type { Block } from '../model/nodes.js';
import { numberHeadings } from './number-headings.js';
import { ensureUniqueIds } from './unique-ids.js';

/** The model transforms, in order: unique heading ids, then section numbers. */
export function prepareBlocks(blocks: readonly Block[]): Block[] {
  return numberHeadings(ensureUniqueIds(blocks));
}

export { numberHeadings, ensureUniqueIds };
