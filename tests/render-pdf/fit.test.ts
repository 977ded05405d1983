import { describe, expect, it } from 'vitest';
import type { Block, Document, Table } from '../../src/model/nodes.js';
import { layoutDocument } from '../../src/render/pdf/layout/document.js';
import { columnWidths } from '../../src/render/pdf/layout/table-widths.js';
import type { LayoutPage, TextOp } from '../../src/render/pdf/layout/types.js';
import { loadFonts } from '../../src/render/pdf/paint/fonts.js';
import { PAGE, SIZE } from '../../src/render/pdf/style.js';
import { hyphenationPoints } from '../../src/render/hyphenation/index.js';
import { sampleDocument } from '../fixtures/sample-model.js';

/** Tables fitted to their content, reading order and keep-with-next in the PDF layout. */

const m = loadFonts().measurer;
const texts = (page: LayoutPage): TextOp[] => page.ops.filter((o): o is TextOp => o.kind === 'text');
const cell = (value: string) => ({ type: 'tableCell' as const, children: [{ type: 'text' as const, value }] });
const row = (...values: string[]) => ({ type: 'tableRow' as const, cells: values.map(cell) });
const para = (value: string): Block => ({ type: 'paragraph', children: [{ type: 'text', value }] });
const FRAME = PAGE.width - PAGE.marginLeft - PAGE.marginRight;

function doc(children: Block[]): Document {
  return { ...sampleDocument(), children };
}

/** Body text ops of the pages after the title page, without the running header and footer. */
function bodyOps(children: Block[]): TextOp[][] {
  const pages = layoutDocument(doc(children), m).pages.slice(1);
  return pages.map((p) =>
    texts(p).filter((t) => t.y > PAGE.marginTop - 1 && t.y < PAGE.height - PAGE.marginBottom + 1),
  );
}

const ports: Table = {
  type: 'table',
  columns: [{ align: 'left' }, { align: 'left' }, { align: 'left' }, { align: 'left' }],
  headerRows: 1,
  rows: [
    row('Port', 'Transport', 'Purpose', 'Approved end-points'),
    row(
      '443',
      'TCP',
      'The app checks for and downloads signed firmware updates and the certificate revocation list (at most every 6 hours)',
      'updates.glucoflow.nordhavn-medical.eu',
    ),
    row(
      '8883',
      'TCP',
      'Gateway sends pump status, alarms and history to the cloud',
      'mqtt.glucoflow-us.nordhavn-medical.com',
    ),
  ],
};

/** A table whose five header words leave too little room for `text` in the first column. */
function crowded(text: string): Table {
  const headers = ['Authentication', 'Authorisation', 'Confidentiality', 'Availability', 'Accountability'];
  return {
    type: 'table',
    columns: [{ align: 'left' }, ...headers.map(() => ({ align: 'left' as const }))],
    headerRows: 1,
    rows: [row('A', ...headers), row(text, ...headers.map(() => 'x'))],
  };
}

