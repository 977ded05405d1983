import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/model/nodes.js';
import { inlineText, walkBlocks } from '../../src/model/text.js';
import { renderBody, toModel } from './helpers.js';

const text = (blocks: readonly Block[]): string =>
  [...walkBlocks(blocks)]
    .map((b) => (b.type === 'paragraph' || b.type === 'heading' ? inlineText(b.children) : ''))
    .filter((s) => s !== '')
    .join('\n');

const render = (body: string, data: Record<string, unknown>, ctx = {}) => text(toModel(body, data, {}, ctx).blocks);

describe('helpers', () => {
  it('date: ISO as written and long form per locale', () => {
    const data = { end: '2027-12-31' };
    expect(render('{{date end}}', data)).toBe('2027-12-31');
    expect(render('{{date end "long"}}', data)).toBe('31 December 2027');
    expect(render('{{date end "long"}}', data, { locale: 'de' })).toBe('31. Dezember 2027');
    expect(render('{{date end "long"}}', data, { locale: 'fr' })).toBe('31 décembre 2027');
  });

  it('date "on": "on" before a day, "in" before a month, so the sentence reads right for either', () => {
    expect(render('ends {{date end "on"}}', { end: '2033-05-31' })).toBe('ends on 31 May 2033');
    expect(render('ends {{date end "on"}}', { end: '2033-05' })).toBe('ends in May 2033');
    expect(render('ends {{date end "on"}}', {})).toBe('ends on [TBD: Label of end (end)]');
  });

  it('applicability "verdict": the decision without the leading instrument name', () => {
    const ctx = {
      applicability: {
        CRA: { applies: false, reason: 'Cyber Resilience Act: not applicable: medical device (CRA Art. 2(2)(a))' },
        MDS2: { applies: false, reason: 'MDS2 is a disclosure form for healthcare-provider IT' },
      },
    };
    expect(render('{{applicability "CRA"}}', {}, ctx)).toBe(
      'Cyber Resilience Act: not applicable: medical device (CRA Art. 2(2)(a))',
    );
    expect(render('{{applicability "CRA" "verdict"}}', {}, ctx)).toBe('not applicable: medical device (CRA Art. 2(2)(a))');
    // A reason that does not open with a name is printed whole.
    expect(render('{{applicability "MDS2" "verdict"}}', {}, ctx)).toBe('MDS2 is a disclosure form for healthcare-provider IT');
    expect(renderBody('{{applicability "CRA" "short"}}', {}, {}, ctx).diagnostics.map((d) => d.code)).toEqual([
      'template/unknown-applicability-form',
    ]);
  });

  it('date: a missing date is a placeholder, a malformed one an error', () => {
    expect(render('{{date support.end "long"}}', {})).toBe('[TBD: Label of support.end (support.end)]');
    const bad = renderBody('{{date end}}', { end: '31.12.2027' });
    expect(bad.diagnostics.map((d) => d.code)).toEqual(['template/not-a-date']);
    expect(bad.diagnostics[0]?.fieldPath).toBe('end');
  });

  it('join: prose lists with the locale conjunction, of strings or one field of records', () => {
    expect(render('{{join xs}}', { xs: ['a', 'b', 'c'] })).toBe('a, b and c');
    expect(render('{{join xs}}', { xs: ['a', 'b'] })).toBe('a and b');
    expect(render('{{join xs}}', { xs: ['only'] })).toBe('only');
    expect(render('{{join xs}}', { xs: ['a', 'b', 'c'] }, { locale: 'de' })).toBe('a, b und c');
    expect(render('{{join ports "name"}}', { ports: [{ name: 'HTTPS' }, { name: '*SSH*' }] })).toBe('HTTPS and *SSH*');
    expect(render('{{join ports "name"}}', { ports: [{ name: 'HTTPS' }, {}] })).toBe('HTTPS and [TBD: Label of ports[1].name (ports[1].name)]');
    expect(render('{{join xs}}', {})).toBe('[TBD: Label of xs (xs)]');
  });

  it('yesno: Yes, No, or a placeholder', () => {
    expect(render('{{yesno a}} {{yesno b}} {{yesno c}}', { a: true, b: false })).toBe('Yes No [TBD: Label of c (c)]');
  });

  it('tbd: explicit placeholder with the given or the schema label', () => {
    const { blocks, rendered } = toModel('{{tbd "support.end" "end of the support period"}} {{tbd "x.y"}}', {});
    expect(text(blocks)).toBe('[TBD: end of the support period (support.end)] [TBD: Label of x.y (x.y)]');
    expect(rendered.placeholders).toEqual([
      { field: 'support.end', label: 'end of the support period' },
      { field: 'x.y', label: 'Label of x.y' },
    ]);
  });

  it('eq, ne, includes, and, or, not, present in conditions', () => {
    const data = { kind: 'pump', markets: ['EU', 'US'], yes: true, no: false, zero: 0, blank: '' };
    const t = (cond: string) => render(`{{#if ${cond}}}T{{else}}F{{/if}}`, data);
    expect([t('(eq kind "pump")'), t('(eq kind "meter")'), t('(ne kind "meter")')]).toEqual(['T', 'F', 'T']);
    expect([t('(includes markets "US")'), t('(includes markets "JP")'), t('(includes missing "US")')]).toEqual(['T', 'F', 'F']);
    expect([t('(and yes kind)'), t('(and yes no)'), t('(or no blank)'), t('(or no kind)')]).toEqual(['T', 'F', 'F', 'T']);
    expect([t('(not no)'), t('(not yes)')]).toEqual(['T', 'F']);
    expect([t('(present zero)'), t('(present no)'), t('(present blank)'), t('(present nothing.at.all)')]).toEqual(['T', 'T', 'F', 'F']);
    expect(t('(and (present kind) (not (eq kind "meter")))')).toBe('T');
  });

  it('if / unless / with / each on missing data do not throw in strict mode', () => {
    expect(render('{{#if a.b.c}}T{{else}}F{{/if}}{{#unless a.b}}U{{/unless}}', {})).toBe('FU');
    expect(render('{{#with product}}{{name}}{{else}}none{{/with}}', {})).toBe('none');
    expect(render('{{#each list}}x{{else}}empty{{/each}}', {})).toBe('empty');
  });

  it('each: @index, @first, @last, block params, ../ and @root', () => {
    const data = { name: 'Pump', ports: [{ port: 1 }, { port: 2 }] };
    expect(render('{{#each ports}}{{@index}}:{{port}}{{#if @last}}.{{else}}, {{/if}}{{/each}}', data)).toBe('0:1, 1:2.');
    expect(render('{{#each ports as |p i|}}{{i}}={{p.port}} {{/each}}', data)).toBe('0=1 1=2');
    expect(render('{{#each ports}}{{../name}}/{{@root.name}}/{{port}} {{/each}}', data)).toBe('Pump/Pump/1 Pump/Pump/2');
  });

  it('items: like each, but an empty list is one placeholder paragraph', () => {
    const { blocks } = toModel('Intro\n\n{{#items steps}}\n- {{this}}\n{{/items}}\n', { steps: [] });
    const last = blocks[blocks.length - 1];
    expect(last).toEqual({ type: 'paragraph', children: [{ type: 'placeholder', field: 'steps', label: 'Label of steps' }] });
    expect(render('{{#items steps}}[{{this}}]{{/items}}', { steps: ['a', 'b'] })).toBe('[a][b]');
  });

  it('applies and applicability read the applicability decisions', () => {
    expect(render('{{#applies "MDR"}}M{{else}}-{{/applies}}{{#applies "CRA"}}C{{else}}-{{/applies}}', {})).toBe('M-');
    expect(render('{{applicability "CRA"}}', {})).toBe('medical device under MDR, CRA Art. 2(2)(a)');
    expect(render('{{applicability "MDR"}}', {})).toBe('class IIb device, MDR Art. 2(1)');
  });

  it('applicability prints the facts a decision lacks as TBD placeholders after its reason', () => {
    const applicability = { 'CRA-category': { applies: true, reason: 'CRA category: not yet stated.', missing: ['regulatory.cra.category'] } };
    expect(render('{{applicability "CRA-category"}}', {}, { applicability })).toBe(
      'CRA category: not yet stated. [TBD: Label of regulatory.cra.category (regulatory.cra.category)]',
    );
  });

  it('application_date prints a date of application with its source; an unknown key is an error', () => {
    expect(render('From {{application_date "aia-annex-i"}}.', {})).toBe('From 2 August 2028 (AI Act Art. 113, as amended in 2026).');
    expect(render('{{application_date "cra-reporting"}}', {})).toBe('11 September 2026 (CRA Art. 71(2))');
    const bad = renderBody('{{application_date "aia-2027"}}', {});
    expect(bad.diagnostics.map((d) => d.code)).toEqual(['template/unknown-date']);
  });

  it('regulation prints the product regulation long or short, and nothing for a non-device', () => {
    const regulation = { short: 'IVDR', long: 'Regulation (EU) 2017/746 on in vitro diagnostic medical devices (IVDR)' };
    expect(render('Under {{regulation}} ({{regulation "short"}}).', {}, { regulation })).toBe(
      'Under Regulation (EU) 2017/746 on in vitro diagnostic medical devices (IVDR) (IVDR).',
    );
    expect(render('[{{regulation}}]', {})).toBe('[]');
  });

  it('clause gives the clean reference without research remarks', () => {
    expect(render('{{clause "CRA-AII-1"}}', {})).toBe('CRA Annex II point 1');
    expect(render('{{clause "MDR-AI-17.3"}}', {})).toBe('MDR Annex I 17.3');
  });

  it('cite prints a reference only when its instrument applies, ref joins them', () => {
    expect(render('Text{{cite "MDR-AI-17.3"}}.', {})).toBe('Text (MDR Annex I 17.3).');
    expect(render('Text{{cite "CRA-AII-1"}}.', {})).toBe('Text.');
    expect(render('Text{{cite "CRA-AII-1" "MDR-AI-17.3"}}.', {})).toBe('Text (MDR Annex I 17.3).');
    expect(render('{{ref "MDR-AI-17.3" "MDR-AI-17.3"}}', {})).toBe('MDR Annex I 17.3');
  });

  it('doc gives document metadata, and a placeholder when it is empty', () => {
    expect(render('{{doc "number"}} v{{doc "version"}} {{doc "date"}} {{doc "status"}} {{doc "title"}}', {})).toBe('D-1 v1.0 2027-01-02 Draft Demo');
    const meta = { title: 'Demo', number: '', version: '1.0', date: '2027-01-02', status: 'Draft' };
    expect(render('{{doc "number"}}', {}, { meta })).toBe('[TBD: Label of documents.demo.number (documents.demo.number)]');
  });

  it('table: GFM table with headers, widths, escaped cells and placeholders', () => {
    const data = { ports: [{ port: 443, purpose: 'HTTPS | *TLS*' }, { port: 22 }] };
    const { blocks } = toModel('{{table ports "port:Port" "purpose:Purpose" widths="1,3"}}\n', data);
    const table = blocks.find((b) => b.type === 'table');
    if (table?.type !== 'table') throw new Error('no table');
    expect(table.columns.map((c) => c.width)).toEqual([1, 3]);
    expect(table.headerRows).toBe(1);
    expect(table.rows.map((r) => r.cells.map((c) => inlineText(c.children)))).toEqual([
      ['Port', 'Purpose'],
      ['443', 'HTTPS | *TLS*'],
      ['22', '[TBD: Label of ports[1].purpose (ports[1].purpose)]'],
    ]);
    expect(table.rows[2]?.cells[1]?.children[0]?.type).toBe('placeholder');
  });

  it('table: a missing list is a placeholder paragraph; bad widths are an error', () => {
    const { blocks } = toModel('{{table ports "port:Port"}}\n', {});
    expect(blocks).toEqual([{ type: 'paragraph', children: [{ type: 'placeholder', field: 'ports', label: 'Label of ports' }] }]);
    const bad = renderBody('\n{{table ports "port:Port" widths="1,2"}}', { ports: [{ port: 1 }] });
    expect(bad.diagnostics.map((d) => [d.code, d.source?.range?.start.line])).toEqual([['template/table-widths', 5]]);
  });
});
