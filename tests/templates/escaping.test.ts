import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Block, Inline } from '../../src/model/nodes.js';
import { inlineText, walkBlocks } from '../../src/model/text.js';
import { sanitizeText } from '../../src/contract/markers.js';
import { toModel } from './helpers.js';

/** The inline content of the only block of a kind (paragraph, heading, list item, table cell). */
function slot(blocks: readonly Block[], where: 'paragraph' | 'heading' | 'item' | 'cell'): readonly Inline[] {
  const all = [...walkBlocks(blocks)];
  if (where === 'paragraph' || where === 'heading') {
    const found = all.filter((b) => b.type === where && b !== undefined);
    const first = found[found.length - 1];
    return first && (first.type === 'paragraph' || first.type === 'heading') ? first.children : [];
  }
  if (where === 'item') {
    const list = all.find((b) => b.type === 'list');
    const para = list?.type === 'list' ? list.items[0]?.children[0] : undefined;
    return para?.type === 'paragraph' ? para.children : [];
  }
  const table = all.find((b) => b.type === 'table');
  return table?.type === 'table' ? (table.rows[1]?.cells[0]?.children ?? []) : [];
}

const TEMPLATES = {
  paragraph: 'Intro.\n\n{{x}}\n',
  heading: '# {{x}}\n',
  item: '- {{x}}\n',
  cell: '| Value |\n| --- |\n| {{x}} |\n',
} as const;

const counts = (blocks: readonly Block[]) => {
  const all = [...walkBlocks(blocks)];
  return {
    headings: all.filter((b) => b.type === 'heading').length,
    tables: all.filter((b) => b.type === 'table').length,
    items: all.reduce((n, b) => n + (b.type === 'list' ? b.items.length : 0), 0),
    paragraphs: all.filter((b) => b.type === 'paragraph').length,
  };
};

const NASTY: readonly string[] = [
  '*bold*',
  '_x_',
  '**strong** and __also__',
  'a | b',
  '# not a heading',
  '1. not a list',
  '- not a list',
  '> not a quote',
  '<b>x</b>',
  '<!-- pagebreak -->',
  '`code`',
  '```',
  '[x](http://y)',
  '![img](a.png)',
  '{{x}}',
  '{{{raw}}}',
  '&amp; &#42; &copy',
  'back\\slash\\',
  'a\\*b',
  'trailing #',
  '---',
  '===',
  '~~strike~~',
  '[^note]',
  'http://example.com',
  'tab\tinside   spaces',
  'µ-Ω ≤ 5 °C — “quoted”',
];

describe('escaping: data is always literal text', () => {
  for (const where of Object.keys(TEMPLATES) as (keyof typeof TEMPLATES)[]) {
    it.each(NASTY)(`keeps %j literal in a ${where}`, (value) => {
      const { blocks } = toModel(TEMPLATES[where], { x: value });
      const inline = slot(blocks, where);
      expect(inline.every((n) => n.type === 'text')).toBe(true);
      expect(inlineText(inline)).toBe(value);
      const baseline = toModel(TEMPLATES[where], { x: 'plain' }).blocks;
      expect(counts(blocks)).toEqual(counts(baseline));
    });
  }

  it('joins wrapped lines in prose but keeps paragraph and list breaks; cells and headings get spaces', () => {
    const value = 'line one\nline *two*\n\nline four';
    expect(inlineText(slot(toModel(TEMPLATES.paragraph, { x: value }).blocks, 'paragraph'))).toBe('line one line *two*\n\nline four');
    const steps = 'Do this:\n1. open the app\n2. tap Settings\n- or ask\nsupport';
    expect(inlineText(slot(toModel(TEMPLATES.paragraph, { x: steps }).blocks, 'paragraph'))).toBe('Do this:\n1. open the app\n2. tap Settings\n- or ask support');
    expect(inlineText(slot(toModel(TEMPLATES.cell, { x: value }).blocks, 'cell'))).toBe('line one line *two*  line four');
    expect(inlineText(slot(toModel(TEMPLATES.heading, { x: value }).blocks, 'heading'))).toBe('line one line *two*  line four');
  });

  it('strips private-use marker characters so data cannot forge a placeholder', () => {
    const forged = '\uE000secret.path\uE001Forged\uE002 text';
    const { blocks, rendered } = toModel(TEMPLATES.paragraph, { x: forged });
    const inline = slot(blocks, 'paragraph');
    expect(inline.some((n) => n.type === 'placeholder')).toBe(false);
    expect(inlineText(inline)).toBe('secret.pathForged text');
    expect(rendered.placeholders).toEqual([]);
  });

  it('prints numbers as text and yes/no facts as Yes or No', () => {
    const { blocks } = toModel('{{a}} {{b}} {{c}}\n', { a: 42, b: false, c: 1.5 });
    expect(inlineText(slot(blocks, 'paragraph'))).toBe('42 No 1.5');
  });

  it('keeps backticks from closing a code span the template opened', () => {
    const { blocks } = toModel('Run `{{x}}` now.\n', { x: 'a`b *c*' });
    const inline = slot(blocks, 'paragraph');
    const code = inline.find((n) => n.type === 'inlineCode');
    expect(code?.type === 'inlineCode' ? code.value : undefined).toBe('a\u02CBb *c*');
  });

  it('property: arbitrary single-line text comes out unchanged in every position', () => {
    const syntax = fc.constantFrom('*', '_', '|', '#', '1. ', '- ', '> ', '<b>', '</b>', '`', '``', '[x](http://y)', '{{x}}', '}}', '&amp;', '\\', '  ', '\t', '<!--', '-->', '~~~', '![a](b)', '[^1]', ':', '+');
    const text = fc.array(fc.oneof(syntax, fc.string({ unit: 'grapheme', maxLength: 6 })), { maxLength: 8 }).map((parts) => parts.join('').replace(/[\r\n]/g, ' '));
    fc.assert(
      fc.property(text, fc.constantFrom(...(Object.keys(TEMPLATES) as (keyof typeof TEMPLATES)[])), (value, where) => {
        const { blocks } = toModel(TEMPLATES[where], { x: value });
        const expected = sanitizeText(value).trim();
        const inline = slot(blocks, where);
        if (expected === '') {
          expect(inline).toEqual([{ type: 'placeholder', field: 'x', label: 'Label of x' }]);
        } else {
          expect(inlineText(inline)).toBe(expected);
        }
        expect(counts(blocks)).toEqual(counts(toModel(TEMPLATES[where], { x: 'plain' }).blocks));
      }),
      { numRuns: 150 },
    );
  });
});

describe('sentences from data inside template sentences', () => {
  it('drops the template full stop after a value that already ends with one', () => {
    const { blocks } = toModel('It lasts {{a}}. Next {{b}}.\n', { a: 'five years.', b: 'wait...' });
    expect(inlineText(slot(blocks, 'paragraph'))).toBe('It lasts five years. Next wait...');
  });
});

describe('template full stops', () => {
  it('keeps full stops that only the template wrote', () => {
    const { blocks } = toModel('One.. Two {{a}}\n', { a: 'x' });
    expect(inlineText(slot(blocks, 'paragraph'))).toBe('One.. Two x');
  });
});
