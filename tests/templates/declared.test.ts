import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/model/nodes.js';
import { inlineText, walkBlocks } from '../../src/model/text.js';
import { toModel } from './helpers.js';

/** Paragraphs, headings and table rows as text, one per line. */
function text(blocks: readonly Block[]): string {
  const out: string[] = [];
  for (const b of walkBlocks(blocks)) {
    if (b.type === 'paragraph' || b.type === 'heading') out.push(inlineText(b.children));
    if (b.type === 'table') for (const row of b.rows) out.push(row.cells.map((c) => inlineText(c.children)).join(' | '));
  }
  return out.join('\n');
}

function render(body: string, data: Record<string, unknown>, ctx = {}): { text: string; placeholders: string[] } {
  const r = toModel(body, data, {}, ctx);
  return { text: text(r.blocks), placeholders: r.rendered.placeholders.map((p) => p.field) };
}

const NONE = { apis: { none: 'the pump exposes no API' } };
const NA = { remote: { not_applicable: 'the pump offers no remote service' } };

describe('"none" and "not applicable" in templates', () => {
  it('prints a list declared none as its reason wherever the list is printed, never as a TBD', () => {
    for (const body of [
      '{{apis}}',
      '{{join apis "name"}}',
      '{{#items apis}}\n- {{name}}\n{{/items}}',
      '{{table apis "name:Name" "purpose:Purpose"}}',
      'APIs: {{#each apis}}{{name}}{{else}}no APIs{{/each}}',
    ]) {
      const r = render(body, NONE);
      expect(r.placeholders, body).toEqual([]);
      expect(r.text, body).toContain('None: the pump exposes no API');
      expect(r.text, body).not.toContain('TBD');
    }
    // As a paragraph of its own the reason is a sentence; inline the template's sentence goes on.
    expect(render('{{table apis "name:Name"}}', NONE).text).toBe('None: the pump exposes no API.');
    expect(render('APIs: {{join apis "name"}}.', NONE).text).toBe('APIs: None: the pump exposes no API.');
  });

  it('prints each field of a group declared not applicable as the reason', () => {
    const r = render('| What | Value |\n|---|---|\n| Who starts it | {{remote.initiation}} |\n| Indicator | {{remote.indicator}} |', NA);
    expect(r.placeholders).toEqual([]);
    expect(r.text.split('\n').slice(1)).toEqual([
      'Who starts it | Not applicable: the pump offers no remote service',
      'Indicator | Not applicable: the pump offers no remote service',
    ]);
    // Also inside `with`, and for yes/no and date fields of the group.
    expect(render('{{#with remote}}{{initiation}}; {{yesno enabled}}; {{date since "long"}}{{/with}}', NA).text).toBe(
      'Not applicable: the pump offers no remote service; Not applicable: the pump offers no remote service; Not applicable: the pump offers no remote service',
    );
  });

  it('lets `if` and `present` treat a declaration as absent', () => {
    expect(render('{{#if apis}}has APIs{{else}}no APIs{{/if}}', NONE).text).toBe('no APIs');
    expect(render('{{#if (present apis)}}has APIs{{else}}no APIs{{/if}}', NONE).text).toBe('no APIs');
    expect(render('{{#if remote}}remote{{else}}no remote{{/if}}', NA).text).toBe('no remote');
    expect(render('{{#if remote.initiation}}remote{{else}}no remote{{/if}}', NA).text).toBe('no remote');
    expect(render('{{#unless apis}}none{{/unless}}', NONE).text).toBe('none');
  });

  it('keeps values a group gives beside `not_applicable`, and TBDs for a group that declares nothing', () => {
    const mixed = { remote: { not_applicable: 'no remote service', initiation: 'The hospital starts it.' } };
    expect(render('{{remote.initiation}} / {{remote.indicator}}', mixed).text).toBe('The hospital starts it. / Not applicable: no remote service');
    const r = render('{{remote.initiation}}', { remote: { enabled: false } });
    expect(r.placeholders).toEqual(['remote.initiation']);
  });

  it('does not let a stray `none` key in an ordinary record pass for a declaration', () => {
    const r = render('{{#each xs}}{{name}} {{/each}}', { xs: [{ name: 'a', none: 'x' }] });
    expect(r.text).toBe('a');
  });

  it('prints prose given instead of records, in `table`, `items` and `each`', () => {
    const data = { rules: 'Block all inbound traffic; allow outbound HTTPS to the update server only.' };
    expect(render('{{table rules "source:Source" "action:Action"}}', data).text).toBe(data.rules);
    expect(render('{{#items rules}}\n- {{source}}\n{{/items}}', data).text).toBe(data.rules);
    expect(render('Rules: {{#each rules}}{{source}}{{/each}}', data).text).toBe(`Rules: ${data.rules}`);
  });

  it('prints a month date as the month', () => {
    expect(render('{{date end "long"}}', { end: '2027-12' }).text).toBe('December 2027');
    expect(render('{{date end "long"}}', { end: '2027-12' }, { locale: 'de' }).text).toBe('Dezember 2027');
    expect(render('{{date end}}', { end: '2027-12' }).text).toBe('2027-12');
  });
});

describe('`if` on a value the document still needs', () => {
  const needed = (paths: Record<string, 'yes-no' | 'value'>) => ({ needed: (p: string) => paths[p] });

  it('shows the block with its TBDs instead of leaving the value out', () => {
    const body = '| Field | Value |\n|---|---|\n| Plan | {{pms.plan}} |\n{{#if pms.version}}\n| Template version | {{pms.version}} |\n{{/if}}';
    const data = { pms: { plan: 'PMS-1' } };
    expect(render(body, data).placeholders).toEqual([]);
    const r = render(body, data, needed({ 'pms.version': 'value' }));
    expect(r.placeholders).toEqual(['pms.version']);
    expect(r.text).toContain('Template version | [TBD: Label of pms.version (pms.version)]');
  });

  it('shows an unanswered yes/no condition as a TBD, not as either branch', () => {
    const body = 'Remote service is {{#if remote.enabled}}available{{else}}not offered{{/if}}.';
    expect(render(body, {}).text).toBe('Remote service is not offered.');
    const r = render(body, {}, needed({ 'remote.enabled': 'yes-no' }));
    expect(r.text).toBe('Remote service is [TBD: Label of remote.enabled (remote.enabled)].');
    // An answered condition and a declared one are not gaps.
    expect(render(body, { remote: { enabled: false } }, needed({ 'remote.enabled': 'yes-no' })).text).toBe('Remote service is not offered.');
    expect(render(body, { remote: { not_applicable: 'none' } }, needed({ 'remote.enabled': 'yes-no' })).text).toBe('Remote service is not offered.');
  });
});

describe('`each` over a list the document still needs', () => {
  it('prints a TBD instead of its else text', () => {
    const body = 'Ports: {{#each ports}}{{port}} {{else}}no ports{{/each}}.';
    expect(render(body, {}).text).toBe('Ports: no ports.');
    const r = render(body, {}, { needed: (p: string) => (p === 'ports' ? 'value' : undefined) });
    expect(r.text).toBe('Ports: [TBD: Label of ports (ports)].');
    expect(r.placeholders).toEqual(['ports']);
  });
});