describe('PDF tables fitted to their content', () => {
  it('keeps ports, header words and host names whole when the table can hold them', () => {
    const ops = bodyOps([ports]).flat();
    for (const word of [
      'Port',
      'Transport',
      '443',
      '8883',
      'updates.glucoflow.nordhavn-medical.eu',
      'mqtt.glucoflow-us.nordhavn-medical.com',
    ]) {
      expect(
        ops.some((t) => t.text.split(' ').includes(word)),
        word,
      ).toBe(true);
    }
    expect(ops.some((t) => t.text === '4' || t.text === '44' || t.text === 'P')).toBe(false);
  });

  it('sizes columns from the measured text: no column narrower than its widest unbreakable piece', () => {
    const widths = columnWidths(ports, FRAME, m);
    expect(widths.reduce((s, w) => s + w, 0)).toBeCloseTo(FRAME);
    expect(widths[0]).toBeGreaterThanOrEqual(m.width('Port', 'bold', SIZE.table));
    expect(widths[3]).toBeGreaterThanOrEqual(m.width('mqtt.glucoflow-us.nordhavn-medical.com', 'regular', SIZE.table));
    // The long description gets the room the short columns do not need.
    expect(widths[2]).toBeGreaterThan(widths[1]! * 2);
  });

  it('divides an identifier that cannot fit only after its natural break characters, adding nothing', () => {
    const ops = bodyOps([crowded('api.glucoflow-us.nordhavn-medical.example.com')]).flat();
    // The first column's text, below its header "A".
    const pieces = ops.filter((t) => t.x < PAGE.marginLeft + 10 && t.text !== 'A').map((t) => t.text);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe('api.glucoflow-us.nordhavn-medical.example.com');
    for (const piece of pieces.slice(0, -1)) expect(piece).toMatch(/[./\-_@:]$/);
  });

  it('hyphenates an ordinary word that cannot fit where the patterns allow, with a drawn hyphen', () => {
    const word = 'telecommunications';
    const lines = bodyOps([crowded(word)])
      .flat()
      .filter((t) => /^[a-z]{2,}-?$/.test(t.text))
      .map((t) => t.text);
    expect(lines.length).toBeGreaterThan(1);
    // Rejoined at the drawn hyphens, the lines give back the word.
    expect(lines.join('').replace(/-/g, '')).toBe(word);
    const allowed = new Set(hyphenationPoints(word));
    let at = 0;
    for (const line of lines.slice(0, -1)) {
      expect(line.endsWith('-'), line).toBe(true);
      at += line.length - 1;
      expect(allowed.has(at), `${word.slice(0, at)}-`).toBe(true);
    }
  });

  it('hyphenates header words, with a drawn hyphen, only when the table cannot hold them whole', () => {
    const headers = ['Source', 'Destination', 'Protocol', 'Data', 'Encryption', 'Authentication', 'Addressing'];
    const flows: Table = {
      type: 'table',
      columns: headers.map(() => ({ align: 'left' as const })),
      headerRows: 1,
      rows: [
        row(...headers),
        // Two names without a break point leave too little room for every header word whole.
        row('LumenCXRTriageServer', 'HospitalPACSArchive', 'DICOM', 'images', 'TLS 1.3', 'mutual TLS', 'static'),
      ],
    };
    const texts = bodyOps([flows])
      .flat()
      .map((t) => t.text);
    // The header row is drawn first, cell by cell: each word, or its pieces in order.
    const pieces = texts.slice(0, texts.indexOf('LumenCXRTriageServer'));
    let divided = 0;
    for (const word of headers) {
      let at = 0;
      while (at < word.length) {
        const piece = pieces.shift() ?? '';
        const part = piece.endsWith('-') ? piece.slice(0, -1) : piece;
        expect(word.slice(at, at + part.length), piece).toBe(part);
        at += part.length;
        if (at < word.length) {
          // Divided with a drawn hyphen at a pattern point, never cut mid-syllable.
          expect(piece.endsWith('-'), piece).toBe(true);
          expect(new Set(hyphenationPoints(word)).has(at), `${word.slice(0, at)}-`).toBe(true);
          divided++;
        }
      }
    }
    expect(divided).toBeGreaterThan(0);
    expect(pieces).toEqual([]);
    // Words that fit stay whole.
    expect(texts).toContain('Source');
  });
});

describe('PDF reading order', () => {
  it('draws a list item number before the text of the item', () => {
    const list: Block = {
      type: 'list',
      ordered: true,
      start: 7,
      items: [
        { type: 'listItem', children: [para('Seventh step')] },
        { type: 'listItem', children: [para('Eighth step')] },
      ],
    };
    const ops = bodyOps([list])
      .flat()
      .map((t) => t.text);
    expect(ops.indexOf('7.')).toBeGreaterThanOrEqual(0);
    expect(ops.indexOf('7.')).toBeLessThan(ops.indexOf('Seventh step'));
    expect(ops.indexOf('Seventh step')).toBeLessThan(ops.indexOf('8.'));
    expect(ops.indexOf('8.')).toBeLessThan(ops.indexOf('Eighth step'));
  });

  it('draws a table row by row, each row left to right', () => {
    const ops = bodyOps([ports])
      .flat()
      .map((t) => t.text);
    const at = (s: string): number => ops.findIndex((t) => t.includes(s));
    expect(at('Port')).toBeLessThan(at('Approved'));
    expect(at('Approved')).toBeLessThan(at('443'));
    expect(at('443')).toBeLessThan(at('updates.glucoflow'));
    expect(at('updates.glucoflow')).toBeLessThan(at('8883'));
  });
});

