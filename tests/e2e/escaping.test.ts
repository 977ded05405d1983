import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocType } from '../../src/regulatory/catalogue.js';
import { renderDocx } from '../../src/render/docx/index.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import { deviceSchema } from '../../src/pipeline/device-schema.js';
import { resolveSchemaPath } from '../../src/schema/path.js';
import { hasTool } from '../helpers/clients.js';
import { docxParagraphs, docxPart } from './support/docx.js';
import { EXAMPLES, describeExample, tempDir, removeTempDirs, type Example } from './support/examples.js';
import { pdfContains, pdfText } from './support/pdf.js';
import { build, structure } from './support/pipeline.js';

afterAll(removeTempDirs);

/** Text that Markdown, HTML, Handlebars or XML would turn into something else if not escaped. */
const NASTY = [
  '*bold*',
  '_x_',
  'a | b',
  '# heading',
  '1. item',
  '<b>x</b>',
  '`code` and ``x``',
  '[x](http://y)',
  '{{x}}',
  '&amp;',
] as const;

const hasPdftotext = hasTool('pdftotext');

/** Free text in the schema: a string without enum, format or pattern (ids, dates, URLs and enums keep their values). */
function isFreeText(schema: Record<string, unknown>, path: string): boolean {
  const s = resolveSchemaPath(schema, path);
  return (
    s !== undefined &&
    s['type'] === 'string' &&
    !('enum' in s) &&
    !('format' in s) &&
    !('pattern' in s) &&
    !('const' in s)
  );
}

/**
 * A copy of `data` whose every free-text string leaf is a unique nasty value: the pattern first
 * (so `# heading` and `1. item` would start a line), then a marker `Q<i>Q` that shows whether a
 * document displays the field at all.
 */
function poison(data: unknown, schema: Record<string, unknown>): { data: unknown; values: Map<string, string> } {
  const values = new Map<string, string>();
  const walk = (v: unknown, path: string): unknown => {
    if (typeof v === 'string') {
      if (!isFreeText(schema, path)) return v;
      const i = values.size;
      const value = `${NASTY[i % NASTY.length]} Q${i}Q`;
      values.set(path, value);
      return value;
    }
    if (Array.isArray(v)) return v.map((x, i) => walk(x, `${path}[${i}]`));
    if (typeof v === 'object' && v !== null)
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, path === '' ? k : `${path}.${k}`)]));
    return v;
  };
  return { data: walk(data, ''), values };
}

describe('values from the data are inserted as literal text', () => {
  let example: Example;
  let values: Map<string, string>;
  const docx = new Map<DocType, string[]>();
  const pdf = new Map<DocType, string>();
  const counts = new Map<DocType, { plain: ReturnType<typeof structure>; nasty: ReturnType<typeof structure> }>();

  beforeAll(async () => {
    example = await describeExample(join(EXAMPLES, 'insulin-pump/glucoflow-x2-connect.yaml'));
    const poisoned = poison(example.device.data, deviceSchema());
    values = poisoned.values;
    const dir = tempDir('escaping');
    for (const docType of example.docTypes) {
      const plain = build(example.device.data, docType);
      const nasty = build(poisoned.data as Record<string, unknown>, docType);
      counts.set(docType, { plain: structure(plain.document), nasty: structure(nasty.document) });
      docx.set(docType, docxParagraphs(docxPart(await renderDocx(nasty.document, {}), 'word/document.xml')));
      if (hasPdftotext) {
        const file = join(dir, `${docType}.pdf`);
        writeFileSync(file, await renderPdf(nasty.document, {}));
        // Content-stream order (-raw) is reading order, cell by cell; the default mode's layout
        // analysis merges the lines of neighbouring table cells that share a baseline.
        pdf.set(docType, pdfText(file, ['-raw']));
      }
    }
  });

  it('replaces many free-text fields, and leaves ids, dates and enums alone', () => {
    expect(values.size).toBeGreaterThan(100);
    expect(values.has('product.id')).toBe(false);
    expect(values.has('support_period.end_date')).toBe(false);
    expect(values.has('product.name')).toBe(true);
  });

  it('keeps the same number of headings, tables and lists as with plain values', () => {
    expect(counts.size).toBe(example.docTypes.length);
    for (const [docType, c] of counts) expect(c.nasty, docType).toEqual(c.plain);
  });

  it('shows every displayed nasty value verbatim in the DOCX text', () => {
    const shown = new Set<string>();
    const broken: string[] = [];
    for (const [path, value] of values) {
      const marker = value.slice(value.lastIndexOf(' ') + 1);
      for (const [docType, paragraphs] of docx) {
        if (!paragraphs.some((p) => p.includes(marker))) continue;
        shown.add(path);
        if (!paragraphs.some((p) => p.includes(value)))
          broken.push(`${docType} ${path}: expected «${value}», found «${paragraphs.find((p) => p.includes(marker))}»`);
      }
    }
    console.log(`nasty values: ${values.size} free-text fields, ${shown.size} displayed in the DOCX`);
    // Not vacuous: most of the data is displayed somewhere, and every pattern is among it.
    expect(shown.size).toBeGreaterThan(50);
    for (const n of NASTY)
      expect(
        [...shown].some((p) => values.get(p)?.startsWith(n)),
        n,
      ).toBe(true);
    expect(broken, broken.slice(0, 20).join('\n')).toEqual([]);
  });

  it.skipIf(!hasPdftotext)('shows every displayed nasty value verbatim in the PDF text', () => {
    const broken: string[] = [];
    let checked = 0;
    for (const [path, value] of values) {
      const marker = value.slice(value.lastIndexOf(' ') + 1);
      for (const [docType, paragraphs] of docx) {
        // Displayed in the DOCX → the PDF of the same model must display it too.
        if (!paragraphs.some((p) => p.includes(marker))) continue;
        checked++;
        if (!pdfContains(pdf.get(docType) ?? '', value))
          broken.push(`${docType} ${path}: «${value}» not in the PDF text`);
      }
    }
    console.log(`PDF: ${checked} displayed values checked`);
    expect(checked).toBeGreaterThan(50);
    expect(broken, broken.slice(0, 20).join('\n')).toEqual([]);
  });

  it('puts any printable product name verbatim into the DOCX and the PDF (property)', async () => {
    const base = example.device.data as Record<string, unknown>;
    // Markdown, HTML and Handlebars syntax plus Latin, Greek and Cyrillic letters.
    const alphabet = ' !"#$%&\'()*+,-./0123456789:;<=>?@AZaz[\\]^_`{|}~éß€✓ΩπЖд'.split('');
    const printable = fc.string({ unit: fc.constantFrom(...alphabet), minLength: 1, maxLength: 40 });
    const withPdf = hasTool('pdftotext');
    const dir = tempDir('property');
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        printable.filter((s) => s.trim() === s && s.trim() !== ''),
        async (name) => {
          const data = { ...base, product: { ...(base['product'] as object), name } };
          const built = build(data, 'decommissioning');
          const paragraphs = docxParagraphs(docxPart(await renderDocx(built.document, {}), 'word/document.xml'));
          expect(
            paragraphs.some((p) => p === name || p.includes(name)),
            `product name «${name}» in the DOCX`,
          ).toBe(true);
          expect(structure(built.document)).toEqual(counts.get('decommissioning')?.plain);
          if (withPdf) {
            const file = join(dir, `name-${run++}.pdf`);
            writeFileSync(file, await renderPdf(built.document, {}));
            expect(pdfContains(pdfText(file), name), `product name «${name}» in the PDF`).toBe(true);
          }
        },
      ),
      { numRuns: 15, seed: 20261129 },
    );
  });
});
