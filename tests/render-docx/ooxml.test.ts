import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import type { Block, Document, Inline } from '../../src/model/nodes.js';
import { renderDocx } from '../../src/render/docx/index.js';
import { xmlEscape } from '../../src/render/docx/ooxml.js';
import { zipArchive, zipEntry } from '../../src/render/docx/zip.js';
import { sampleDocument } from '../fixtures/sample-model.js';
import { paragraphText, unzipDocx } from './projection.js';
import { run, toolAvailable } from './tools.js';
import { descendants, parseXml } from './xml.js';

/** Characters XML 1.0 does not allow in a document. */
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

const decode = (s: string): string =>
  s.replace(
    /&(amp|lt|gt|quot|apos);/g,
    (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e] ?? '',
  );

describe('xmlEscape', () => {
  it('gives text that is safe in content and in attribute values and decodes to the XML-legal input', () => {
    const unit = fc.constantFrom(
      'a',
      ' ',
      '&',
      '<',
      '>',
      '"',
      "'",
      '\u0000',
      '\u0008',
      '\t',
      '\n',
      '\r',
      '\u001f',
      '\uFFFE',
      '\uFFFF',
      '\uD83D',
      '\uDE00',
      '😀',
      '\u202E',
      'é',
      ']]>',
      '&amp;',
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }), (pieces) => {
        const input = pieces.join('');
        const out = xmlEscape(input);
        expect(out).not.toMatch(/[<>"']/);
        expect(out.replace(/&(amp|lt|gt|quot|apos);/g, '')).not.toContain('&');
        expect(out).not.toMatch(NOT_XML);
        expect(decode(out)).toBe(input.replace(NOT_XML, ''));
      }),
    );
  });

  it('returns ordinary text unchanged', () => {
    expect(xmlEscape('Ελληνικά, кириллица, 日本語 and emoji 😀')).toBe('Ελληνικά, кириллица, 日本語 and emoji 😀');
  });
});

const NASTY = `<b>&amp; "q" 'a' ]]> \u0001\u000b\uFFFF\uD800 \u202Eevil\u202C 😀 ${'W'.repeat(120)}`;
const LEGAL = NASTY.replace(NOT_XML, '');
const t = (value: string): Inline => ({ type: 'text', value });

function nastyDocument(): Document {
  const base = sampleDocument({
    title: NASTY,
    productName: NASTY,
    subtitle: NASTY,
    manufacturer: NASTY,
    language: 'de-DE',
  });
  const blocks: Block[] = [
    { type: 'heading', depth: 2, id: 'nasty', number: '9.9', clauses: [], children: [t(NASTY)] },
    {
      type: 'paragraph',
      children: [t(NASTY), { type: 'link', url: `https://x.example/?q=${NASTY}`, children: [t(NASTY)] }],
    },
    {
      type: 'paragraph',
      children: [
        { type: 'inlineCode', value: NASTY },
        { type: 'placeholder', label: NASTY, field: 'a.b' },
      ],
    },
    { type: 'code', value: `${NASTY}\n\t${NASTY}` },
    { type: 'image', src: NASTY, alt: NASTY },
    {
      type: 'table',
      columns: [{ align: 'right' }, { align: 'left' }],
      headerRows: 1,
      caption: NASTY,
      rows: [
        { type: 'tableRow', cells: [{ type: 'tableCell', children: [t(NASTY)] }] },
        {
          type: 'tableRow',
          cells: [
            { type: 'tableCell', children: [t(NASTY)] },
            { type: 'tableCell', children: [t(NASTY)] },
          ],
        },
      ],
    },
    { type: 'admonition', kind: 'warning', children: [{ type: 'paragraph', children: [t(NASTY)] }] },
    {
      type: 'list',
      ordered: true,
      start: 4,
      items: [{ type: 'listItem', children: [{ type: 'paragraph', children: [t(NASTY)] }] }],
    },
    { type: 'toc', title: NASTY, depth: 3 },
  ];
  return { ...base, children: [...base.children, ...blocks] };
}

describe('the parts the writer produces', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('are well-formed XML 1.0 and keep hostile text verbatim (less what XML cannot hold)', async () => {
    const parts = unzipDocx(await renderDocx(nastyDocument(), {}));
    const xmlParts = parts.names.filter((n) => /\.(xml|rels)$/.test(n));
    expect(xmlParts).toContain('word/document.xml');
    for (const name of xmlParts) expect(parts.text(name), name).not.toMatch(NOT_XML);
    const paragraphs = descendants(parseXml(parts.text('word/document.xml')), 'w:p').map(paragraphText);
    // Title page, heading, paragraph, link, code, caption, cells, box, list item, contents title and entry.
    expect(paragraphs.filter((p) => p.includes(LEGAL)).length).toBeGreaterThanOrEqual(12);
    expect(parts.text('docProps/core.xml')).toContain(`<dc:title>${xmlEscape(LEGAL)}</dc:title>`);
    expect(parts.text('word/header1.xml')).toContain('\u202Eevil');
    if (toolAvailable('xmllint')) {
      const dir = mkdtempSync(join(tmpdir(), 'techfile-ooxml-'));
      dirs.push(dir);
      for (const name of xmlParts) {
        const file = join(dir, 'part.xml');
        writeFileSync(file, parts.bytes[name] ?? new Uint8Array());
        const r = run('xmllint', ['--noout', file]);
        expect(r.status, `${name}: ${r.stderr}`).toBe(0);
      }
    }
  });
});

describe('zipArchive', () => {
  it('writes the same bytes as fflate zipSync for the same entries', () => {
    const mtime = new Date(2026, 10, 2, 12, 0, 0);
    const files: [string, Uint8Array, boolean][] = [
      ['[Content_Types].xml', strToU8('<Types/>'.repeat(50)), true],
      ['word/media/image1.png', new Uint8Array([137, 80, 78, 71, 1, 2, 3]), false],
      ['word/document.xml', strToU8(`<w:document>${'<w:p/>'.repeat(1000)}</w:document>`), true],
      ['docProps/empty.xml', new Uint8Array(), true],
    ];
    const ours = zipArchive(
      files.map(([name, data, compress]) => zipEntry(name, data, compress)),
      mtime,
    );
    const theirs = zipSync(
      Object.fromEntries(files.map(([name, data, compress]) => [name, [data, { mtime, level: compress ? 6 : 0 }]])),
    );
    expect(Buffer.from(ours).equals(Buffer.from(theirs))).toBe(true);
  });
});

describe('package dates', () => {
  it('gives a readable package for a date DOS time cannot hold', async () => {
    const parts = unzipDocx(await renderDocx(sampleDocument({ date: '2150-06-01' }), {}));
    expect(parts.text('docProps/core.xml')).toContain('2150-06-01T00:00:00Z');
  });
});
