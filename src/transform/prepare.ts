import type { Block } from '../model/nodes.js';
import { walkBlocks } from '../model/text.js';
import { countersAfter, numberHeadings } from './number-headings.js';
import { ensureUniqueIds } from './unique-ids.js';

/** The model transforms, in order: unique heading ids, then section numbers. */
export function prepareBlocks(blocks: readonly Block[]): Block[] {
  return numberHeadings(ensureUniqueIds(blocks));
}

/**
 * Appends blocks to a document prepared already (the traceability appendix after the body):
 * only the new blocks are transformed, their heading ids kept apart from the document's and
 * their sections numbered on from its last, as if the whole had been prepared at once.
 */
export function appendPrepared(prepared: readonly Block[], more: readonly Block[]): Block[] {
  const taken = [...walkBlocks(prepared)].flatMap((b) => (b.type === 'heading' ? [b.id] : []));
  return [...prepared, ...numberHeadings(ensureUniqueIds(more, taken), countersAfter(prepared))];
}

export { numberHeadings, ensureUniqueIds };
