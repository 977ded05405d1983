import { describe, expect, it } from 'vitest';
import { layoutDocument } from '../../src/render/pdf/layout/document.js';
import { loadFonts } from '../../src/render/pdf/paint/fonts.js';
import { sampleDocument } from '../fixtures/sample-model.js';

/**
 * Layout says whether the TOC page numbers settled, so the PDF renderer can report a TOC
 * that did not (render/toc-unsettled) instead of dropping the problem.
 */
describe('TOC settling', () => {
  const m = loadFonts().measurer;
  const doc = sampleDocument();

  it('reports a settled TOC when the passes allowed are enough', () => {
    const layout = layoutDocument(doc, m);
    expect(layout.passes).toBeGreaterThan(1);
    expect(layout.tocSettled).toBe(true);
  });

  it('reports an unsettled TOC when the last pass allowed still changed the page numbers', () => {
    // One pass prints the TOC before any heading's page is known.
    const layout = layoutDocument(doc, m, new Map(), 1);
    expect(layout.passes).toBe(1);
    expect(layout.tocSettled).toBe(false);
  });

  it('has nothing to settle without a TOC', () => {
    const layout = layoutDocument({ ...doc, children: doc.children.filter((b) => b.type !== 'toc') }, m, new Map(), 1);
    expect(layout.tocSettled).toBe(true);
  });
});
