import type { Block } from '../model/nodes.js';

/**
 * Makes heading ids unique in document order: a repeated `scope` becomes `scope-2`, `scope-3`.
 * `taken` holds ids already used (blocks appended to a document whose ids are unique already).
 */
export function ensureUniqueIds(blocks: readonly Block[], taken: Iterable<string> = []): Block[] {
  const used = new Set<string>(taken);
  const unique = (id: string): string => {
    let candidate = id;
    for (let n = 2; used.has(candidate); n++) candidate = `${id}-${n}`;
    used.add(candidate);
    return candidate;
  };
  const visit = (list: readonly Block[]): Block[] =>
    list.map((block): Block => {
      switch (block.type) {
        case 'heading':
          return { ...block, id: unique(block.id) };
        case 'list':
          return { ...block, items: block.items.map((item) => ({ ...item, children: visit(item.children) })) };
        case 'admonition':
          return { ...block, children: visit(block.children) };
        default:
          return block;
      }
    });
  return visit(blocks);
}
