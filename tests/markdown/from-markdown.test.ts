import { describe, expect, it } from 'vitest';
import { fromMarkdown } from '../../src/markdown/from-markdown.js';
import { MAX_NESTING } from '../../src/markdown/parse.js';
import type { Block } from '../../src/model/nodes.js';
import { ensureUniqueIds, numberHeadings, prepareBlocks } from '../../src/transform/prepare.js';

const md = (text: string) => fromMarkdown(text, 'test.md');
const blocks = (text: string): Block[] => {
  const r = md(text);
  expect(r.diagnostics).toEqual([]);
  return r.value;
};

describe('fromMarkdown', () => {
  it('headings with clauses, ids and inline formatting', () => {
    expect(blocks('# Scope *and* use\n<!-- clauses: CRA-AII-1, MDCG-2019-16-4.2 -->\n\n#### Détails')).toEqual([
      {
        type: 'heading',
        depth: 1,
        id: 'scope-and-use',
        clauses: ['CRA-AII-1', 'MDCG-2019-16-4.2'],
        children: [
          { type: 'text', value: 'Scope ' },
          { type: 'emphasis', children: [{ type: 'text', value: 'and' }] },
          { type: 'text', value: ' use' },
        ],
      },
      { type: 'heading', depth: 4, id: 'details', clauses: [], children: [{ type: 'text', value: 'Détails' }] },
    ]);
  });

  it('paragraph inlines: soft breaks are spaces, hard breaks, code, strong, links, placeholders', () => {
    expect(blocks('a\nb\\\nc **s** `x` [l](https://e.org) \uE000f.g\uE001Label\uE002')).toEqual([
      {
        type: 'paragraph',
        children: [
          { type: 'text', value: 'a b' },
          { type: 'break' },
          { type: 'text', value: 'c ' },
          { type: 'strong', children: [{ type: 'text', value: 's' }] },
          { type: 'text', value: ' ' },
          { type: 'inlineCode', value: 'x' },
          { type: 'text', value: ' ' },
          { type: 'link', url: 'https://e.org', children: [{ type: 'text', value: 'l' }] },
          { type: 'text', value: ' ' },
          { type: 'placeholder', field: 'f.g', label: 'Label' },
        ],
      },
    ]);
  });

  it('nested and ordered lists with start', () => {
    expect(blocks('3. one\n   - a\n   - b\n4. two')).toEqual([
      {
        type: 'list',
        ordered: true,
        start: 3,
        items: [
          {
            type: 'listItem',
            children: [
              { type: 'paragraph', children: [{ type: 'text', value: 'one' }] },
              {
                type: 'list',
                ordered: false,
                start: 1,
                items: [
                  { type: 'listItem', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'a' }] }] },
                  { type: 'listItem', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'b' }] }] },
                ],
              },
            ],
          },
          { type: 'listItem', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'two' }] }] },
        ],
      },
    ]);
  });

  it('tables: alignment, widths directive, no widths without it, short rows padded', () => {
    const [t] = blocks('<!-- widths: 2,1 -->\n| A | B |\n| :-: | --: |\n| x |');
    expect(t).toMatchObject({
      type: 'table',
      headerRows: 1,
      columns: [
        { align: 'center', width: 2 },
        { align: 'right', width: 1 },
      ],
    });
    expect(t?.type === 'table' ? t.rows[1]?.cells.length : 0).toBe(2);
    const [u] = blocks('| Short | Column |\n| --- | --- |\n| a | a much longer piece of text here |');
    // Without a directive the renderers measure the cells: the model carries no guessed widths.
    expect(u?.type === 'table' ? u.columns : []).toEqual([{ align: 'left' }, { align: 'left' }]);
  });

  it('directives, admonitions, code, breaks and images', () => {
    expect(
      blocks(
        '<!-- toc -->\n\n<!-- pagebreak -->\n\n> [!WARNING]\n> Do **not** unplug.\n\n```\ncode {x}\n```\n\n---\n\n![Diagram](net.png "80mm")',
      ),
    ).toEqual([
      { type: 'toc', title: 'Contents', depth: 3 },
      { type: 'pageBreak' },
      {
        type: 'admonition',
        kind: 'warning',
        children: [
          {
            type: 'paragraph',
            children: [
              { type: 'text', value: 'Do ' },
              { type: 'strong', children: [{ type: 'text', value: 'not' }] },
              { type: 'text', value: ' unplug.' },
            ],
          },
        ],
      },
      { type: 'code', value: 'code {x}' },
      { type: 'thematicBreak' },
      { type: 'image', src: 'net.png', alt: 'Diagram', widthMm: 80 },
    ]);
  });

  it('raw HTML is dropped with a warning that names origin and line', () => {
    const r = md('Text\n\n<div>x</div>\n\nMore <b>bold</b>.');
    expect(r.value).toEqual([
      { type: 'paragraph', children: [{ type: 'text', value: 'Text' }] },
      { type: 'paragraph', children: [{ type: 'text', value: 'More bold.' }] },
    ]);
    expect(r.diagnostics.map((d) => [d.severity, d.code, d.source?.file, d.source?.range?.start.line])).toEqual([
      ['warning', 'markdown/raw-html', 'test.md', 3],
      ['warning', 'markdown/raw-html', 'test.md', 5],
      ['warning', 'markdown/raw-html', 'test.md', 5],
    ]);
  });

  it('maps warnings to template lines when given', () => {
    const lines = [
      { file: 'templates/x/document.md', range: { start: { line: 7, column: 1 }, end: { line: 7, column: 1 } } },
    ];
    const r = fromMarkdown('<span>', 'x', lines);
    expect(r.diagnostics[0]?.source).toEqual(lines[0]);
  });

  it('a table row with more cells than the header: the extra cells are left out with a warning on that row', () => {
    const r = md('Intro\n\n| A | B |\n| --- | --- |\n| 1 | 2 | 3 | 4 |\n| a \\| b | c |');
    const t = r.value[1];
    expect(t?.type === 'table' ? t.rows.map((row) => row.cells.length) : []).toEqual([2, 2, 2]);
    // An escaped pipe is text inside its cell, not a separator.
    expect(t?.type === 'table' ? t.rows[2]?.cells[0]?.children : []).toEqual([{ type: 'text', value: 'a | b' }]);
    expect(r.diagnostics.map((d) => [d.code, d.source?.range?.start.line, d.message])).toEqual([
      ['markdown/table-cells', 5, 'this table row has 4 cells but the header row has 2; the last 2 were left out'],
    ]);
  });

  it('warnings point at the line and column of the inline markup, also after line breaks and in containers', () => {
    const r = md('one\ntwo <b>x</b> and ![i](a.png)\n\n> - see [here](ftp://h.org)\n>   [ok](https://e.org) <i>');
    expect(r.diagnostics.map((d) => [d.code, d.source?.range?.start.line, d.source?.range?.start.column])).toEqual([
      ['markdown/raw-html', 2, 5],
      ['markdown/raw-html', 2, 9],
      ['markdown/inline-image', 2, 18],
      ['markdown/link-url', 4, 9],
      ['markdown/raw-html', 5, 25],
    ]);
  });

  it('reference links resolve to their definition, the first definition wins, and unknown ones stay text', () => {
    expect(blocks('See [the site][s] and [other].\n\n[s]: https://one.org\n[S]: https://two.org')).toEqual([
      {
        type: 'paragraph',
        children: [
          { type: 'text', value: 'See ' },
          { type: 'link', url: 'https://one.org', children: [{ type: 'text', value: 'the site' }] },
          { type: 'text', value: ' and [other].' },
        ],
      },
    ]);
  });

  it('link targets are kept as written, and characters outside ASCII are not percent-encoded', () => {
    expect(blocks('[a](https://e.org/ä?q=1&amp;r=2) <https://x.org/ö>')).toEqual([
      {
        type: 'paragraph',
        children: [
          { type: 'link', url: 'https://e.org/ä?q=1&r=2', children: [{ type: 'text', value: 'a' }] },
          { type: 'text', value: ' ' },
          { type: 'link', url: 'https://x.org/ö', children: [{ type: 'text', value: 'https://x.org/ö' }] },
        ],
      },
    ]);
  });

  it('containers nested too deep for the parser: an error on that line instead of text silently left out', () => {
    const deep = (levels: number) => md(`Intro\n\n${'>'.repeat(levels)} deep text\n\nafter`);
    const shallow = deep(MAX_NESTING - 10);
    expect(shallow.diagnostics).toEqual([]);
    expect(JSON.stringify(shallow.value)).toContain('deep text');
    const tooDeep = deep(MAX_NESTING + 10);
    expect(JSON.stringify(tooDeep.value)).not.toContain('deep text');
    expect(tooDeep.diagnostics.map((d) => [d.severity, d.code, d.source?.range?.start.line])).toEqual([
      ['error', 'markdown/too-deep', 3],
    ]);
  });

  it('plain block quotes become ordinary blocks; misplaced directives and bad links warn', () => {
    const r = md('> quoted\n\npara\n\n<!-- clauses: A -->\n\n[x](javascript:alert(1))');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['markdown/misplaced-directive', 'markdown/link-url']);
    expect(r.value).toEqual([
      { type: 'paragraph', children: [{ type: 'text', value: 'quoted' }] },
      { type: 'paragraph', children: [{ type: 'text', value: 'para' }] },
      { type: 'paragraph', children: [{ type: 'text', value: 'x' }] },
    ]);
  });
});

