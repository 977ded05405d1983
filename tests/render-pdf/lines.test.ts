import { describe, expect, it } from 'vitest';
import { breakLines, preformattedLines } from '../../src/render/pdf/layout/lines.js';
import { inlineRuns, type Run } from '../../src/render/pdf/layout/runs.js';
import { fakeMeasurer as m } from './fake-measurer.js';

const run = (text: string, extra: Partial<Run> = {}): Run => ({
  text,
  font: 'regular',
  size: 10,
  color: '#000',
  ...extra,
});
const lineText = (line: { fragments: readonly { text: string }[] }): string =>
  line.fragments.map((f) => f.text).join('');

describe('breakLines', () => {
  it('should keep every line within the width and every word in order', () => {
    const words = Array.from({ length: 80 }, (_, i) => `word${i}`);
    const lines = breakLines([run(words.join(' '))], 120, m, 10);
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(120);
    expect(lines.map(lineText).join(' ').split(' ')).toEqual(words);
  });

  it('should collapse runs of spaces and drop spaces at line ends', () => {
    const lines = breakLines([run('alpha    beta  gamma delta')], 60, m, 10);
    for (const line of lines) expect(lineText(line)).toBe(lineText(line).trim());
    expect(lines.map(lineText).join(' ')).toBe('alpha beta gamma delta');
  });

  it('should start a new line at a hard break', () => {
    const runs = inlineRuns([{ type: 'text', value: 'one' }, { type: 'break' }, { type: 'text', value: 'two' }], {
      bold: false,
      italic: false,
      size: 10,
      color: '#000',
    });
    expect(breakLines(runs, 500, m, 10).map(lineText)).toEqual(['one', 'two']);
  });

  it('should split a word wider than the line by character instead of clipping it', () => {
    const long = 'x'.repeat(100);
    const lines = breakLines([run(long)], 100, m, 10);
    expect(lines.length).toBe(5);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(100);
    expect(lines.map(lineText).join('')).toBe(long);
  });

  it('should divide a word wider than the line only at its break points, and not at its own hyphen when another point fits', () => {
    // 5 pt per character, 10 characters per line: "aaaa.bbbb-" would fit, but a line ending in
    // the identifier's own hyphen reads as a hyphenated word (and pdftotext drops the hyphen).
    const lines = breakLines([run('aaaa.bbbb-cccc.dddd')], 50, m, 10);
    expect(lines.map(lineText)).toEqual(['aaaa.', 'bbbb-cccc.', 'dddd']);
  });

  it('should keep a word together across a style change', () => {
    const lines = breakLines([run('aaaa bbbb GlucoFlow'), run('X2', { font: 'italic' }), run('.')], 95, m, 10);
    const texts = lines.map(lineText);
    expect(texts[texts.length - 1]).toBe('GlucoFlowX2.');
  });

  it('should merge neighbouring pieces of one style into one fragment', () => {
    const [line] = breakLines([run('a b c '), run('d', { font: 'bold' })], 500, m, 10);
    expect(line?.fragments.map((f) => f.text)).toEqual(['a b c ', 'd']);
    expect(line?.fragments[1]?.x).toBeCloseTo(m.width('a b c ', 'regular', 10));
  });

  it('should mark placeholders bold with a highlight', () => {
    const runs = inlineRuns([{ type: 'placeholder', field: 'a.b', label: 'the thing' }], {
      bold: false,
      italic: false,
      size: 10,
      color: '#000',
    });
    const [line] = breakLines(runs, 1000, m, 10);
    expect(line?.fragments[0]).toMatchObject({ text: '[TBD: the thing (a.b)]', font: 'bold' });
    expect(line?.fragments[0]?.highlight).toBeDefined();
  });
});

describe('preformattedLines', () => {
  it('should keep leading spaces and wrap long lines by character', () => {
    const lines = preformattedLines('  indented\n' + 'y'.repeat(25), 60, 10, '#000', m);
    expect(lineText(lines[0]!)).toBe('  indented');
    expect(lines.slice(1).map(lineText)).toEqual(['y'.repeat(10), 'y'.repeat(10), 'y'.repeat(5)]);
  });
});
