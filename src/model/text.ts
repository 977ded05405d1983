import type { Block, Inline } from './nodes.js';

/** Plain text of inline content, as a reader sees it (placeholders included). */
export function inlineText(nodes: readonly Inline[]): string {
  let out = '';
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        out += node.value;
        break;
      case 'strong':
      case 'emphasis':
      case 'link':
        out += inlineText(node.children);
        break;
      case 'break':
        out += '\n';
        break;
      case 'placeholder':
        out += placeholderText(node.label, node.field);
        break;
    }
  }
  return out;
}

/** The visible text of a missing-data placeholder; one definition for both renderers. */
export function placeholderText(label: string, field: string): string {
  return `[TBD: ${label} (${field})]`;
}

/** Every block in document order, descending into lists and admonitions. */
export function* walkBlocks(blocks: readonly Block[]): Generator<Block> {
  for (const block of blocks) {
    yield block;
    if (block.type === 'list') for (const item of block.items) yield* walkBlocks(item.children);
    if (block.type === 'admonition') yield* walkBlocks(block.children);
  }
}

/**
 * A paragraph that is all bold text ("**Changing your password.**") stands as a run-in
 * heading over what follows: both renderers keep it on the page of the next block, as they
 * keep a heading, so it never ends a page alone.
 */
export function isLeadParagraph(children: readonly Inline[]): boolean {
  let strong = false;
  for (const node of children) {
    if (node.type === 'strong') strong = true;
    else if (!(node.type === 'text' && node.value.trim() === '')) return false;
  }
  return strong;
}
