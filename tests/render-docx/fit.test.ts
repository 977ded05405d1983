import { beforeAll, describe, expect, it } from 'vitest';
import type { Block, Document, Table } from '../../src/model/nodes.js';
import { renderDocx } from '../../src/render/docx/index.js';
import { fitTableColumns, textRoom } from '../../src/render/docx/cell-fit.js';
import { textWidth } from '../../src/render/docx/metrics.js';
import { CELL_MARGIN, SIZE, TEXT_WIDTH } from '../../src/render/docx/theme.js';
import { headerTexts } from '../../src/render/captions.js';
import { sampleDocument } from '../fixtures/sample-model.js';
import { paragraphText, unzipDocx } from './projection.js';
import { child, descendants, parseXml, type XmlElement } from './xml.js';

/** DOCX tables fitted to their content, soft hyphens only in words, headings kept with the next paragraph, a one-line header. */

const cell = (value: string) => ({ type: 'tableCell' as const, children: [{ type: 'text' as const, value }] });
const row = (...values: string[]) => ({ type: 'tableRow' as const, cells: values.map(cell) });
const HOST = 'mqtt.glucoflow-us.nordhavn-medical.com';
const WORD = 'telecommunications';

const ports: Table = {
  type: 'table',
  columns: [{ align: 'left' }, { align: 'left' }, { align: 'left' }, { align: 'left' }],
  headerRows: 1,
  rows: [
    row('Port', 'Transport', 'Purpose', 'Approved end-points'),
    row(
      '443',
      'TCP',
      'The app checks for and downloads signed firmware updates and the certificate revocation list',
      HOST,
    ),
  ],
};

const HEADERS = ['Authentication', 'Authorisation', 'Confidentiality', 'Availability', 'Accountability'];
const VERSION = 'v2.10.3';
/** Five wide header words leave too little room for the first column's text. */
const crowded: Table = {
  type: 'table',
  columns: Array.from({ length: 6 }, () => ({ align: 'left' as const })),
  headerRows: 1,
  rows: [row('A', ...HEADERS), row(`${WORD} ${VERSION}`, 'x', 'x', 'x', 'x', 'x')],
};

/**
 * Word and LibreOffice divide "CVE-2024-28960" nowhere (not after a hyphen before a digit, as
 * Unicode line breaking says), so it needs its width whole: the header words cannot all stay
 * whole beside it.
 */
const CVE = 'CVE-2024-28960';
const tooCrowded: Table = { ...crowded, rows: [row('A', ...HEADERS), row(CVE, 'x', 'x', 'x', 'x', 'x')] };

let tables: XmlElement[];
let body: XmlElement;

async function documentXml(doc: Document): Promise<XmlElement> {
  return parseXml(unzipDocx(await renderDocx(doc, {})).text('word/document.xml'));
}

beforeAll(async () => {
  const blocks: Block[] = [
    { type: 'heading', depth: 1, id: 'net', number: '1', clauses: [], children: [{ type: 'text', value: 'Network' }] },
    ports,
    crowded,
    tooCrowded,
  ];
  body = await documentXml({ ...sampleDocument(), children: blocks });
  // The title page has two tables of its own (document control, revisions); ours follow.
  tables = descendants(body, 'w:tbl').slice(-3);
});

const gridWidths = (tbl: XmlElement): number[] =>
  descendants(child(tbl, 'w:tblGrid')!, 'w:gridCol').map((c) => Number(c.attrs['w:w']));
const cellsOf = (tbl: XmlElement): XmlElement[][] => descendants(tbl, 'w:tr').map((tr) => descendants(tr, 'w:tc'));

