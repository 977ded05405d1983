import type { RootContent } from 'mdast';
import type { Block } from '../../model/nodes.js';
import type { State } from '../state.js';

/** Converts a run of sibling mdast nodes (handles directives that refer to neighbours). */
export type BlockConverter = (nodes: readonly RootContent[], state: State) => Block[];
