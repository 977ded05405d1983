import { describe, expect, it } from 'vitest';
import type { Block, Placeholder } from '../../src/model/nodes.js';
import { walkBlocks } from '../../src/model/text.js';
import { toModel } from './helpers.js';

function placeholders(blocks: readonly Block[]): string[] {
  const out: string[] = [];
  const inl = (nodes: readonly unknown[]): void => {
    for (const n of nodes as { type: string; children?: unknown[] }[]) {
      if (n.type === 'placeholder') out.push((n as Placeholder).field);
      if (n.children) inl(n.children);
    }
  };
  for (const b of walkBlocks(blocks)) {
    if (b.type === 'paragraph' || b.type === 'heading') inl(b.children);
    if (b.type === 'table') for (const r of b.rows) for (const c of r.cells) inl(c.children);
  }
  return out;
}

const data = {
  network: { ports: [{ port: 443, purpose: 'HTTPS' }, { port: 80, purpose: '' }, { port: 22 }] },
  product: { name: 'Pump' },
};

describe('placeholders name the full field path', () => {
  it('at the top level and in nested records', () => {
    const { blocks, rendered } = toModel('{{product.name}} {{product.version}} {{regulatory.cra.category}}', data);
    expect(placeholders(blocks)).toEqual(['product.version', 'regulatory.cra.category']);
    expect(rendered.placeholders.map((p) => p.field)).toEqual(['product.version', 'regulatory.cra.category']);
  });

  it('inside each, with, items, table, join and nested blocks', () => {
    const body = [
      '{{#each network.ports}}',
      '- {{port}}: {{purpose}}',
      '{{/each}}',
      '',
      '{{#with network}}{{#each ports}}{{#if (eq port 22)}}{{purpose}}{{/if}}{{/each}}{{/with}}',
      '',
      '{{#items network.ports}}',
      '{{#with this}}{{owner.name}}{{/with}}',
      '{{/items}}',
      '',
      '{{table network.ports "purpose:Purpose"}}',
      '',
      '{{join network.ports "purpose"}}',
      '',
      '{{#each network.ports as |p|}}{{#if (eq p.port 80)}}{{p.purpose}}{{/if}}{{/each}}',
    ].join('\n');
    const { blocks } = toModel(body, data);
    expect(placeholders(blocks)).toEqual([
      'network.ports[1].purpose',
      'network.ports[2].purpose',
      'network.ports[2].purpose',
      'network.ports[0].owner.name',
      'network.ports[1].owner.name',
      'network.ports[2].owner.name',
      'network.ports[1].purpose',
      'network.ports[2].purpose',
      'network.ports[1].purpose',
      'network.ports[2].purpose',
      'network.ports[1].purpose',
    ]);
  });

  it('over records keyed by name, and for `this` in a list of strings', () => {
    const { blocks } = toModel('{{#each contacts}}{{email}} {{/each}}{{#each tags}}[{{this}}]{{/each}}', {
      contacts: { support: { email: 'a@b.c' }, security: {} },
      tags: ['x', ' '],
    });
    expect(placeholders(blocks)).toEqual(['contacts.security.email', 'tags[1]']);
  });

  it('with a label from the schema and a visible text', () => {
    const { blocks } = toModel('{{a.b}}', {}, {}, { fieldLabel: (p) => (p === 'a.b' ? 'End of *support*' : p) });
    expect(blocks).toEqual([{ type: 'paragraph', children: [{ type: 'placeholder', field: 'a.b', label: 'End of *support*' }] }]);
  });

  it('front matter fields render as plain text with visible placeholders', () => {
    const { rendered } = toModel('x', { product: { name: 'A *b*' } }, {
      'demo/document.md': '---\ntitle: Secure operation of {{product.name}}\nnumber: "{{product.id}}-SO"\nkeywords: [a, "{{product.name}}"]\n---\nx\n',
    });
    expect(rendered.frontMatter).toEqual({
      title: 'Secure operation of A *b*',
      number: '[TBD: Label of product.id (product.id)]-SO',
      keywords: ['a', 'A *b*'],
    });
    expect(rendered.placeholders[0]).toEqual({ field: 'product.id', label: 'Label of product.id' });
  });
});