describe('DOCX tables fitted to their content', () => {
  it('declares a fixed layout with a grid that fills the text width and matching cell widths', () => {
    for (const tbl of tables) {
      const tblPr = child(tbl, 'w:tblPr')!;
      expect(child(tblPr, 'w:tblLayout')?.attrs['w:type']).toBe('fixed');
      const grid = gridWidths(tbl);
      expect(grid.reduce((s, w) => s + w, 0)).toBe(TEXT_WIDTH);
      for (const cells of cellsOf(tbl)) {
        cells.forEach((tc, i) => {
          const tcW = child(child(tc, 'w:tcPr')!, 'w:tcW')!;
          expect(tcW.attrs['w:type']).toBe('dxa');
          expect(Number(tcW.attrs['w:w'])).toBe(grid[i]);
        });
      }
    }
  });

  it('gives the port and host name columns room for their text whole, and the description the rest', () => {
    const grid = gridWidths(tables[0]!);
    const pt = SIZE.table / 2;
    const margins = (CELL_MARGIN.x * 2) / 20;
    // Widths are whole twips (1/20 pt): allow the rounding.
    expect(grid[0]! / 20).toBeGreaterThanOrEqual(textWidth('Port', { bold: true }, pt) + margins - 0.1);
    expect(grid[3]! / 20).toBeGreaterThanOrEqual(textWidth(HOST, {}, pt) + margins - 0.1);
    expect(grid[2]!).toBeGreaterThan(grid[1]! * 2);
  });

  it('puts soft hyphens only into an ordinary word too wide for its column, never into identifiers, nor into header words that fit', () => {
    const [header, data] = cellsOf(tables[1]!);
    for (const tc of header ?? []) expect(descendants(tc, 'w:softHyphen')).toEqual([]);
    const first = data?.[0];
    expect(first).toBeDefined();
    expect(descendants(first!, 'w:softHyphen').length).toBeGreaterThan(0);
    // The characters are unchanged: the cell reads as the data, identifiers included.
    expect(descendants(first!, 'w:p').map(paragraphText).join('')).toBe(`${WORD} ${VERSION}`);
    // No break mark between the characters of the identifier: its text is in one w:t.
    const runs = descendants(first!, 'w:t').map((t) => t.children.filter((c) => typeof c === 'string').join(''));
    expect(runs.some((t) => t.includes(VERSION))).toBe(true);
  });

  it('gives an identifier Word cannot divide its width, hyphenating header words instead of cutting it', () => {
    const grid = gridWidths(tables[2]!);
    const margins = (CELL_MARGIN.x * 2) / 20;
    expect(grid[0]! / 20).toBeGreaterThanOrEqual(textWidth(CVE, {}, SIZE.table / 2) + margins - 0.1);
    const [header] = cellsOf(tables[2]!);
    const hyphenated = (header ?? []).map((tc) => descendants(tc, 'w:softHyphen').length > 0);
    // As few header words as needed are divided, each in a column narrower than the word; their
    // text is unchanged.
    expect(hyphenated.filter(Boolean).length).toBeGreaterThan(0);
    expect(hyphenated.filter(Boolean).length).toBeLessThan(HEADERS.length);
    HEADERS.forEach((h, i) => {
      // Widths are whole twips: a word wider than its column by less than one fits (textRoom).
      const narrower = textRoom(grid[i + 1]! / 20) < textWidth(h, { bold: true }, SIZE.table / 2);
      expect(hyphenated[i + 1]).toBe(narrower);
    });
    expect((header ?? []).map((tc) => descendants(tc, 'w:p').map(paragraphText).join(''))).toEqual(['A', ...HEADERS]);
  });

  it('fits a host name in a narrow table to the pieces Word divides it into: after a hyphen, not after a dot', () => {
    const host = 'updates.lumen-diagnostics.ch';
    const narrow: Table = {
      ...ports,
      columns: [{ align: 'left' }, { align: 'left' }],
      rows: [row('Host', 'Purpose'), row(host, 'Download signed update packages and send statistics')],
    };
    const pt = SIZE.table / 2;
    const margins = (CELL_MARGIN.x * 2) / 20;
    const [first] = fitTableColumns(narrow, 2, 1, 125);
    expect(first).toBeGreaterThanOrEqual(textWidth('updates.lumen-', {}, pt) + margins - 1e-9);
    expect(first).toBeLessThan(textWidth(host, {}, pt) + margins);
  });

  it('keeps the host name contiguous in the text a reader copies', () => {
    const texts = descendants(tables[0]!, 'w:p').map(paragraphText);
    expect(texts).toContain(HOST);
  });
});

