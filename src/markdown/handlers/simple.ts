import type { Code } from 'mdast';
import type { CodeBlock } from '../../model/nodes.js';
import { placeholderText } from '../../model/text.js';
import { PLACEHOLDER_PATTERN } from '../../contract/markers.js';

/** A fenced or indented code block. A placeholder inside shows as its visible text. */
export function code(node: Code): CodeBlock {
  return {
    type: 'code',
    value: node.value.replace(PLACEHOLDER_PATTERN, (_, field: string, label: string) => placeholderText(label, field)),
  };
}
