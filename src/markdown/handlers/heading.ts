import type { Heading as MdHeading } from 'mdast';
import type { Heading, Inline } from '../../model/nodes.js';
import { inlineText } from '../../model/text.js';
import { slugify } from '../slug.js';
import type { State } from '../state.js';
import { inlines } from './inline.js';

/** A heading; `clauses` come from a `<!-- clauses: … -->` directive right after it. */
export function heading(node: MdHeading, clauses: readonly string[], state: State): Heading {
  // A heading is one line: a hard break (from multi-line data) becomes a space.
  const children = inlines(node.children, state).map((child): Inline =>
    child.type === 'break' ? { type: 'text', value: ' ' } : child,
  );
  return { type: 'heading', depth: node.depth, id: slugify(inlineText(children)), clauses, children };
}