describe('DOCX page furniture', () => {
  it('keeps headings with the next paragraph and their lines together', () => {
    const heading = descendants(body, 'w:p').find((p) => paragraphText(p).includes('Network'))!;
    const pPr = child(heading, 'w:pPr')!;
    expect(child(pPr, 'w:keepNext')).toBeDefined();
    expect(child(pPr, 'w:keepLines')).toBeDefined();
  });

  it('keeps a bold-only paragraph (a run-in heading) with the next block, and no other paragraph', async () => {
    const text = (value: string) => ({ type: 'text' as const, value });
    const blocks: Block[] = [
      { type: 'paragraph', children: [{ type: 'strong', children: [text('Lead line.')] }] },
      { type: 'paragraph', children: [text('Ordinary '), { type: 'strong', children: [text('bold')] }] },
      { type: 'paragraph', children: [text('Last')] },
    ];
    const parts = unzipDocx(await renderDocx({ ...sampleDocument(), children: blocks }, {}));
    const keeps = (needle: string): boolean => {
      const p = descendants(parseXml(parts.text('word/document.xml')), 'w:p').find((x) =>
        paragraphText(x).includes(needle),
      );
      const pPr = p === undefined ? undefined : child(p, 'w:pPr');
      return pPr !== undefined && child(pPr, 'w:keepNext') !== undefined;
    };
    expect(keeps('Lead line.')).toBe(true);
    expect(keeps('Ordinary')).toBe(false);
    expect(keeps('Last')).toBe(false);
  });

  async function headerText(meta: Partial<Document['meta']>): Promise<string> {
    const doc = { ...sampleDocument(), meta: { ...sampleDocument().meta, ...meta } };
    const parts = unzipDocx(await renderDocx(doc, {}));
    const headers = parts.names
      .filter((n) => /^word\/header\d+\.xml$/.test(n))
      .map((n) =>
        descendants(parseXml(parts.text(n)), 'w:p')
          .map(paragraphText)
          .join(''),
      );
    return headers.find((h) => h.includes('\t')) ?? '';
  }

  it('shortens a long title at a word, with an ellipsis, so the header fits one line', async () => {
    const title = 'AI system instructions for use and transparency information for deployers of the system';
    const left = (await headerText({ title })).split('\t')[0]!;
    expect(left.endsWith('\u2026')).toBe(true);
    expect(left.length).toBeLessThan(headerTexts({ ...sampleDocument().meta, title }).left.length);
    // Cut after a whole word of the title, not inside one nor after "and"/"for".
    const kept = left.slice(0, -1).split(' ');
    expect(title.split(' ')).toContain(kept[kept.length - 1]);
    expect(['and', 'for', 'of', 'the']).not.toContain(kept[kept.length - 1]);
  });

  it('prints the short title when the data gives one', async () => {
    expect(
      (await headerText({ title: 'A very long title that would not fit', shortTitle: 'Short' })).split('\t')[0],
    ).toBe(`${sampleDocument().meta.productName} \u2014 Short`);
  });
});

describe('DOCX width estimates', () => {
  it('are at least as wide as Arial (Helvetica metrics) and as DejaVu Sans, the fallback LibreOffice draws', async () => {
    const { default: PDFDocument } = await import('pdfkit');
    const { createRequire } = await import('node:module');
    const dir = createRequire(import.meta.url)
      .resolve('dejavu-fonts-ttf/package.json')
      .replace(/package\.json$/, 'ttf/');
    const pdf = new PDFDocument({ autoFirstPage: false });
    for (const text of [
      'Port',
      'Authentication',
      'updates.glucoflow.nordhavn-medical.eu',
      'AES-256-GCM',
      'Größe – “quoted” …',
    ]) {
      for (const [bold, fonts] of [
        [false, ['Helvetica', `${dir}DejaVuSans.ttf`]],
        [true, ['Helvetica-Bold', `${dir}DejaVuSans-Bold.ttf`]],
      ] as const) {
        for (const font of fonts)
          expect(textWidth(text, { bold }, 10), `${text} in ${font}`).toBeGreaterThanOrEqual(
            pdf.font(font).fontSize(10).widthOfString(text),
          );
      }
    }
  });
});
