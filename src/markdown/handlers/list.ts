import type { List as MdList } from 'mdast';
import type { List } from '../../model/nodes.js';
import type { State } from '../state.js';
import type { BlockConverter } from './types.js';

export function list(node: MdList, state: State, blocks: BlockConverter): List {
  return {
    type: 'list',
    ordered: node.ordered === true,
    start: node.start ?? 1,
    items: node.children.map((item) => ({ type: 'listItem', children: blocks(item.children, state) })),
  };
}
