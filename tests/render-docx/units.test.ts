import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/model/nodes.js';
import { bookmarkNames } from '../../src/render/docx/context.js';
import { displaySize, rasterInfo } from '../../src/render/docx/image.js';
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
  it('reads PNG size and scales to widthMm, capped at the text width', () => {
    const info = rasterInfo(solidPng(200, 100));
    expect(info).toEqual({ type: 'png', width: 200, height: 100 });
    if (!info) return;
    const sized = displaySize(info, 50.8); // 2 inches at 96 dpi
    expect(sized).toEqual({ width: 192, height: 96 });
    const capped = displaySize(info, 1000);
    expect(capped.width * 15).toBeLessThanOrEqual(TEXT_WIDTH);
    expect(capped.height).toBe(Math.round(capped.width / 2));
  });

  it('reads JPEG and GIF headers and rejects unknown data', () => {
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc0, 0, 11, 8, 0, 30, 0, 40, 3, 0, 0, 0]);
    expect(rasterInfo(jpeg)).toEqual({ type: 'jpg', width: 40, height: 30 });
    const gif = new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 12, 0, 7, 0]);
    expect(rasterInfo(gif)).toEqual({ type: 'gif', width: 12, height: 7 });
    expect(rasterInfo(new Uint8Array([1, 2, 3, 4, 5]))).toBeUndefined();
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
