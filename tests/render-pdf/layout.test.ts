import { describe, expect, it } from 'vitest';
import type { Block, Document, Table } from '../../src/model/nodes.js';
import { MAX_PASSES, layoutDocument } from '../../src/render/pdf/layout/document.js';
import type { LayoutPage, LayoutResult, TextOp } from '../../src/render/pdf/layout/types.js';
import { loadFonts } from '../../src/render/pdf/paint/fonts.js';
import { PAGE } from '../../src/render/pdf/style.js';
import { sampleDocument } from '../fixtures/sample-model.js';

const m = loadFonts().measurer;
const texts = (page: LayoutPage): TextOp[] => page.ops.filter((o): o is TextOp => o.kind === 'text');
const pageText = (page: LayoutPage): string =>
  texts(page)
    .map((t) => t.text)
    .join(' ');
const cell = (value: string) => ({ type: 'tableCell' as const, children: [{ type: 'text' as const, value }] });

function withBlocks(children: Block[]): Document {
  return { ...sampleDocument(), children };
}

describe('layoutDocument on the sample model', () => {
  const result: LayoutResult = layoutDocument(sampleDocument(), m);

  it('should place every heading once, in document order', () => {
    expect(result.headings.map((h) => h.id)).toEqual([
      'introduction',
      'readers',
      'updates',
      'threats',
      'ports',
      'appendix',
      'unnumbered',
    ]);
    expect(result.headings[0]?.title).toBe('1  Introduction');
  });

  it('should settle the TOC page numbers within the pass limit', () => {
    expect(result.passes).toBeGreaterThanOrEqual(2);
    expect(result.passes).toBeLessThanOrEqual(MAX_PASSES);
  });

  it('should print in the TOC the page each heading landed on', () => {
    const tocPage = result.pages.find((p) => texts(p).some((t) => t.text === 'Contents'));
    expect(tocPage).toBeDefined();
    const ops = texts(tocPage!);
    for (const h of result.headings.filter((x) => x.depth <= 3)) {
      const title = h.title.replace(/^[\d.]+\s+/, '');
      const entry = ops.find((t) => t.text === title);
      expect(entry, title).toBeDefined();
      // The page number is the right-most text on the entry's baseline.
      const sameLine = ops.filter((t) => Math.abs(t.y - entry!.y) < 0.5).sort((a, b) => b.x - a.x);
      expect(sameLine[0]?.text).toBe(String(h.page + 1));
    }
  });

  it('should repeat the table header on every page the 60-row table reaches', () => {
    const pagesWithRows = result.pages.filter((p) => texts(p).some((t) => /^TH-\d\d$/.test(t.text)));
    expect(pagesWithRows.length).toBeGreaterThan(1);
    for (const page of pagesWithRows) {
      const header = texts(page).find((t) => t.text === 'Threat');
      const firstRow = Math.min(
        ...texts(page)
          .filter((t) => /^TH-\d\d$/.test(t.text))
          .map((t) => t.y),
      );
      expect(header).toBeDefined();
      expect(header!.y).toBeLessThan(firstRow);
    }
  });

  it('should never split a row of the 60-row table across pages', () => {
    for (let i = 1; i <= 60; i++) {
      const id = `TH-${String(i).padStart(2, '0')}`;
      const pages = result.pages.filter((p) => texts(p).some((t) => t.text === id));
      expect(pages, id).toHaveLength(1);
      expect(pageText(pages[0]!)).toContain(`variant ${i}`);
    }
  });

  it('should keep body text inside the margins', () => {
    for (const page of result.pages.slice(1)) {
      for (const t of texts(page)) {
        if (t.y < PAGE.marginTop || t.y > PAGE.height - PAGE.marginBottom) {
          // Only the running header and footer live in the margins.
          expect([PAGE.headerBaseline, PAGE.footerBaseline]).toContain(t.y);
        }
        expect(t.x).toBeGreaterThanOrEqual(PAGE.marginLeft - 0.01);
        expect(t.x + m.width(t.text, t.font, t.size)).toBeLessThanOrEqual(PAGE.width - PAGE.marginRight + 0.5);
      }
    }
  });

  it('should stamp header, footer and "Page X of Y" on every page but the title page', () => {
    const total = result.pages.length;
    result.pages.forEach((page, i) => {
      const footer = texts(page).some((t) => t.text === `Page ${i + 1} of ${total}`);
      expect(footer).toBe(i > 0);
    });
    expect(texts(result.pages[1]!).some((t) => t.text === 'DRAFT — not approved for use')).toBe(true);
  });

  it('should mark every page with a watermark only while the document is a draft', () => {
    expect(result.pages.every((p) => p.ops.some((o) => o.kind === 'watermark'))).toBe(true);
    const final = layoutDocument(sampleDocument({ draft: false, status: 'Approved' }), m);
    expect(final.pages.some((p) => p.ops.some((o) => o.kind === 'watermark'))).toBe(false);
    // A released document names its number in the header and its status in the footer.
    expect(texts(final.pages[1]!).some((t) => t.text === 'GF-SO-001')).toBe(true);
    expect(texts(final.pages[1]!).some((t) => t.text.endsWith('\u00b7 Approved'))).toBe(true);
  });

  it('should give the same layout twice', () => {
    expect(layoutDocument(sampleDocument(), m)).toEqual(result);
  });
});

