import type { Blockquote, Paragraph } from 'mdast';
import type { Block } from '../../model/nodes.js';
import type { State } from '../state.js';
import type { BlockConverter } from './types.js';

const KINDS: Record<string, 'note' | 'warning'> = {
  NOTE: 'note',
  TIP: 'note',
  IMPORTANT: 'note',
  WARNING: 'warning',
  CAUTION: 'warning',
};

/**
 * `> [!NOTE]` / `> [!WARNING]` (and GitHub's TIP, IMPORTANT, CAUTION) become admonitions. A plain
 * block quote (templates use it to quote the intended purpose) has no node in the model: its
 * content is kept as ordinary blocks, silently.
 */
export function blockquote(node: Blockquote, state: State, blocks: BlockConverter): Block[] {
  const first = node.children[0];
  const text = first?.type === 'paragraph' ? first.children[0] : undefined;
  const match = text?.type === 'text' ? /^\[!(\w+)\][ \t]*(\n|$)/.exec(text.value) : undefined;
  const kind = match ? KINDS[(match[1] ?? '').toUpperCase()] : undefined;
  if (!match || !kind || !first || first.type !== 'paragraph' || text?.type !== 'text') {
    return blocks(node.children, state);
  }
  const rest = text.value.slice(match[0].length);
  const remaining = [...(rest === '' ? [] : [{ ...text, value: rest }]), ...first.children.slice(1)];
  const head: Paragraph[] = remaining.length > 0 ? [{ ...first, children: remaining }] : [];
  return [{ type: 'admonition', kind, children: blocks([...head, ...node.children.slice(1)], state) }];
}
