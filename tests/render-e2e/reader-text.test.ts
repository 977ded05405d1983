import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Block, Document, Table } from '../../src/model/nodes.js';
import { inlineText, walkBlocks } from '../../src/model/text.js';
import { wordSegments } from '../../src/render/fit/break-points.js';
import { headerTexts } from '../../src/render/captions.js';
import { loadFonts } from '../../src/render/pdf/paint/fonts.js';
import { PAGE, SIZE, SPACE } from '../../src/render/pdf/style.js';
import { hasTool } from '../helpers/clients.js';
import { docxText } from '../e2e/support/docx.js';
import { concreteExamples, removeTempDirs, type Example } from '../e2e/support/examples.js';
import { generatedExamples } from '../e2e/support/generated.js';
import { pdfText } from '../e2e/support/pdf.js';
import { build } from '../e2e/support/pipeline.js';
import { dataIdentifiers } from './data-identifiers.js';

/**
 * What a reader gets when copying, searching or extracting text from the generated examples
 * (one generation, shared by every check of this file): identifiers from the data whole in
 * both formats (in the PDF divided at a natural break point only where a table cannot hold
 * them), list numbers before their text, table cells row by row, page furniture at
 * the same place on every page.
 */

interface Generated {
  readonly example: Example;
  readonly docType: string;
  readonly model: Document;
  readonly pdfRaw: string;
  readonly docx: string;
}

const generated: Generated[] = [];
const squash = (s: string): string => s.replace(/\s+/g, '');
const normalise = (s: string): string => s.replace(/\s+/g, ' ').trim();

function blockText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return inlineText(block.children);
    case 'table':
      return block.rows.map((r) => r.cells.map((c) => inlineText(c.children)).join('\n')).join('\n');
    case 'code':
      return block.value;
    default:
      return '';
  }
}

/** The text of the model's blocks: what both formats must show in their body. */
function bodyText(doc: Document): string {
  return [...walkBlocks(doc.children)].map(blockText).join('\n');
}

/** The PDF's pages after the title page without their running header and footer (first and last line). */
function pdfBody(raw: string): string {
  return raw
    .split('\f')
    .slice(1)
    .map((page) =>
      page
        .split('\n')
        .filter((l) => l.trim() !== '')
        .slice(1, -1)
        .join('\n'),
    )
    .join('\n');
}

const m = loadFonts().measurer;
const FRAME = PAGE.width - PAGE.marginLeft - PAGE.marginRight;
const PAD = 2 * SPACE.cellPadX;
/** Widest piece of `text` that is never divided: a header word whole, a body word between its break points. */
function widestPiece(text: string, header: boolean): number {
  const pieces = text
    .split(/\s+/)
    .flatMap((w) => wordSegments(w, header ? 'whole' : 'hyphenate').map((p) => `${p.text}${p.hyphen ? '-' : ''}`));
  return Math.max(0, ...pieces.map((p) => m.width(p, header ? 'bold' : 'regular', SIZE.table)));
}

const narrowestCache = new WeakMap<Table, number[]>();

/** Each column's narrowest width: its widest piece that is never divided, with the cell padding. */
function narrowestColumns(table: Table): number[] {
  const known = narrowestCache.get(table);
  if (known !== undefined) return known;
  const count = Math.max(...table.rows.map((r) => r.cells.length));
  const widths = Array.from(
    { length: count },
    (_, ci) =>
      Math.max(
        ...table.rows.map((r, ri) => widestPiece(inlineText(r.cells[ci]?.children ?? []), ri < table.headerRows)),
      ) + PAD,
  );
  narrowestCache.set(table, widths);
  return widths;
}

/**
 * Occurrences of `value` in table cells where it cannot stand whole on one line at any column
 * widths: even with every other column at its narrowest (header words and identifier pieces
 * never divided), the room left is too small. There, and only there, it may be divided, at
 * its natural break points.
 */
function occurrencesInCrowdedTables(doc: Document, value: string): number {
  let n = 0;
  for (const block of walkBlocks(doc.children)) {
    if (block.type !== 'table') continue;
    const narrowest = narrowestColumns(block);
    for (const row of block.rows.slice(block.headerRows)) {
      row.cells.forEach((c, ci) => {
        const text = inlineText(c.children);
        if (!text.includes(value)) return;
        const room = FRAME - narrowest.reduce((s, w, j) => (j === ci ? s : s + w), 0) - PAD;
        const widest = Math.max(
          ...text
            .split(/\s+/)
            .filter((w) => w.includes(value))
            .map((w) => m.width(w, 'regular', SIZE.table)),
        );
        if (widest > room) n += occurrences(text, value);
      });
    }
  }
  return n;
}

