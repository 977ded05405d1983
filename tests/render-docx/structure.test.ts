import { beforeAll, describe, expect, it } from 'vitest';
import type { Block, Document } from '../../src/model/nodes.js';
import { renderDocx } from '../../src/render/docx/index.js';
import { TEXT_WIDTH } from '../../src/render/docx/theme.js';
import { sampleDocument } from '../fixtures/sample-model.js';
import { sampleWithImage } from './fixtures.js';
import { project, unzipDocx } from './projection.js';
import { child, descendants, elements, parseXml } from './xml.js';
import type { XmlElement } from './xml.js';

type Parts = ReturnType<typeof unzipDocx>;

let draft: Parts;
let final: Parts;
let lines: string[];

beforeAll(async () => {
  const { doc, assets } = sampleWithImage();
  draft = unzipDocx(await renderDocx(doc, { assets }));
  final = unzipDocx(await renderDocx(sampleDocument({ draft: false }), {}));
  lines = project(draft.text('word/document.xml'));
});

function styleById(stylesXml: string, id: string): XmlElement {
  const style = descendants(parseXml(stylesXml), 'w:style').find((s) => s.attrs['w:styleId'] === id);
  if (!style) throw new Error(`style ${id} not defined`);
  return style;
}

describe('package', () => {
  it('puts [Content_Types].xml first and has the required parts', () => {
    expect(draft.names[0]).toBe('[Content_Types].xml');
    for (const part of [
      '_rels/.rels',
      'word/document.xml',
      'word/styles.xml',
      'word/numbering.xml',
      'docProps/core.xml',
    ]) {
      expect(draft.names).toContain(part);
    }
  });

  it('writes the core properties from the metadata, dated by meta.date', () => {
    const core = draft.text('docProps/core.xml');
    expect(core).toContain('<dc:title>Secure Operation Instructions</dc:title>');
    expect(core).toContain('<dc:subject>Secure operation of GlucoFlow X2</dc:subject>');
    expect(core).toContain('<dc:creator>Ingrid Holm, Regulatory Affairs</dc:creator>');
    expect(core).toContain('<cp:keywords>cybersecurity, MDR, secure operation</cp:keywords>');
    expect(core).toContain('<cp:lastModifiedBy>Ingrid Holm, Regulatory Affairs</cp:lastModifiedBy>');
    expect(core).toMatch(/<dc:description>[^<]*GF-SO-001[^<]*<\/dc:description>/);
    expect(core).toContain('<dc:language>en</dc:language>');
    expect(core).toMatch(/<dcterms:created [^>]*>2026-11-02T00:00:00Z<\/dcterms:created>/);
    expect(core).toMatch(/<dcterms:modified [^>]*>2026-11-02T00:00:00Z<\/dcterms:modified>/);
  });

  it('sets the text language in the document defaults', () => {
    const defaults = child(
      descendants(parseXml(draft.text('word/styles.xml')), 'w:docDefaults')[0] ?? parseXml(''),
      'w:rPrDefault',
    );
    expect(defaults && descendants(defaults, 'w:lang')[0]?.attrs['w:val']).toBe('en');
  });
});

