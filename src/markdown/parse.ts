import type {
  BlockContent,
  Blockquote,
  Code,
  Heading,
  Html,
  List,
  ListItem,
  Paragraph,
  PhrasingContent,
  Root,
  Table,
  TableCell,
  TableRow,
} from 'mdast';
import MarkdownIt, { type Options, type Token } from 'markdown-it';

/**
 * CommonMark with GFM tables, as markdown-it parses it (about twenty times faster than micromark,
 * which techfile used before; the portfolio run parses every section of every document). The
 * tokens are turned into an mdast tree so the handlers read one well-specified syntax tree.
 *
 * Links are kept exactly as written (no percent-encoding, no scheme filter): the handlers decide
 * which targets are allowed and warn about the others. The nesting limit is far above what a
 * template writes; markdown-it silently leaves out what lies deeper, so that is reported.
 */
/** Containers inside containers markdown-it reads; it leaves out what is deeper (see parseMarkdown). */
export const MAX_NESTING = 1000;
// markdown-it reads `maxNesting` but its type definitions leave it out.
const options: Options & { readonly maxNesting: number } = { maxNesting: MAX_NESTING };
const md = new MarkdownIt('commonmark', options).enable('table');
md.validateLink = () => true;
md.normalizeLink = (url) => url;
md.normalizeLinkText = (text) => text;

declare module 'mdast' {
  interface TableRowData {
    /** How many cells the row has in the source: GFM drops those beyond the header's count. */
    cellsWritten?: number;
  }
}

type Heading1To6 = Heading['depth'];
type Position = NonNullable<Paragraph['position']>;

export interface ParsedMarkdown {
  readonly tree: Root;
  /** The line of the first container nested MAX_NESTING deep: markdown-it read nothing inside it. */
  readonly tooDeepAt: number | undefined;
}

export function parseMarkdown(markdown: string): ParsedMarkdown {
  const tokens = md.parse(markdown, {});
  const reader = new Reader(tokens, markdown.split('\n'));
  const deepest = tokens.find((t) => t.nesting === 1 && t.level >= MAX_NESTING - 1);
  return {
    tree: { type: 'root', children: reader.blocks(undefined) },
    tooDeepAt: deepest === undefined ? undefined : (deepest.map?.[0] ?? 0) + 1,
  };
}

/** Reads the flat token stream (open … close) into nested mdast nodes. */
class Reader {
  private index = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly source: readonly string[],
  ) {}

  /** Blocks until the closing token `until` (or the end). */
  blocks(until: string | undefined): BlockContent[] {
    const out: BlockContent[] = [];
    for (;;) {
      const token = this.tokens[this.index++];
      if (!token || token.type === until) return out;
      const node = this.block(token);
      if (node) out.push(node);
    }
  }

  private block(token: Token): BlockContent | undefined {
    const position = this.position(
      token.map,
      token.type === 'html_block' ? token.content.split('\n', 1)[0] : undefined,
    );
    switch (token.type) {
      case 'paragraph_open': {
        const children = this.inline(position);
        this.index++; // paragraph_close
        return { type: 'paragraph', children, position } satisfies Paragraph;
      }
      case 'heading_open': {
        const children = this.inline(position);
        this.index++; // heading_close
        return { type: 'heading', depth: Number(token.tag.slice(1)) as Heading1To6, children, position };
      }
      case 'bullet_list_open':
      case 'ordered_list_open':
        return this.list(token, position);
      case 'blockquote_open':
        return { type: 'blockquote', children: this.blocks('blockquote_close'), position } satisfies Blockquote;
      case 'fence':
      case 'code_block':
        return { type: 'code', value: withoutFinalNewline(token.content), position } satisfies Code;
      case 'hr':
        return { type: 'thematicBreak', position };
      case 'html_block':
        return { type: 'html', value: withoutFinalNewline(token.content), position } satisfies Html;
      case 'table_open':
        return this.table(position);
      default:
        // Every other block token is a closing one consumed by its opener.
        return undefined;
    }
  }

  private list(open: Token, position: Position | undefined): List {
    const ordered = open.type === 'ordered_list_open';
    const close = ordered ? 'ordered_list_close' : 'bullet_list_close';
    const start = ordered ? Number(open.attrGet('start') ?? 1) : null;
    const children: ListItem[] = [];
    for (;;) {
      const token = this.tokens[this.index++];
      if (!token || token.type === close) break;
      if (token.type === 'list_item_open') {
        const itemPosition = this.position(token.map);
        children.push({ type: 'listItem', children: this.blocks('list_item_close'), position: itemPosition });
      }
    }
    return { type: 'list', ordered, start, children, position };
  }

  private table(position: Position | undefined): Table {
    const rows: TableRow[] = [];
    const align: Table['align'] = [];
    let rowPosition = position;
    let cells: TableCell[] = [];
    for (;;) {
      const token = this.tokens[this.index++];
      if (!token || token.type === 'table_close') break;
      if (token.type === 'tr_open') {
        rowPosition = this.position(token.map) ?? rowPosition;
        cells = [];
      } else if (token.type === 'tr_close') {
        rows.push({
          type: 'tableRow',
          children: cells,
          data: { cellsWritten: cellsIn(this.source[(rowPosition?.start.line ?? 0) - 1] ?? '') },
          ...(rowPosition ? { position: rowPosition } : {}),
        });
      } else if (token.type === 'th_open' || token.type === 'td_open') {
        if (rows.length === 0) align.push(alignment(token.attrGet('style')));
        const children = this.inline(rowPosition);
        this.index++; // th_close / td_close
        cells.push({ type: 'tableCell', children, ...(rowPosition ? { position: rowPosition } : {}) });
      }
    }
    return { type: 'table', align, children: rows, position };
  }

  /** The inline token that follows a block opener, as phrasing content. */
  private inline(position: Position | undefined): PhrasingContent[] {
    const token = this.tokens[this.index];
    if (token?.type !== 'inline') return [];
    this.index++;
    return new InlineReader(token.children ?? [], this.source, position?.start.line ?? 1).phrasing(undefined);
  }

  /**
   * Lines come from the token; markdown-it keeps no columns, so the column is where `text` (or
   * else the first non-blank character) is on the first line: good enough to find the spot.
   */
  private position(map: [number, number] | null, text?: string): Position | undefined {
    if (!map) return undefined;
    const [first, last] = map;
    const line = this.source[first] ?? '';
    const found = text === undefined ? -1 : line.indexOf(text);
    const column = (found >= 0 ? found : line.search(/\S|$/)) + 1;
    return { start: { line: first + 1, column }, end: { line: last, column: 1 } };
  }
}

