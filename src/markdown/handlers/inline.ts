import type { PhrasingContent } from 'mdast';
import type { Inline } from '../../model/nodes.js';
import { splitPlaceholders } from '../../contract/markers.js';
import type { State } from '../state.js';

/** Text with placeholder markers decoded; soft line breaks become spaces. */
export function textInlines(value: string): Inline[] {
  return splitPlaceholders(value.replace(/[ \t]*\n[ \t]*/g, ' ')).map((piece): Inline =>
    typeof piece === 'string'
      ? { type: 'text', value: piece }
      : { type: 'placeholder', field: piece.field, label: piece.label },
  );
}

const SAFE_URL = /^(https?:\/\/|mailto:)\S+$|^#[\w-]+$/i;

export function inlines(nodes: readonly PhrasingContent[], state: State): Inline[] {
  // Adjacent text (left after dropping raw HTML or a link) is merged into one node.
  const out: Inline[] = [];
  for (const node of nodes.flatMap((n) => inline(n, state))) {
    const last = out[out.length - 1];
    if (node.type === 'text' && last?.type === 'text')
      out[out.length - 1] = { type: 'text', value: last.value + node.value };
    else if (node.type !== 'text' || node.value !== '') out.push(node);
  }
  return out;
}

function inline(node: PhrasingContent, state: State): Inline[] {
  switch (node.type) {
    case 'text':
      return textInlines(node.value);
    case 'strong':
      return [{ type: 'strong', children: inlines(node.children, state) }];
    case 'emphasis':
      return [{ type: 'emphasis', children: inlines(node.children, state) }];
    case 'delete':
      return inlines(node.children, state);
    case 'inlineCode':
      // A placeholder inside backticks still has to be a placeholder node.
      return splitPlaceholders(node.value).map((piece): Inline =>
        typeof piece === 'string'
          ? { type: 'inlineCode', value: piece }
          : { type: 'placeholder', field: piece.field, label: piece.label },
      );
    case 'break':
      return [{ type: 'break' }];
    case 'link':
      return link(node.url, inlines(node.children, state), node, state);
    case 'linkReference':
      // parse.ts resolves `[text][id]` to a link itself; an unresolved reference is plain text.
      return inlines(node.children, state);
    case 'image':
    case 'imageReference':
      state.warn('markdown/inline-image', 'an image inside text is shown as its description only', node, [
        'put the image `![description](file.png)` alone in its own paragraph',
      ]);
      return node.alt ? [{ type: 'text', value: node.alt }] : [];
    case 'html':
      state.warn('markdown/raw-html', `raw HTML \`${node.value}\` is not supported and was left out`, node, [
        'use Markdown: **bold**, *italic*, `code`; write notes to template authors as `{{!-- … --}}`',
      ]);
      return [];
    case 'footnoteReference':
      return [];
  }
}

function link(url: string, children: Inline[], node: PhrasingContent, state: State): Inline[] {
  if (SAFE_URL.test(url)) return [{ type: 'link', url, children }];
  state.warn('markdown/link-url', `link target \`${url}\` is not a web address, e-mail address or #section`, node, [
    'write `https://…`, `mailto:…` or `#heading-id`; the link text was kept without the link',
  ]);
  return children;
}
