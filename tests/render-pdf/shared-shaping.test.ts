import { describe, expect, it } from 'vitest';
import type { Document } from '../../src/model/nodes.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import { boundShapingCaches, shapingCacheSizes } from '../../src/render/pdf/paint/shaping-cache.js';
import { sampleDocument } from '../fixtures/sample-model.js';

const docA = sampleDocument();
const docB: Document = {
  ...sampleDocument(),
  meta: { ...sampleDocument().meta, title: 'Vulnerability Handling Policy', documentNumber: 'GF-VH-002' },
  children: [
    { type: 'heading', depth: 1, id: 'scope', number: '1', clauses: [], children: [{ type: 'text', value: 'Scope' }] },
    {
      type: 'paragraph',
      children: [
        { type: 'text', value: 'Quarterly AVAILABILITY reviews: Wave, Type, Vault, Yield — kerned pairs AV To.' },
      ],
    },
    ...sampleDocument().children.slice(0, 4),
  ],
};
const render = async (doc: Document): Promise<string> =>
  Buffer.from(await renderPdf(doc, { assets: new Map() })).toString('hex');
/** Empties every shared shaping cache (the bound, with no room at all). */
const coldCaches = (): void => boundShapingCaches(0);

describe('shaping cache shared by the documents of a process', () => {
  it('gives the same bytes in any order of documents and with a cold cache', async () => {
    coldCaches();
    const aCold = await render(docA);
    const b1 = await render(docB);
    const a2 = await render(docA);
    coldCaches();
    const bCold = await render(docB);
    const a3 = await render(docA);
    expect(a2).toBe(aCold);
    expect(a3).toBe(aCold);
    expect(b1).toBe(bCold);
    expect(bCold).not.toBe(aCold);
  });

  it('is shared: a document rendered again shapes no new word', async () => {
    await render(docA);
    const before = shapingCacheSizes();
    expect(before.regular ?? 0).toBeGreaterThan(0);
    await render(docA);
    expect(shapingCacheSizes()).toEqual(before);
  });

  it('is emptied between documents once all fonts together hold more words than its bound, without changing the bytes', async () => {
    coldCaches();
    const cold = await render(docA);
    const sizes = shapingCacheSizes();
    const words = Object.values(sizes).reduce((sum, n) => sum + n, 0);
    expect(sizes.bold ?? 0).toBeGreaterThan(0);
    boundShapingCaches(words);
    expect(shapingCacheSizes()).toEqual(sizes);
    boundShapingCaches(words - 1);
    expect(Object.values(shapingCacheSizes()).every((n) => n === 0)).toBe(true);
    expect(await render(docA)).toBe(cold);
  });
});