describe('transforms', () => {
  const h = (depth: 1 | 2 | 3 | 4, id: string): Block => ({ type: 'heading', depth, id, clauses: [], children: [] });

  it('numbers depths 1-3 and leaves deeper headings unnumbered', () => {
    const out = numberHeadings([h(1, 'a'), h(2, 'b'), h(3, 'c'), h(4, 'd'), h(2, 'e'), h(1, 'f'), h(3, 'g')]);
    expect(out.map((b) => (b.type === 'heading' ? (b.number ?? '-') : ''))).toEqual([
      '1',
      '1.1',
      '1.1.1',
      '-',
      '1.2',
      '2',
      '2.0.1',
    ]);
  });

  it('makes ids unique, also inside lists and admonitions', () => {
    const nested: Block = { type: 'admonition', kind: 'note', children: [h(4, 'scope')] };
    const out = ensureUniqueIds([h(1, 'scope'), h(2, 'scope'), nested, h(2, 'scope-2')]);
    const ids = [out[0], out[1], out[3]].map((b) => (b?.type === 'heading' ? b.id : ''));
    const inner = out[2]?.type === 'admonition' ? out[2].children[0] : undefined;
    expect([...ids, inner?.type === 'heading' ? inner.id : '']).toEqual(['scope', 'scope-2', 'scope-2-2', 'scope-3']);
  });

  it('prepareBlocks does both', () => {
    const out = prepareBlocks([h(1, 'x'), h(1, 'x')]);
    expect(out.map((b) => (b.type === 'heading' ? `${b.number} ${b.id}` : ''))).toEqual(['1 x', '2 x-2']);
  });
});