describe('title page', () => {
  it('shows product, title, subtitle, manufacturer, document control and revisions before the contents', () => {
    const tocAt = lines.findIndex((l) => l.startsWith('[TOCHeading'));
    const titlePage = lines.slice(0, tocAt).join('\n');
    expect(titlePage).toContain('[ProductName] GlucoFlow X2');
    expect(titlePage).toContain('[Title] Secure Operation Instructions');
    expect(titlePage).toContain('[Subtitle] GlucoFlow X2 insulin pump system');
    expect(titlePage).toContain('Nordhavn Medical ApS');
    for (const row of [
      '| Document number | GF-SO-001 |',
      '| Version | 1.0 |',
      '| Status | Draft |',
      '| Date | 2026-11-02 |',
      '| Approver | Dr. Mads Krogh, Head of Quality |',
      '| Product | GlucoFlow X2, version 2.4.0 (glucoflow-x2-eu) |',
      '| Audience | Patients and caregivers |',
    ]) {
      expect(titlePage).toContain(row);
    }
    expect(titlePage).toContain('H| Version | Date | Author | Description |');
    expect(titlePage).toContain('| 0.1 | 2026-10-01 | Ingrid Holm | First draft |');
    // The contents start on a new page.
    expect(lines[tocAt]).toMatch(/^\[TOCHeading \^\] Contents$/);
  });

  it('marks a draft on the title page and in the running header, in red bold', () => {
    expect(lines[0]).toBe('[DraftMarking] DRAFT — not approved for use');
    const headers = draft.names.filter((n) => /^word\/header\d+\.xml$/.test(n)).map((n) => draft.text(n));
    const running = headers.find((h) => h.includes('GlucoFlow X2 — Secure Operation Instructions'));
    expect(running).toBeDefined();
    expect(running).toMatch(
      /<w:rPr><w:b\/><w:bCs\/><w:color w:val="C00000"\/><\/w:rPr><w:t[^>]*>DRAFT — not approved for use/,
    );
  });

  it('has no DRAFT marking anywhere when the document is final', () => {
    for (const name of final.names.filter((n) => n.endsWith('.xml'))) {
      expect(final.text(name), name).not.toContain('DRAFT');
    }
    expect(project(final.text('word/document.xml'))[0]).not.toMatch(/DraftMarking/);
  });

  it('has a different first page and a footer with document number, version and Page X of Y', () => {
    const doc = draft.text('word/document.xml');
    expect(doc).toContain('<w:titlePg/>');
    const footer = draft.text('word/footer1.xml');
    expect(footer).toContain('GF-SO-001 · Version 1.0 · Draft');
    expect(footer).toMatch(/PAGE[\s\S]*NUMPAGES/);
  });
});

