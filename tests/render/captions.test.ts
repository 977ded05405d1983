import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Document, DocumentMeta } from '../../src/model/nodes.js';
import { renderDocx } from '../../src/render/docx/index.js';
import {
  CAPTIONS,
  REVISION_HEADER,
  documentControlRows,
  pageOf,
  productLine,
  revisionRows,
} from '../../src/render/captions.js';
import { layoutDocument } from '../../src/render/pdf/layout/document.js';
import type { TextOp } from '../../src/render/pdf/layout/types.js';
import { loadFonts } from '../../src/render/pdf/paint/fonts.js';
import { sampleDocument, sampleMeta } from '../fixtures/sample-model.js';
import { project, unzipDocx } from '../render-docx/projection.js';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src/render');

/** The title page of each format as text: the PDF's first page, the DOCX body up to the contents. */
async function titlePages(doc: Document): Promise<{ pdf: string; docx: string }> {
  const first = layoutDocument(doc, loadFonts().measurer).pages[0]!;
  const pdf = first.ops
    .filter((o): o is TextOp => o.kind === 'text')
    .map((o) => o.text)
    .join(' ');
  const lines = project(unzipDocx(await renderDocx(doc, {})).text('word/document.xml'));
  const toc = lines.findIndex((l) => l.startsWith('[TOCHeading'));
  return { pdf, docx: lines.slice(0, toc).join('\n') };
}

describe('shared renderer words', () => {
  it('builds the product line and "Page X of Y" from the captions', () => {
    expect(productLine(sampleMeta)).toBe('GlucoFlow X2, version 2.4.0 (glucoflow-x2-eu)');
    expect(productLine({ productName: 'GlucoFlow X2', productId: 'gf' })).toBe('GlucoFlow X2 (gf)');
    expect(pageOf(2, 14)).toBe('Page 2 of 14');
  });

  it('shows a dash for an empty fact and one explicit row when no revision is recorded', () => {
    const { audience: _audience, ...rest } = sampleMeta;
    const meta: DocumentMeta = { ...rest, approver: ' ', revisions: [] };
    const rows = new Map(documentControlRows(meta));
    expect(rows.get(CAPTIONS.audience)).toBe(CAPTIONS.notStated);
    expect(rows.get(CAPTIONS.approver)).toBe(CAPTIONS.notStated);
    expect(revisionRows(meta)).toEqual([
      [CAPTIONS.notStated, CAPTIONS.notStated, CAPTIONS.notStated, CAPTIONS.noRevisions],
    ]);
  });

  const cases: [string, DocumentMeta][] = [
    ['a draft with revisions', sampleMeta],
    [
      'a final document with no audience and no revisions',
      { ...sampleMeta, audience: '', revisions: [], draft: false },
    ],
  ];
  for (const [name, meta] of cases) {
    it(`prints the same title-page words and facts in PDF and DOCX: ${name}`, async () => {
      const { pdf, docx } = await titlePages(sampleDocument(meta));
      const both = (text: string): void => {
        expect(pdf, `PDF title page lacks "${text}"`).toContain(text);
        expect(docx, `DOCX title page lacks "${text}"`).toContain(text);
      };
      both(CAPTIONS.documentControl);
      both(CAPTIONS.revisionHistory);
      for (const [label, value] of documentControlRows(meta)) {
        both(label);
        both(value);
      }
      for (const cell of [...REVISION_HEADER, ...revisionRows(meta).flat()]) both(cell);
      if (meta.draft) both(CAPTIONS.draft);
      else expect(`${pdf}\n${docx}`).not.toContain(CAPTIONS.watermark);
    });
  }

  it('keeps the words out of the renderers themselves, and captions.ts free of imports', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((n) =>
        statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : n.endsWith('.ts') ? [join(dir, n)] : [],
      );
    const words = [
      CAPTIONS.documentControl,
      CAPTIONS.revisionHistory,
      CAPTIONS.documentNumber,
      CAPTIONS.draft,
      CAPTIONS.noRevisions,
      CAPTIONS.manufacturer,
    ];
    for (const file of [...files(join(SRC, 'docx')), ...files(join(SRC, 'pdf'))]) {
      const source = readFileSync(file, 'utf8');
      for (const w of words)
        expect(source.includes(`'${w}'`) || source.includes(`"${w}"`), `${file} spells out "${w}"`).toBe(false);
      expect(/from '\.\.\/(\.\.\/)?(docx|pdf)\//.test(source), `${file} imports the other renderer`).toBe(false);
    }
    // Only model types may be imported: captions.ts must stay free of runtime dependencies.
    const imports = readFileSync(join(SRC, 'captions.ts'), 'utf8').match(/^\s*import\b.*$/gm) ?? [];
    expect(imports.filter((line) => !/^\s*import type .* from '\.\.\/model\/nodes\.js';$/.test(line))).toEqual([]);
  });
});
