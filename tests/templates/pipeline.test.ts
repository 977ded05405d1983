import { describe, expect, it } from 'vitest';
import { fromMarkdown } from '../../src/markdown/from-markdown.js';
import { inlineText } from '../../src/model/text.js';
import { loadTemplates } from '../../src/pipeline/template-set.js';
import { templatesFromPrecompiled } from '../../src/templates/load.js';
import { renderTemplate } from '../../src/templates/render.js';
import { prepareBlocks } from '../../src/transform/prepare.js';
import { CLAUSE_IDS, context, load } from './helpers.js';

describe('template → Markdown → model', () => {
  it('renders the fixture set with partials, numbering and tables', () => {
    const set = loadTemplates(new URL('./fixtures/basic', import.meta.url).pathname, { clauseIds: CLAUSE_IDS });
    expect(set.diagnostics).toEqual([]);
    expect([...set.value.documents.keys()]).toEqual(['demo']);
    expect([...set.value.partials]).toEqual(['demo/ports', 'partials/contact']);
    const data = { product: { name: 'Pump <X>', id: 'p-1', version: '2.0' }, network: { ports: [{ port: 443, purpose: 'HTTPS' }] }, manufacturer: { email: 'psirt@example.com' } };
    const rendered = renderTemplate(set.value, 'demo', context(data));
    expect(rendered.diagnostics).toEqual([]);
    expect(rendered.value.placeholders).toEqual([]);
    expect(rendered.value.frontMatter.number).toBe('p-1-DM');
    const model = fromMarkdown(rendered.value.markdown, 'demo', rendered.value.lines);
    expect(model.diagnostics).toEqual([]);
    const blocks = prepareBlocks(model.value);
    expect(blocks.map((b) => b.type)).toEqual(['toc', 'heading', 'paragraph', 'list', 'heading', 'table', 'heading', 'paragraph']);
    const headings = blocks.flatMap((b) => (b.type === 'heading' ? [`${b.number} ${inlineText(b.children)} [${b.clauses.join(',')}]`] : []));
    expect(headings).toEqual(['1 Scope [CRA-AII-1]', '1.1 Ports []', '1.2 Contact []']);
    const para = blocks[2];
    expect(para?.type === 'paragraph' ? inlineText(para.children) : '').toBe('This applies to Pump <X> version 2.0.');
  });

  it('Markdown warnings point at the partial file and line that wrote the HTML', () => {
    const { set, diagnostics } = load({
      'demo/document.md': '---\ntitle: T\n---\n# A\n\n{{#each xs}}\n{{> demo/part}}\n{{/each}}\n',
      'demo/part.md': 'Item {{this}}\n\n<div>{{this}}</div>\n\n',
    });
    expect(diagnostics).toEqual([]);
    const rendered = renderTemplate(set, 'demo', context({ xs: ['a', 'b'] }));
    const model = fromMarkdown(rendered.value.markdown, 'demo', rendered.value.lines);
    expect(model.diagnostics.map((d) => [d.code, d.source?.file.split('/').slice(-2).join('/'), d.source?.range?.start.line])).toEqual([
      ['markdown/raw-html', 'demo/part.md', 3],
      ['markdown/raw-html', 'demo/part.md', 3],
    ]);
  });

  it('a set rebuilt from its precompiled form (as a worker thread gets it) renders the same text, placeholders and lines', () => {
    const set = loadTemplates(new URL('./fixtures/basic', import.meta.url).pathname, { clauseIds: CLAUSE_IDS }).value;
    expect(set.precompiled).toBeDefined();
    if (set.precompiled === undefined) return;
    const rebuilt = templatesFromPrecompiled(structuredClone(set.precompiled));
    expect([...rebuilt.documents.keys()]).toEqual([...set.documents.keys()]);
    expect(rebuilt.fingerprint).toBe(set.fingerprint);
    for (const data of [{ product: { name: 'Pump <X>', id: 'p-1', version: '2.0' }, network: { ports: [{ port: 443, purpose: 'HTTPS' }] } }, {}]) {
      const a = renderTemplate(set, 'demo', context(data));
      const b = renderTemplate(rebuilt, 'demo', context(data));
      expect(b.value.markdown).toBe(a.value.markdown);
      expect(b.value.placeholders).toEqual(a.value.placeholders);
      expect(b.value.lines).toEqual(a.value.lines);
      expect(b.value.frontMatter).toEqual(a.value.frontMatter);
      expect(b.diagnostics).toEqual(a.diagnostics);
    }
  });

  it('the same template set renders many products without interference', () => {
    const { set } = load({ 'demo/document.md': '---\ntitle: T\n---\n{{product.name}}\n' });
    const a = renderTemplate(set, 'demo', context({ product: { name: 'A' } }));
    const b = renderTemplate(set, 'demo', context({}));
    const a2 = renderTemplate(set, 'demo', context({ product: { name: 'A' } }));
    expect(a.value.markdown).toBe(a2.value.markdown);
    expect(b.value.placeholders.map((p) => p.field)).toEqual(['product.name']);
  });
});