describe('styles', () => {
  it('defines Word built-in heading styles with outline levels and keep-with-next', () => {
    const styles = draft.text('word/styles.xml');
    [1, 2, 3, 4].forEach((level) => {
      const style = styleById(styles, `Heading${level}`);
      expect(child(style, 'w:name')?.attrs['w:val']).toBe(`Heading ${level}`);
      const pPr = child(style, 'w:pPr');
      expect(pPr && child(pPr, 'w:outlineLvl')?.attrs['w:val']).toBe(String(level - 1));
      expect(pPr && child(pPr, 'w:keepNext')).toBeDefined();
    });
    for (const [id, name] of [
      ['Title', 'Title'],
      ['Subtitle', 'Subtitle'],
      ['Normal', 'Normal'],
      ['ListBullet', 'List Bullet'],
      ['ListNumber', 'List Number'],
      ['Caption', 'caption'],
      ['TOC1', 'toc 1'],
      ['TOC2', 'toc 2'],
      ['TOC3', 'toc 3'],
    ]) {
      expect(child(styleById(styles, id ?? ''), 'w:name')?.attrs['w:val']).toBe(name);
    }
    expect(styleById(styles, 'TableGrid').attrs['w:type']).toBe('table');
  });

  it('uses one definition per style id', () => {
    const ids = descendants(parseXml(draft.text('word/styles.xml')), 'w:style').map((s) => s.attrs['w:styleId']);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('headings and contents', () => {
  it('writes heading numbers from the model and uses the heading styles', () => {
    expect(lines).toContain('[Heading1 ^] 1\tIntroduction');
    expect(lines).toContain('[Heading2] 2.1\tThreats and controls');
    expect(lines).toContain('[Heading3] 2.1.1\tPorts');
    expect(lines).toContain('[Heading4] An unnumbered detail heading');
  });

  it('has a TOC field pre-filled with numbered entries linked to heading bookmarks', () => {
    const doc = draft.text('word/document.xml');
    expect(doc).toMatch(/<w:instrText[^>]*>TOC \\h \\o &quot;1-3&quot;<\/w:instrText>/);
    const start = lines.indexOf('[SDT]');
    const toc = lines.slice(start + 1, lines.indexOf('[/SDT]'));
    expect(toc.map((l) => l.replace(/\t$/, ''))).toEqual([
      '[TOC1] 1\u2003Introduction',
      '[TOC2] 1.1\u2003Who should read this',
      '[TOC1] 2\u2003Installing security updates',
      '[TOC2] 2.1\u2003Threats and controls',
      '[TOC3] 2.1.1\u2003Ports',
      '[TOC1] 3\u2003Appendix',
    ]);
    const root = parseXml(doc);
    const bookmarks = new Set(descendants(root, 'w:bookmarkStart').map((b) => b.attrs['w:name']));
    const sdt = descendants(root, 'w:sdt')[0];
    const anchors = sdt ? descendants(sdt, 'w:hyperlink').map((h) => h.attrs['w:anchor']) : [];
    expect(anchors).toHaveLength(6);
    for (const anchor of anchors) expect(bookmarks).toContain(anchor);
    expect(draft.text('word/settings.xml')).toContain('<w:updateFields');
  });

  it('turns #id links into internal hyperlinks to the heading bookmark', () => {
    const root = parseXml(draft.text('word/document.xml'));
    const body = descendants(root, 'w:body')[0];
    const outsideToc = body ? elements(body, 'w:p').flatMap((p) => descendants(p, 'w:hyperlink')) : [];
    expect(outsideToc.map((h) => h.attrs['w:anchor'])).toContain('updates');
    const external = outsideToc.find((h) => h.attrs['r:id'] !== undefined);
    expect(draft.text('word/_rels/document.xml.rels')).toContain(
      `Id="${external?.attrs['r:id']}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://nordhavn-medical.example/security" TargetMode="External"`,
    );
  });
});

describe('lists', () => {
  it('numbers lists with numbering definitions and indents nested levels', () => {
    expect(lines).toContainEqual(expect.stringMatching(/^\[ListBullet #\d+\/0\] Patients using the pump at home$/));
    expect(lines).toContainEqual(expect.stringMatching(/^\[ListBullet #\d+\/1\] pair the app$/));
    expect(lines).toContainEqual(
      expect.stringMatching(/^\[ListNumber #\d+\/0\] Open the app and tap Settings → Updates\.$/),
    );
  });

  it('restarts every ordered list at its own start', async () => {
    const item = (text: string): Block =>
      ({ type: 'listItem', children: [{ type: 'paragraph', children: [{ type: 'text', value: text }] }] }) as never;
    const list = (start: number, texts: string[]): Block => ({
      type: 'list',
      ordered: true,
      start,
      items: texts.map(item) as never,
    });
    const base = sampleDocument();
    const doc: Document = { ...base, children: [list(1, ['a', 'b']), list(1, ['c']), list(5, ['e'])] };
    const parts = unzipDocx(await renderDocx(doc, {}));
    const projected = project(parts.text('word/document.xml')).filter((l) => l.startsWith('[ListNumber'));
    const numIds = projected.map((l) => /#(\d+)\//.exec(l)?.[1]);
    expect(numIds[0]).toBe(numIds[1]);
    expect(new Set(numIds).size).toBe(3);
    const numbering = parseXml(parts.text('word/numbering.xml'));
    const startOf = (numId: string | undefined): string | undefined => {
      const num = descendants(numbering, 'w:num').find((n) => n.attrs['w:numId'] === numId);
      const override = num && descendants(num, 'w:lvlOverride').find((o) => o.attrs['w:ilvl'] === '0');
      return override && child(override, 'w:startOverride')?.attrs['w:val'];
    };
    expect(startOf(numIds[0])).toBe('1');
    expect(startOf(numIds[2])).toBe('1');
    expect(startOf(numIds[3])).toBe('5');
  });
});

describe('tables', () => {
  const tables = (): XmlElement[] => descendants(parseXml(draft.text('word/document.xml')), 'w:tbl');

  it('gives every table a fixed layout and an explicit grid that fills the text width', () => {
    for (const tbl of tables()) {
      const widths = descendants(tbl, 'w:gridCol').map((c) => Number(c.attrs['w:w']));
      expect(widths.every((w) => w > 100)).toBe(true);
      expect(widths.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
      expect(descendants(tbl, 'w:tblLayout')[0]?.attrs['w:type']).toBe('fixed');
    }
  });

  it('scales model widths 1:3:3 and repeats the header row', () => {
    const threats = tables().find((t) => descendants(t, 'w:tr').length === 61);
    const widths = threats ? descendants(threats, 'w:gridCol').map((c) => Number(c.attrs['w:w'])) : [];
    expect(widths).toHaveLength(3);
    expect(Math.abs((widths[1] ?? 0) / (widths[0] ?? 1) - 3)).toBeLessThan(0.01);
    const rows = threats ? descendants(threats, 'w:tr') : [];
    const isHeader = (tr: XmlElement): boolean =>
      descendants(tr, 'w:tblHeader').some((h) => h.attrs['w:val'] !== 'off');
    expect(rows.filter(isHeader)).toHaveLength(1);
    expect(isHeader(rows[0] as XmlElement)).toBe(true);
    expect(rows.every((tr) => descendants(tr, 'w:cantSplit').length === 1)).toBe(true);
    expect(descendants(rows[0] as XmlElement, 'w:shd')[0]?.attrs['w:fill']).toMatch(/^[0-9A-F]{6}$/);
  });

  it('aligns cells per column', () => {
    const ports = tables().find(
      (t) => lines.length > 0 && descendants(t, 'w:t').some((x) => x.children.includes('Protocol')),
    );
    const firstRow = ports ? descendants(ports, 'w:tr')[1] : undefined;
    const aligns = firstRow ? descendants(firstRow, 'w:jc').map((j) => j.attrs['w:val']) : [];
    expect(aligns).toEqual(['right', 'center', 'left']);
  });
});

describe('inline and other blocks', () => {
  it('highlights placeholders in bold yellow with the shared placeholder text', () => {
    const runs = descendants(parseXml(draft.text('word/document.xml')), 'w:r').filter((r) =>
      descendants(r, 'w:t').some((t) => t.children.join('').startsWith('[TBD:')),
    );
    expect(runs.length).toBe(2);
    for (const r of runs) {
      const rPr = child(r, 'w:rPr');
      expect(rPr && child(rPr, 'w:highlight')?.attrs['w:val']).toBe('yellow');
      expect(rPr && child(rPr, 'w:b')).toBeDefined();
    }
    expect(lines.join('\n')).toContain('[TBD: end date of the security support period (support_period.end_date)]');
  });

  it('keeps Markdown-looking and non-Latin text literal', () => {
    expect(lines.join('\n')).toContain(
      'Literal *stars*, _underscores_, a | pipe, <b>tags</b> and {{braces}} stay as written.',
    );
    expect(lines.join('\n')).toContain('Ωμέγα, Привет.');
  });

  it('sets inline code and code blocks in a monospace font', () => {
    const doc = draft.text('word/document.xml');
    expect(doc).toMatch(/<w:rFonts [^>]*w:ascii="Courier New"[^>]*\/>[\s\S]{0,300}sha256sum firmware\.bin/);
    expect(lines).toContain('[CodeBlock] sha256sum glucoflow-2.4.0.bin↵# expected: 9f2c…');
    expect(descendants(styleById(draft.text('word/styles.xml'), 'CodeBlock'), 'w:rFonts')[0]?.attrs['w:ascii']).toBe(
      'Courier New',
    );
  });

  it('renders admonitions as labelled boxes', () => {
    expect(lines.join('\n')).toContain('| Warning: Never pair the pump with a phone you do not control. |');
    expect(lines.join('\n')).toContain('| Note: Updates never change your therapy settings. |');
  });

  it('renders a thematic break as a bottom border and page breaks as pageBreakBefore', () => {
    expect(draft.text('word/document.xml')).toMatch(/<w:pBdr><w:bottom w:val="single"/);
    expect(lines).toContain('[Heading1 ^] 3\tAppendix');
  });

  it('embeds images from the assets with alt text, scaled to widthMm', () => {
    expect(draft.names).toContain('word/media/image1.png');
    const docPr = descendants(parseXml(draft.text('word/document.xml')), 'wp:docPr')[0];
    expect(docPr?.attrs['descr']).toBe('Block diagram of the pump system');
    const extent = descendants(parseXml(draft.text('word/document.xml')), 'wp:extent')[0];
    const cx = Number(extent?.attrs['cx']);
    const cy = Number(extent?.attrs['cy']);
    expect(Math.abs(cx - 60 * 36000)).toBeLessThan(10_000); // 60 mm in EMU
    expect(cx / cy).toBeCloseTo(2, 1);
  });

  it('shows a visible placeholder instead of a missing image', async () => {
    const base = sampleDocument();
    const doc: Document = { ...base, children: [{ type: 'image', src: 'missing.png', alt: 'Network diagram' }] };
    const text = project(unzipDocx(await renderDocx(doc, {})).text('word/document.xml')).join('\n');
    expect(text).toContain('[Image missing: missing.png — Network diagram]');
  });
});
