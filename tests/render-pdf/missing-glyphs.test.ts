import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import type { Document } from '../../src/model/nodes.js';
import { describeCodePoint, missingGlyphWarnings, snippetAround } from '../../src/render/pdf/glyph-warnings.js';
import type { FontKey, LayoutPage, TextOp } from '../../src/render/pdf/layout/types.js';
import { missingGlyphs } from '../../src/render/pdf/paint/glyph-coverage.js';
import { loadFonts } from '../../src/render/pdf/paint/fonts.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import { sampleDocument } from '../fixtures/sample-model.js';

/** The parts of a parsed fontkit font this test shapes with, to see what the PDF really draws. */
interface ShapingFont {
  layout(text: string): { readonly glyphs: readonly { readonly id: number }[] };
}

const fonts = loadFonts().sources;
const text = (value: string, font: FontKey = 'regular'): TextOp => ({
  kind: 'text',
  x: 0,
  y: 0,
  text: value,
  font,
  size: 10,
  color: '#000000',
});
const pages = (...ops: TextOp[]): LayoutPage[] => [{ ops }];
const HEART = 0x1fac0;

describe('characters the embedded fonts cannot draw', () => {
  it('finds an emoji and CJK text, once per code point, with the line it is first printed in', () => {
    const missing = missingGlyphs(
      pages(text('PulseBand 🫀 3'), text('model 脉搏 VW-PB3'), text('again 🫀', 'bold')),
      fonts,
    );
    expect(missing.map((m) => m.codePoint)).toEqual([HEART, 0x8109, 0x640f]);
    expect(missing[0]?.line).toBe('PulseBand 🫀 3');
    expect(missing[0]?.fonts).toEqual(['regular', 'bold']);
  });

  it('passes Latin, Greek, Cyrillic, typographic punctuation and invisible format characters', () => {
    const covered = 'Ærø Straße – “quotes” … € ± µ → ≤ ✓ Ωμέγα Жизнь naïve\u00AD\u200D\uFE0F';
    expect(
      missingGlyphs(
        pages(...(['regular', 'bold', 'italic', 'boldItalic'] as const).map((f) => text(covered, f))),
        fonts,
      ),
    ).toEqual([]);
  });

  it('reports exactly the characters fontkit shapes to the empty glyph (.notdef), per font', () => {
    // Not default ignorables: whether fontkit hides a missing one depends on its glyph cache.
    const sample = [
      'A',
      'é',
      'Ж',
      'ω',
      '€',
      '→',
      '✓',
      '★',
      '😀',
      '🫀',
      '中',
      'あ',
      '한',
      '\u0301',
      '\uFE0F',
      '\u2603',
      '\u{1D400}',
    ];
    for (const key of ['regular', 'mono'] as const) {
      const reported = new Set(missingGlyphs(pages(...sample.map((c) => text(c, key))), fonts).map((m) => m.codePoint));
      const font = fonts[key] as ShapingFont;
      for (const c of sample) {
        const notdef = font.layout(`a${c}b`).glyphs.some((g) => g.id === 0);
        expect(reported.has(c.codePointAt(0) ?? 0), `${key} ${describeCodePoint(c.codePointAt(0) ?? 0)}`).toBe(notdef);
      }
    }
  });

  it('reports a zero-width joiner only in a font that lacks it (the monospaced one)', () => {
    expect(missingGlyphs(pages(text('a\u200Db')), fonts)).toEqual([]);
    expect(missingGlyphs(pages(text('a\u200Db', 'mono')), fonts).map((m) => m.codePoint)).toEqual([0x200d]);
  });

  it('checks the watermark text too', () => {
    const missing = missingGlyphs(
      [{ ops: [{ kind: 'watermark', text: 'DRAFT 🫀', size: 90, color: '#ccc', opacity: 0.2 }] }],
      fonts,
    );
    expect(missing.map((m) => [m.codePoint, m.fonts])).toEqual([[HEART, ['bold']]]);
  });
});

