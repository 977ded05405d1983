import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Document } from '../../src/model/nodes.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import { layoutDocument } from '../../src/render/pdf/layout/document.js';
import type { ImageOp } from '../../src/render/pdf/layout/types.js';
import { loadFonts } from '../../src/render/pdf/paint/fonts.js';
import { MM, PAGE } from '../../src/render/pdf/style.js';
import { hasTool, run } from '../helpers/clients.js';
import { sampleDocument } from '../fixtures/sample-model.js';
import { solidPng } from '../helpers/png.js';

const png = solidPng(40, 20);
const docWith = (widthMm?: number): Document => ({
  ...sampleDocument(),
  children: [{ type: 'image', src: 'arch.png', alt: 'Architecture', ...(widthMm === undefined ? {} : { widthMm }) }],
});
const imageOp = (doc: Document): ImageOp | undefined =>
  layoutDocument(doc, loadFonts().measurer, new Map([['arch.png', { width: 40, height: 20 }]]))
    .pages.flatMap((p) => p.ops)
    .find((o): o is ImageOp => o.kind === 'image');

describe('images', () => {
  it('should scale to widthMm, keeping the aspect ratio', () => {
    const op = imageOp(docWith(50));
    expect(op?.w).toBeCloseTo(50 * MM);
    expect(op?.h).toBeCloseTo(25 * MM);
  });

  it('should cap the width at the text width', () => {
    const op = imageOp(docWith(500));
    expect(op?.w).toBeCloseTo(PAGE.width - PAGE.marginLeft - PAGE.marginRight);
  });

  it.runIf(hasTool('pdfimages'))('should embed the asset bytes as an image of the same pixel size', async () => {
    const bytes = await renderPdf(docWith(60), { assets: new Map([['arch.png', png]]) });
    const file = join(mkdtempSync(join(tmpdir(), 'techfile-pdf-img-')), 'img.pdf');
    writeFileSync(file, bytes);
    const list = run('pdfimages', ['-list', file]).stdout.trim().split('\n').slice(2);
    expect(list).toHaveLength(1);
    const [, , , width, height] = list[0]!.trim().split(/\s+/);
    expect([width, height]).toEqual(['40', '20']);
  });
});
