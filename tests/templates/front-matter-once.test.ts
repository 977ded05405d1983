import { describe, expect, it } from 'vitest';
import { renderFrontMatter, renderTemplate } from '../../src/templates/render.js';
import { context, load } from './helpers.js';

/** The front matter is rendered once per document, and its fields can name the document. */
describe('renderFrontMatter with a number to resolve', () => {
  const { set, diagnostics } = load({
    'demo/document.md': [
      '---',
      'title: "Guide {{doc \\"number\\"}}"',
      'number: "{{product.id}}-G"',
      'subtitle: "{{doc \\"title\\"}}, {{product.missing_field}}"',
      '---',
      '# {{doc "title"}} ({{doc "number"}})',
      '',
    ].join('\n'),
  });

  it('renders the number first, then the title with it, then the rest with both, and the body sees them', () => {
    expect(diagnostics).toEqual([]);
    const front = renderFrontMatter(set, 'demo', context({ product: { id: 'p-1' } }, { meta: { title: '', number: '', version: '1', date: '2027-01-02', status: 'Draft' } }), (n) => n ?? 'demo');
    expect(front.value.context.meta).toMatchObject({ number: 'p-1-G', title: 'Guide p-1-G' });
    expect(front.value.frontMatter.subtitle).toMatch(/^Guide p-1-G, /);
    const body = renderTemplate(set, 'demo', context({}), { value: front.value, diagnostics: [] });
    expect(body.value.markdown).toContain('# Guide p\\-1\\-G (p\\-1\\-G)');
    // The front matter's placeholders come once, first.
    expect(body.value.placeholders.filter((p) => p.field === 'product.missing_field')).toHaveLength(1);
    expect(body.value.placeholders.slice(0, front.value.placeholders.length)).toEqual(front.value.placeholders);
  });

  it('keeps a number given by the data and the field order of the placeholders', () => {
    const front = renderFrontMatter(set, 'demo', context({ product: {} }), () => 'FIXED-1');
    expect(front.value.context.meta.number).toBe('FIXED-1');
    expect(front.value.frontMatter.title).toBe('Guide FIXED-1');
    // In field order (title, subtitle, number), whatever the order they rendered in.
    expect(front.value.placeholders.map((p) => p.field)).toEqual(['product.missing_field', 'product.id']);
  });
});