/**
 * Inline tokens to phrasing content. The line advances at each line break; the column of the
 * nodes handlers may warn about (raw HTML, images, links) is found by searching their markup from
 * the last one found on that line.
 */
class InlineReader {
  private index = 0;
  private cursor = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly source: readonly string[],
    private line: number,
  ) {}

  phrasing(until: string | undefined): PhrasingContent[] {
    const out: PhrasingContent[] = [];
    for (;;) {
      const token = this.tokens[this.index++];
      if (!token || token.type === until) return out;
      const node = this.node(token);
      if (!node) continue;
      const last = out[out.length - 1];
      // mdast keeps a soft line break inside its text; adjacent text is one node.
      if (node.type === 'text' && last?.type === 'text') last.value += node.value;
      else out.push(node);
    }
  }

  private node(token: Token): PhrasingContent | undefined {
    const position = this.here(markupOf(token));
    switch (token.type) {
      case 'text':
      case 'text_special':
        return { type: 'text', value: token.content, position };
      case 'softbreak':
        this.nextLine();
        return { type: 'text', value: '\n', position };
      case 'hardbreak':
        this.nextLine();
        return { type: 'break', position };
      case 'code_inline':
        return { type: 'inlineCode', value: token.content, position };
      case 'strong_open':
        return { type: 'strong', children: this.phrasing('strong_close'), position };
      case 'em_open':
        return { type: 'emphasis', children: this.phrasing('em_close'), position };
      case 'link_open': {
        const title = token.attrGet('title');
        const children = this.phrasing('link_close');
        return { type: 'link', url: token.attrGet('href') ?? '', title, children, position };
      }
      case 'image':
        return {
          type: 'image',
          url: token.attrGet('src') ?? '',
          title: token.attrGet('title'),
          alt: plainText(token.children ?? []),
          position,
        };
      case 'html_inline':
        return { type: 'html', value: token.content, position };
      default:
        return undefined;
    }
  }

  private here(markup: string | undefined): Position {
    let column = 1;
    if (markup !== undefined) {
      const found = (this.source[this.line - 1] ?? '').indexOf(markup, this.cursor);
      if (found >= 0) {
        column = found + 1;
        this.cursor = found + markup.length;
      }
    }
    const point = { line: this.line, column };
    return { start: point, end: point };
  }

  private nextLine(): void {
    this.line++;
    this.cursor = 0;
  }
}

/** What starts a token's markup in the source, for the nodes that can be warned about. */
function markupOf(token: Token): string | undefined {
  if (token.type === 'html_inline') return token.content;
  if (token.type === 'image') return '![';
  if (token.type === 'link_open') return token.markup === 'autolink' ? '<' : '[';
  return undefined;
}

/** The text of an image description, as mdast's `alt` holds it (markup left out). */
function plainText(tokens: readonly Token[]): string {
  let text = '';
  for (const token of tokens) {
    if (token.type === 'softbreak') text += '\n';
    else if (token.type === 'image') text += plainText(token.children ?? []);
    else if (token.type !== 'hardbreak') text += token.content;
  }
  return text;
}

/** The cells of a table row as written, split as markdown-it splits them (`\|` is no separator). */
function cellsIn(line: string): number {
  const row = line.replace(/^\s*(?:>\s?)*/, '').trim();
  const separator = (i: number) => row[i] === '|' && row[i - 1] !== '\\';
  let cells = 1;
  for (let i = 0; i < row.length; i++) if (separator(i)) cells++;
  if (row.startsWith('|')) cells--;
  if (row.length > 0 && separator(row.length - 1)) cells--;
  return cells;
}

function alignment(style: string | null): 'left' | 'center' | 'right' | null {
  const match = /text-align:(left|center|right)/.exec(style ?? '');
  return (match?.[1] as 'left' | 'center' | 'right' | undefined) ?? null;
}

function withoutFinalNewline(text: string): string {
  return text.endsWith('\n') ? text.slice(0, -1) : text;
}
