import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasTool, run } from '../helpers/clients.js';
import { docxParagraphs, docxPart, docxStyles } from './support/docx.js';
import { concreteExamples, tempDir, removeTempDirs, type Example } from './support/examples.js';
import { generatedExamples } from './support/generated.js';
import { LIBREOFFICE_PROFILE, convertWithLibreOffice } from './support/office.js';
import { normalise, pdfContains, pdfText } from './support/pdf.js';

afterAll(() => {
  removeTempDirs();
  // The LibreOffice profile this process created (see support/office.ts).
  rmSync(LIBREOFFICE_PROFILE, { recursive: true, force: true });
});

// Real readers' software opens every generated file. Missing tools skip visibly (CI=true fails).
const tools = {
  soffice: hasTool('soffice'),
  pandoc: hasTool('pandoc'),
  qpdf: hasTool('qpdf'),
  pdfinfo: hasTool('pdfinfo'),
  pdffonts: hasTool('pdffonts'),
  pdftotext: hasTool('pdftotext'),
};

interface Generated {
  readonly example: Example;
  readonly docType: string;
  readonly docx: string;
  readonly pdf: string;
}

function pdfInfo(path: string): Map<string, string> {
  const r = run('pdfinfo', [path]);
  if (r.status !== 0) throw new Error(`pdfinfo ${path}: ${r.stderr}`);
  return new Map(
    r.stdout
      .split('\n')
      .map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()] as [string, string]),
  );
}

