import type { RootContent } from 'mdast';
import type { Result } from '../diagnostics/diagnostic.js';
import type { Block } from '../model/nodes.js';
import type { SourceRef } from '../source/position.js';
import { parseDirective } from './directives.js';
import { MAX_NESTING, parseMarkdown } from './parse.js';
import { blockquote } from './handlers/blockquote.js';
import { heading } from './handlers/heading.js';
import { list } from './handlers/list.js';
import { paragraph } from './handlers/paragraph.js';
import { code } from './handlers/simple.js';
import { table } from './handlers/table.js';
import { createState, type State } from './state.js';

/**
 * Markdown (CommonMark + GFM tables, with techfile's directives and placeholder markers) to
 * model blocks. `origin` names the source in warnings; `lines` (from renderTemplate) maps each
 * Markdown line back to its template file and line.
 */
export function fromMarkdown(markdown: string, origin: string, lines?: readonly SourceRef[]): Result<Block[]> {
  const { tree, tooDeepAt } = parseMarkdown(markdown);
  const state = createState(origin, lines);
  const value = blocks(tree.children, state);
  if (tooDeepAt !== undefined) {
    const point = { line: tooDeepAt, column: 1 };
    state.report(
      'error',
      'markdown/too-deep',
      `block quotes or lists are nested more than ${MAX_NESTING} levels deep here; what lies deeper was left out`,
      { position: { start: point, end: point } },
      ['nest block quotes and lists a few levels at most; check the template for a loop that opens them'],
    );
  }
  return { value, diagnostics: state.diagnostics };
}

function blocks(nodes: readonly RootContent[], state: State): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (!node) continue;
    const next = nodes[i + 1];
    const nextDirective = next?.type === 'html' ? parseDirective(next.value) : undefined;
    switch (node.type) {
      case 'heading':
        if (nextDirective?.kind === 'clauses') i++;
        out.push(heading(node, nextDirective?.kind === 'clauses' ? nextDirective.ids : [], state));
        break;
      case 'paragraph':
        out.push(...paragraph(node, state));
        break;
      case 'list':
        out.push(list(node, state, blocks));
        break;
      case 'table':
        out.push(table(node, undefined, state));
        break;
      case 'blockquote':
        out.push(...blockquote(node, state, blocks));
        break;
      case 'code':
        out.push(code(node));
        break;
      case 'thematicBreak':
        out.push({ type: 'thematicBreak' });
        break;
      case 'html': {
        const directive = parseDirective(node.value);
        if (directive?.kind === 'toc') out.push({ type: 'toc', title: 'Contents', depth: 3 });
        else if (directive?.kind === 'pagebreak') out.push({ type: 'pageBreak' });
        else if (directive?.kind === 'widths' && next?.type === 'table') {
          out.push(table(next, directive.widths, state));
          i++;
        } else if (directive?.kind === 'widths') {
          state.warn(
            'markdown/misplaced-directive',
            '`<!-- widths: … -->` must be on the line just before a table',
            node,
          );
        } else if (directive?.kind === 'clauses') {
          state.warn(
            'markdown/misplaced-directive',
            '`<!-- clauses: … -->` must be on the line just after a heading',
            node,
            ['move it directly under the `#` heading of the section that addresses these clauses'],
          );
        } else {
          state.warn(
            'markdown/raw-html',
            `raw HTML \`${firstLine(node.value)}\` is not supported and was left out`,
            node,
            [
              'use Markdown; the directives are <!-- toc -->, <!-- pagebreak -->, <!-- clauses: … --> and <!-- widths: … -->',
              'write notes to template authors as `{{!-- … --}}`',
            ],
          );
        }
        break;
      }
      case 'definition':
      case 'footnoteDefinition':
      case 'yaml':
        break;
      default:
        // Row/cell/item nodes only occur inside their parents; anything else is unsupported.
        state.warn('markdown/unsupported', `\`${node.type}\` is not supported and was left out`, node);
    }
  }
  return out;
}

function firstLine(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}