describe('missing-glyph warnings', () => {
  it('names the code point, the character, the document, the data field and the printed text, with a fix', () => {
    const [w, ...rest] = missingGlyphWarnings(
      'decommissioning',
      [{ codePoint: HEART, fonts: ['regular'], line: 'Decommissioning of PulseBand 🫀 3' }],
      (t) => (t === '🫀' ? 'product.name' : undefined),
    );
    expect(rest).toEqual([]);
    expect(w?.code).toBe('render/missing-glyph');
    expect(w?.severity).toBe('warning');
    expect(w?.fieldPath).toBe('product.name');
    expect(w?.message).toContain('decommissioning PDF');
    expect(w?.message).toContain('U+1FAC0 "🫀"');
    expect(w?.message).toContain('"Decommissioning of PulseBand 🫀 3"');
    expect(w?.hints?.join(' ')).toContain('`product.name`');
    expect(w?.hints?.join(' ')).toMatch(/DOCX/);
  });

  it('gives one warning per data field, and one for text that is not in the data', () => {
    const glyph = (codePoint: number) => ({ codePoint, fonts: ['regular'] as FontKey[], line: 'x' });
    const fields: Record<string, string> = { 脉: 'product.model', 搏: 'product.model', '🫀': 'product.name' };
    const ws = missingGlyphWarnings('cyber-techdoc', [0x8109, HEART, 0x640f, 0x4e2d].map(glyph), (t) => fields[t]);
    expect(ws.map((w) => w.fieldPath)).toEqual(['product.model', 'product.name', undefined]);
    expect(ws[0]?.message).toContain('U+8109 "脉", U+640F "搏" print as empty boxes');
    expect(ws[2]?.hints?.[0]).toContain('template');
  });

  it('names at most ten characters in one warning and counts the rest', () => {
    const many = Array.from({ length: 25 }, (_, i) => ({
      codePoint: 0x4e00 + i,
      fonts: ['regular'] as FontKey[],
      line: 'x',
    }));
    const [w] = missingGlyphWarnings('cyber-techdoc', many);
    expect(w?.message.match(/U\+/g)).toHaveLength(10);
    expect(w?.message).toContain('and 15 more');
  });

  it('quotes the printed line around the character, cut with an ellipsis', () => {
    const line = `${'a'.repeat(50)} 🫀 ${'b'.repeat(50)}`;
    const snippet = snippetAround(line, HEART);
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet).toContain(' 🫀 ');
    expect(Array.from(snippet).length).toBeLessThan(Array.from(line).length);
    expect(snippetAround('short 🫀', HEART)).toBe('short 🫀');
  });
});

describe('renderPdf and missing glyphs', () => {
  const plain = sampleDocument();
  const withHeart: Document = { ...plain, meta: { ...plain.meta, productName: 'GlucoFlow 🫀 X2' } };

  it('warns about an emoji in the product name and still renders the document', async () => {
    const warnings: Diagnostic[] = [];
    const bytes = await renderPdf(withHeart, { onWarning: (w) => warnings.push(w) });
    expect(bytes.length).toBeGreaterThan(1000);
    const glyph = warnings.filter((w) => w.code === 'render/missing-glyph');
    expect(glyph).toHaveLength(1);
    expect(glyph[0]?.message).toContain('U+1FAC0 "🫀"');
    expect(glyph[0]?.message).toContain('secure-operation PDF');
  });

  it('names the document as the caller asks (the annex of a lay guide is its own file)', async () => {
    const warnings: Diagnostic[] = [];
    await renderPdf(withHeart, { name: 'secure-operation-annex', onWarning: (w) => warnings.push(w) });
    expect(warnings.map((w) => w.message.split(':')[0])).toEqual(['secure-operation-annex PDF']);
  });

  it('says nothing about a document every character of which the fonts have, and the check leaves the bytes alone', async () => {
    const warnings: Diagnostic[] = [];
    const checked = await renderPdf(plain, { onWarning: (w) => warnings.push(w) });
    expect(warnings.filter((w) => w.code === 'render/missing-glyph')).toEqual([]);
    expect(Buffer.from(checked).equals(Buffer.from(await renderPdf(plain, {})))).toBe(true);
  });
});