/** dc:title of the DOCX core properties: the same document title the PDF must carry. */
function docxTitle(bytes: Uint8Array): string {
  const m = /<dc:title>([^<]*)<\/dc:title>/.exec(docxPart(bytes, 'docProps/core.xml'));
  return (m?.[1] ?? '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

interface OutlineItem {
  readonly title: string;
  readonly kids: readonly OutlineItem[];
}

describe('generated documents open in real clients', () => {
  let docs: Generated[] = [];
  let converted = new Map<string, string>();
  let conversionLog = '';

  beforeAll(async () => {
    const examples = await concreteExamples();
    // The examples every e2e file shares (generatedExamples rejects when generate failed).
    const { out } = await generatedExamples();
    docs = examples.flatMap((example) =>
      example.docTypes.map((docType) => ({
        example,
        docType,
        docx: join(out, example.productId, `${docType}.docx`),
        pdf: join(out, example.productId, `${docType}.pdf`),
      })),
    );
    if (tools.soffice) {
      const lo = convertWithLibreOffice(
        docs.map((d) => ({ path: d.docx, key: `${d.example.productId}-${d.docType}` })),
        tempDir('lo'),
      );
      converted = lo.pdfs;
      conversionLog = lo.log;
    }
  });

  describe('DOCX', () => {
    it.skipIf(!tools.soffice || !tools.pdfinfo)('converts to a PDF of at least 3 pages with LibreOffice', () => {
      expect(docs.length).toBeGreaterThan(0);
      for (const d of docs) {
        const pdf = converted.get(d.docx);
        expect(pdf, `LibreOffice did not convert ${d.docx}:\n${conversionLog}`).toBeDefined();
        expect(statSync(pdf!).size).toBeGreaterThan(0);
        const pages = Number(pdfInfo(pdf!).get('Pages'));
        expect(pages, `${d.example.productId}/${d.docType}.docx via LibreOffice`).toBeGreaterThanOrEqual(3);
      }
    });

    it.skipIf(!tools.pandoc)('is read by pandoc, whose text names the product and the manufacturer', () => {
      for (const d of docs) {
        const r = run('pandoc', ['-f', 'docx', '-t', 'plain', '--wrap=none', d.docx]);
        expect(r.status, `pandoc ${d.docx}: ${r.stderr}`).toBe(0);
        const text = normalise(r.stdout);
        expect(d.example.productName).not.toBe('');
        expect(d.example.manufacturerName).not.toBe('');
        expect(text, `${d.example.productId}/${d.docType}.docx`).toContain(normalise(d.example.productName));
        expect(text, `${d.example.productId}/${d.docType}.docx`).toContain(normalise(d.example.manufacturerName));
      }
    });

    it('has Heading1 paragraphs and a TOC field in document.xml', () => {
      for (const d of docs) {
        const xml = docxPart(readFileSync(d.docx), 'word/document.xml');
        const styles = docxStyles(xml);
        expect(styles.filter((s) => s === 'Heading1').length, d.docx).toBeGreaterThanOrEqual(2);
        // A real field: begin … instruction TOC … end, so Word can update it.
        const toc =
          /<w:fldChar w:fldCharType="begin"[^>]*\/>(?:(?!<w:fldChar)[\s\S])*?<w:instrText[^>]*>\s*TOC\b[\s\S]*?<w:fldChar w:fldCharType="end"[^>]*\/>/;
        expect(toc.test(xml), `${d.docx} has no TOC field`).toBe(true);
        // The body is there, not only the title page and the TOC.
        const paragraphs = docxParagraphs(xml);
        expect(paragraphs.length).toBeGreaterThan(20);
      }
    });

    it('resolves every internal link (TOC entries, appendix section references) to a bookmark', () => {
      for (const d of docs) {
        const xml = docxPart(readFileSync(d.docx), 'word/document.xml');
        const anchors = new Set([...xml.matchAll(/<w:hyperlink\b[^>]*w:anchor="([^"]+)"/g)].map((m) => m[1]));
        const bookmarks = new Set([...xml.matchAll(/<w:bookmarkStart\b[^>]*w:name="([^"]+)"/g)].map((m) => m[1]));
        expect(anchors.size, `${d.docx} has no internal links`).toBeGreaterThan(0);
        expect(
          [...anchors].filter((a) => !bookmarks.has(a)),
          d.docx,
        ).toEqual([]);
      }
    });
  });

  describe('PDF', () => {
    it.skipIf(!tools.qpdf)('passes qpdf --check', () => {
      for (const d of docs) {
        const r = run('qpdf', ['--check', d.pdf]);
        expect(r.status, `${d.pdf}: ${r.stdout}${r.stderr}`).toBe(0);
        expect(r.stdout).toContain('No syntax or stream encoding errors');
      }
    });

    it.skipIf(!tools.pdffonts)('embeds every font it uses', () => {
      for (const d of docs) {
        const r = run('pdffonts', [d.pdf]);
        expect(r.status, r.stderr).toBe(0);
        const rows = r.stdout
          .split('\n')
          .slice(2)
          .filter((l) => l.trim() !== '');
        expect(rows.length, `${d.pdf} lists no fonts`).toBeGreaterThan(0);
        for (const row of rows) {
          // Columns from the right: object ID (2), uni, sub, emb.
          const cols = row.trim().split(/\s+/);
          expect(cols[cols.length - 5], `${d.pdf}: font not embedded: ${row}`).toBe('yes');
        }
      }
    });

    it.skipIf(!tools.pdfinfo)('carries the document title in its metadata, the same as the DOCX', () => {
      for (const d of docs) {
        const title = pdfInfo(d.pdf).get('Title') ?? '';
        expect(title, d.pdf).not.toBe('');
        expect(title).toBe(docxTitle(readFileSync(d.docx)));
      }
    });

    it.skipIf(!tools.pdftotext)('has text naming the product and the manufacturer', () => {
      for (const d of docs) {
        const text = pdfText(d.pdf);
        expect(pdfContains(text, d.example.productName), `${d.pdf} lacks ${d.example.productName}`).toBe(true);
        expect(pdfContains(text, d.example.manufacturerName), `${d.pdf} lacks ${d.example.manufacturerName}`).toBe(
          true,
        );
      }
    });

    it.skipIf(!tools.qpdf)('has an outline (bookmarks) whose top entries are the DOCX level-1 headings', () => {
      for (const d of docs) {
        const r = run('qpdf', ['--json', '--json-key=outlines', d.pdf]);
        expect(r.status, r.stderr).toBe(0);
        const outlines = (JSON.parse(r.stdout) as { outlines: OutlineItem[] }).outlines;
        expect(outlines.length, `${d.pdf} has no bookmarks`).toBeGreaterThan(1);
        const xml = docxPart(readFileSync(d.docx), 'word/document.xml');
        const styles = docxStyles(xml);
        const headings = new Set(
          [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
            .filter((p) => p[0].includes('<w:pStyle w:val="Heading1"/>'))
            .map((p) => normalise(docxParagraphs(p[0]).join('')).replace(/^\d+\s*/, '')),
        );
        expect(styles).toContain('Heading1');
        for (const o of outlines) {
          const title = normalise(o.title).replace(/^\d+\s*/, '');
          expect(
            headings.has(title),
            `${d.pdf}: bookmark "${o.title}" is not a level-1 heading of the DOCX (${[...headings].join(' | ')})`,
          ).toBe(true);
        }
      }
    });
  });
});