describe('PDF keep-with-next', () => {
  const filler = (n: number): Block[] => Array.from({ length: n }, (_, i) => para(`Filler line ${i + 1}`));
  const heading = (id: string, depth: 1 | 2, title: string): Block => ({
    type: 'heading',
    depth,
    id,
    number: depth === 1 ? '1' : '1.1',
    clauses: [],
    children: [{ type: 'text', value: title }],
  });

  /** Fills the first body page until `room` points are left, then adds `tail`. */
  function nearBottom(room: number, tail: Block[]): TextOp[][] {
    const line = SIZE.body * SIZE.leading;
    const available = PAGE.height - PAGE.marginTop - PAGE.marginBottom;
    // One paragraph of n hard-broken lines takes n lines: fill all but `room`.
    const n = Math.floor((available - room) / line);
    const lines = Array.from({ length: n }, (_, i) => `Line ${i + 1}`);
    const fill: Block = {
      type: 'paragraph',
      children: lines.flatMap((l, i) =>
        i === 0
          ? [{ type: 'text' as const, value: l }]
          : [{ type: 'break' as const }, { type: 'text' as const, value: l }],
      ),
    };
    return bodyOps([fill, ...tail]);
  }

  it('moves a heading to the next page when its first two lines of text do not fit below it', () => {
    // Room for the heading and one line, not two.
    const pages = nearBottom(SIZE.heading[2] * SIZE.leading + 14 + 6 + SIZE.body * SIZE.leading * 1.5, [
      heading('h', 2, 'Keep me'),
      para('word '.repeat(200)),
    ]);
    const first = pages.findIndex((p) => p.some((t) => t.text === 'Keep me'));
    expect(first).toBe(1);
    expect(pages[1]?.some((t) => t.text.startsWith('word'))).toBe(true);
  });

  it('keeps a chapter heading with the section heading and text that follow it', () => {
    const pages = nearBottom(SIZE.heading[1] * SIZE.leading + 40, [
      heading('c', 1, 'Chapter'),
      heading('s', 2, 'Section'),
      ...filler(3),
    ]);
    const chapter = pages.findIndex((p) => p.some((t) => t.text === 'Chapter'));
    const section = pages.findIndex((p) => p.some((t) => t.text === 'Section'));
    expect(chapter).toBe(section);
    expect(pages[section]?.some((t) => t.text === 'Filler line 1')).toBe(true);
  });

  it('never leaves a chapter heading, or a section heading, at the foot of a page, wherever the page ends', () => {
    const para2 = 'text '.repeat(60);
    for (let room = 0; room <= 160; room += 1) {
      const pages = nearBottom(room, [heading('c', 1, 'Chapter'), heading('s', 2, 'Section'), para(para2)]);
      const chapter = pages.findIndex((p) => p.some((t) => t.text === 'Chapter'));
      const section = pages.findIndex((p) => p.some((t) => t.text === 'Section'));
      expect(section, `room ${room}`).toBe(chapter);
      // The first two lines of the paragraph stand under the section heading on its page.
      const lines = (pages[section] ?? []).filter((t) => t.text.startsWith('text'));
      expect(lines.length, `room ${room}`).toBeGreaterThanOrEqual(2);
    }
  });

  it('never leaves a bold-only paragraph (a run-in heading) alone at the foot of a page', () => {
    const lead: Block = {
      type: 'paragraph',
      children: [{ type: 'strong', children: [{ type: 'text', value: 'Lead' }] }],
    };
    const plain: Block = { type: 'paragraph', children: [{ type: 'text', value: 'Plain' }] };
    let moved = 0;
    for (let room = 0; room <= 60; room += 1) {
      const pages = nearBottom(room, [lead, para('text '.repeat(60))]);
      const at = pages.findIndex((p) => p.some((t) => t.text === 'Lead'));
      const lines = (pages[at] ?? []).filter((t) => t.text.startsWith('text'));
      expect(lines.length, `room ${room}`).toBeGreaterThanOrEqual(1);
      if (at === 1) moved++;
      // An ordinary paragraph is not kept: it stays on the first page whenever it fits there.
      const plainPages = nearBottom(room, [plain, para('text '.repeat(60))]);
      if (room >= SIZE.body * SIZE.leading + 1)
        expect(
          plainPages.findIndex((p) => p.some((t) => t.text === 'Plain')),
          `room ${room}`,
        ).toBe(0);
    }
    expect(moved).toBeGreaterThan(0);
  });

  it('leaves a heading where it is when the text after it fits', () => {
    const pages = nearBottom(200, [heading('h', 2, 'Stay'), ...filler(2)]);
    expect(pages.findIndex((p) => p.some((t) => t.text === 'Stay'))).toBe(0);
  });
});
