import type { Paragraph as MdParagraph } from 'mdast';
import type { Block } from '../../model/nodes.js';
import type { State } from '../state.js';
import { inlines } from './inline.js';

/**
 * A paragraph, or an image when the paragraph holds only `![alt](src "title")`. A title like
 * `80mm` sets the display width.
 */
export function paragraph(node: MdParagraph, state: State): Block[] {
  const meaningful = node.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  const only = meaningful[0];
  if (meaningful.length === 1 && only?.type === 'image') {
    const width = /^\s*(\d+(?:\.\d+)?)\s*mm\s*$/i.exec(only.title ?? '')?.[1];
    return [
      { type: 'image', src: only.url, alt: only.alt ?? '', ...(width !== undefined ? { widthMm: Number(width) } : {}) },
    ];
  }
  const children = inlines(node.children, state);
  if (children.length === 0) return [];
  return [{ type: 'paragraph', children }];
}
