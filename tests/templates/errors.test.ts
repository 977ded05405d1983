import { describe, expect, it } from 'vitest';
import { renderTemplate } from '../../src/templates/render.js';
import { context, FRONT, load, renderBody } from './helpers.js';

const where = (d: { code: string; source?: { file: string; range?: { start: { line: number; column: number } } } }) =>
  [d.code, d.source?.file.split('/').slice(-2).join('/'), d.source?.range?.start.line, d.source?.range?.start.column];

describe('template errors carry file, line and column', () => {
  it('unknown helpers, with a suggestion', () => {
    const { diagnostics } = load({ 'demo/document.md': `${FRONT}\nText {{dates product.end "long"}}\n{{#each xs}}{{#fi a}}{{/fi}}{{/each}}\n` });
    expect(diagnostics.map(where)).toEqual([
      ['template/unknown-helper', 'demo/document.md', 5, 6],
      ['template/unknown-helper', 'demo/document.md', 6, 13],
    ]);
    expect(diagnostics[0]?.hints?.[0]).toContain('`date`');
    expect(diagnostics[0]?.excerpt).toBe('Text {{dates product.end "long"}}');
  });

  it('syntax errors', () => {
    const a = load({ 'demo/document.md': `${FRONT}line\n{{#if x}}\n  ok\n{{/each}}\n` });
    expect(a.diagnostics.map(where)).toEqual([['template/syntax', 'demo/document.md', 5, 4]]);
    const b = load({ 'demo/document.md': `${FRONT}line\nSee {{product.name}\n` });
    expect(b.diagnostics.map((d) => [d.code, d.source?.range?.start.line])).toEqual([['template/syntax', 5]]);
    expect(b.diagnostics[0]?.source?.range?.start.column).toBeGreaterThan(4);
  });

  it('triple braces are refused', () => {
    const { diagnostics } = load({ 'demo/document.md': `${FRONT}{{{product.name}}} and {{& product.name}}` });
    expect(diagnostics.map(where)).toEqual([
      ['template/raw-output', 'demo/document.md', 4, 1],
      ['template/raw-output', 'demo/document.md', 4, 24],
    ]);
  });

  it('unknown clause ids in {{clause}} and in <!-- clauses: --> comments', () => {
    const { diagnostics } = load({
      'demo/document.md': `${FRONT}# Scope\n<!-- clauses: CRA-AII-1, CRA-AII-9 -->\n\n{{clause "CRA-XX"}}\n`,
    });
    expect(diagnostics.map(where)).toEqual([
      ['template/unknown-clause', 'demo/document.md', 5, 1],
      ['template/unknown-clause', 'demo/document.md', 7, 1],
    ]);
    expect(diagnostics[0]?.message).toContain('CRA-AII-9');
  });

  it('unknown clause ids from the context at render time', () => {
    const { set } = load({ 'demo/document.md': `${FRONT}{{clause "CRA-AII-2"}}` });
    const result = renderTemplate(set, 'demo', context({}));
    expect(result.diagnostics.map(where)).toEqual([['template/unknown-clause', 'demo/document.md', 4, 1]]);
  });

  it('unknown instruments and partials, partial arguments', () => {
    const { diagnostics } = load({
      'demo/document.md': `${FRONT}{{#applies "CRAA"}}x{{/applies}}\n{{> demo/prts}}\n{{> demo/ports network}}\n`,
      'demo/ports.md': 'ports',
    });
    expect(diagnostics.map(where)).toEqual([
      ['template/unknown-instrument', 'demo/document.md', 4, 1],
      ['template/partial-arguments', 'demo/document.md', 6, 1],
      ['template/unknown-partial', 'demo/document.md', 5, 1],
    ]);
    expect(diagnostics[2]?.hints?.[0]).toContain('demo/ports');
  });

  it('runtime errors point at the call in the partial that made them', () => {
    const result = renderBody('Intro\n\n{{> demo/part}}\n', { items: [{ a: 1 }] }, { 'demo/part.md': 'one\n\ntwo {{items}}\n' });
    expect(result.diagnostics.map(where)).toEqual([['template/not-text', 'demo/part.md', 3, 5]]);
    expect(result.diagnostics[0]?.fieldPath).toBe('items');
  });

  it('front matter problems', () => {
    const { diagnostics } = load({ 'demo/document.md': '---\ntitle: [unclosed\n---\nx', 'other/document.md': 'no front matter' });
    expect(diagnostics.map((d) => [d.code, d.source?.file.split('/').slice(-2).join('/')])).toEqual([
      ['template/front-matter', 'demo/document.md'],
      ['template/front-matter', 'other/document.md'],
    ]);
  });

  it('prototype properties of the data are never reachable', () => {
    const result = renderBody('{{constructor.name}} {{x.__proto__}} {{x.toString}}', { x: {} });
    expect(result.diagnostics).toEqual([]);
    expect(result.value.placeholders.map((p) => p.field)).toEqual(['constructor.name', 'x.__proto__', 'x.toString']);
  });
});