describe('layoutDocument edge cases', () => {
  it('should split a row taller than a page across pages without losing text, repeating the header', () => {
    const words = Array.from({ length: 1500 }, (_, i) => `w${i}`);
    const table: Table = {
      type: 'table',
      columns: [
        { align: 'left', width: 1 },
        { align: 'left', width: 3 },
      ],
      headerRows: 1,
      rows: [
        { type: 'tableRow', cells: [cell('Key'), cell('Value')] },
        { type: 'tableRow', cells: [cell('giant'), cell(words.join(' '))] },
      ],
    };
    const result = layoutDocument(withBlocks([table]), m);
    const body = result.pages.slice(1);
    expect(body.length).toBeGreaterThan(1);
    for (const page of body) expect(texts(page).some((t) => t.text === 'Value')).toBe(true);
    const seen = body.flatMap((p) =>
      texts(p)
        .filter((t) => t.text.startsWith('w'))
        .flatMap((t) => t.text.split(' ')),
    );
    expect(seen).toEqual(words);
  });

  it('should lay out a document with no blocks as a title page alone', () => {
    const result = layoutDocument(withBlocks([]), m);
    expect(result.pages).toHaveLength(1);
    expect(pageText(result.pages[0]!)).toContain('Document control');
  });

  it('should not leave an empty page after a trailing page break', () => {
    const result = layoutDocument(
      withBlocks([{ type: 'paragraph', children: [{ type: 'text', value: 'x' }] }, { type: 'pageBreak' }]),
      m,
    );
    expect(result.pages).toHaveLength(2);
  });

  it('should number ordered lists from their start', () => {
    const list: Block = {
      type: 'list',
      ordered: true,
      start: 7,
      items: ['a', 'b'].map((v) => ({
        type: 'listItem' as const,
        children: [{ type: 'paragraph' as const, children: [{ type: 'text' as const, value: v }] }],
      })),
    };
    const result = layoutDocument(withBlocks([list]), m);
    const ops = texts(result.pages[1]!).map((t) => t.text);
    expect(ops).toContain('7.');
    expect(ops).toContain('8.');
  });

  it('should show a visible marker for an image asset that is missing', () => {
    const result = layoutDocument(withBlocks([{ type: 'image', src: 'diagram.png', alt: 'Network diagram' }]), m);
    expect(pageText(result.pages[1]!)).toContain('[Image missing: diagram.png — Network diagram]');
  });
});
