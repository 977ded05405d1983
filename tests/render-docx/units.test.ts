import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/model/nodes.js';
import { bookmarkNames } from '../../src/render/docx/context.js';
import { displaySize } from '../../src/render/docx/image.js';
import { readImageHeader } from '../../src/render/image-header.js';
import { comparePartNames, coreTimestamp } from '../../src/render/docx/package.js';
import { scaleWidths } from '../../src/render/docx/table.js';
import { TEXT_WIDTH } from '../../src/render/docx/theme.js';
import { solidPng } from '../helpers/png.js';

describe('scaleWidths', () => {
  it('always fills the total exactly with positive columns', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ min: -5, max: 100, noNaN: false }), fc.integer({ min: 1, max: 9 })), {
          minLength: 1,
          maxLength: 12,
        }),
        (widths) => {
          const out = scaleWidths(widths);
          expect(out.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
          expect(out.every((w) => w > 0)).toBe(true);
        },
      ),
    );
  });

  it('keeps proportions', () => {
    const [a, b, c] = scaleWidths([1, 1, 4], 6000);
    expect([a, b, c]).toEqual([1000, 1000, 4000]);
  });
});

describe('bookmarkNames', () => {
  const heading = (id: string): Block => ({ type: 'heading', depth: 1, id, clauses: [], children: [] });

  it('makes valid, unique Word bookmark names', () => {
    const names = bookmarkNames([heading('2-risks'), heading('2_risks'), heading('a'.repeat(60)), heading('über-uns')]);
    const values = [...names.values()];
    expect(new Set(values.map((v) => v.toLowerCase())).size).toBe(4);
    for (const v of values) expect(v).toMatch(/^[A-Za-z][A-Za-z0-9_]{0,39}$/);
    expect(names.get('2-risks')).toBe('h_2_risks');
  });
});

describe('images', () => {
  it('scales a PNG to widthMm, capped at the text width', () => {
    const info = readImageHeader(solidPng(200, 100));
    expect(info).toEqual({ format: 'png', width: 200, height: 100 });
    if (!info) return;
    const sized = displaySize(info, 50.8); // 2 inches at 96 dpi
    expect(sized).toEqual({ width: 192, height: 96 });
    const capped = displaySize(info, 1000);
    expect(capped.width * 15).toBeLessThanOrEqual(TEXT_WIDTH);
    expect(capped.height).toBe(Math.round(capped.width / 2));
  });
});

describe('package helpers', () => {
  it('orders [Content_Types].xml first', () => {
    const sorted = ['word/styles.xml', '[Content_Types].xml', 'docProps/core.xml', '_rels/.rels'].sort(
      comparePartNames,
    );
    expect(sorted[0]).toBe('[Content_Types].xml');
    expect(sorted[1]).toBe('_rels/.rels');
  });

  it('derives core timestamps from the ISO date only', () => {
    expect(coreTimestamp('2026-11-02')).toBe('2026-11-02T00:00:00Z');
    expect(coreTimestamp('not a date')).toBe('1980-01-01T00:00:00Z');
  });
});