function occurrences(text: string, value: string): number {
  let n = 0;
  for (let i = text.indexOf(value); i >= 0; i = text.indexOf(value, i + value.length)) n++;
  return n;
}

afterAll(removeTempDirs);

describe.runIf(hasTool('pdftotext'))('text of the generated examples as a reader copies it', () => {
  beforeAll(async () => {
    // The examples every e2e file shares (generatedExamples rejects when generate failed).
    const { out } = await generatedExamples();
    for (const example of await concreteExamples()) {
      for (const docType of example.docTypes) {
        const base = join(out, example.productId, docType);
        generated.push({
          example,
          docType,
          model: build(example.device.data, docType, example.path).document,
          pdfRaw: pdfText(`${base}.pdf`, ['-raw']),
          docx: docxText(new Uint8Array(readFileSync(`${base}.docx`))),
        });
      }
    }
  });

  it('shows every port, host name, URL, e-mail, CVE id, version and document id of the data unbroken in both formats', () => {
    let checked = 0;
    const broken: string[] = [];
    for (const g of generated) {
      const body = bodyText(g.model);
      const pdf = pdfBody(g.pdfRaw);
      // Lines rejoined where they end at a natural break point of an identifier.
      const rejoined = pdf.replace(/([/._@:-])\n/g, '$1');
      for (const id of dataIdentifiers(g.example.device.data)) {
        const wanted = occurrences(body, id.value);
        if (wanted === 0) continue;
        checked++;
        // Every occurrence, not just one: the same host name may be whole in one table and divided in another.
        const where = `${id.kind} ${id.value} (${id.path}), ${wanted} in the text`;
        const whole = occurrences(pdf, id.value);
        const cannotFit = occurrencesInCrowdedTables(g.model, id.value);
        if (whole < wanted - cannotFit || occurrences(rejoined, id.value) < wanted)
          broken.push(`${g.example.productId}/${g.docType}.pdf: ${where}, ${whole} whole`);
        if (occurrences(g.docx, id.value) < wanted)
          broken.push(`${g.example.productId}/${g.docType}.docx: ${where}, ${occurrences(g.docx, id.value)} whole`);
      }
    }
    expect(broken).toEqual([]);
    // The examples hold ports, host names and versions: a collector that finds nothing proves nothing.
    expect(checked).toBeGreaterThan(50);
    const kinds = new Set(generated.flatMap((g) => dataIdentifiers(g.example.device.data).map((i) => i.kind)));
    for (const kind of ['port', 'host', 'cve', 'version', 'document id'] as const) expect(kinds, kind).toContain(kind);
  });

  it('keeps the DOCX text free of invisible break characters (copied text equals the data)', () => {
    for (const g of generated)
      expect(g.docx, `${g.example.productId}/${g.docType}.docx`).not.toMatch(/[\u00ad\u200b\u200c\u2060]/);
  });

  it("extracts a list item's number before its text", () => {
    let checked = 0;
    for (const g of generated) {
      const raw = normalise(g.pdfRaw);
      for (const block of walkBlocks(g.model.children)) {
        if (block.type !== 'list' || !block.ordered) continue;
        block.items.forEach((item, i) => {
          const first = item.children[0];
          if (first?.type !== 'paragraph') return;
          const words = normalise(inlineText(first.children)).split(' ').slice(0, 3).join(' ');
          if (words === '') return;
          checked++;
          expect(raw, `${g.example.productId}/${g.docType}: item ${block.start + i}`).toContain(
            `${block.start + i}. ${words}`,
          );
        });
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('extracts table cells row by row: the first body row of every table reads cell after cell', () => {
    let checked = 0;
    for (const g of generated) {
      const raw = squash(g.pdfRaw).replace(/-/g, '');
      for (const block of walkBlocks(g.model.children)) {
        if (block.type !== 'table') continue;
        const row = block.rows[block.headerRows];
        if (row === undefined) continue;
        const cells = row.cells.map((c) => squash(inlineText(c.children)).replace(/-/g, '')).join('');
        checked++;
        expect(raw, `${g.example.productId}/${g.docType}: ${cells.slice(0, 60)}`).toContain(cells);
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('puts the running header first and the footer last on every page after the title page', () => {
    for (const g of generated) {
      const pages = g.pdfRaw.split('\f').filter((p) => p.trim() !== '');
      const header = headerTexts(g.model.meta);
      pages.slice(1).forEach((page, i) => {
        const lines = page.split('\n').filter((l) => l.trim() !== '');
        const where = `${g.example.productId}/${g.docType} page ${i + 2}`;
        expect(lines[0], where).toContain(header.right);
        expect(lines[0]?.startsWith(g.model.meta.productName), where).toBe(true);
        expect(lines[lines.length - 1], where).toMatch(new RegExp(`Page ${i + 2} of ${pages.length}$`));
      });
    }
  });
});
