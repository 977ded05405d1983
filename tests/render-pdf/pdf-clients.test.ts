import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { walkBlocks } from '../../src/model/text.js';
import type { Heading } from '../../src/model/nodes.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import { headingTitle } from '../../src/render/pdf/layout/heading.js';
import { hasTool, run } from '../helpers/clients.js';
import { sampleDocument } from '../fixtures/sample-model.js';

// Real readers of the output: qpdf and poppler. Missing tools skip visibly (fail under CI=true).
const haveQpdf = hasTool('qpdf');
const havePoppler = hasTool('pdftotext') && hasTool('pdffonts') && hasTool('pdfinfo');

const doc = sampleDocument();
const headings = [...walkBlocks(doc.children)].filter((b): b is Heading => b.type === 'heading');
let bytes: Uint8Array;
let file: string;

const normalise = (s: string): string => s.replace(/\s+/g, ' ').trim();
const pageText = (page: number): string =>
  run('pdftotext', ['-enc', 'UTF-8', '-f', String(page), '-l', String(page), file, '-']).stdout;

beforeAll(async () => {
  bytes = await renderPdf(doc, {});
  file = join(mkdtempSync(join(tmpdir(), 'techfile-pdf-')), 'sample.pdf');
  writeFileSync(file, bytes);
});

describe('renderPdf determinism', () => {
  it('should render the same Document to identical bytes twice', async () => {
    const again = await renderPdf(sampleDocument(), {});
    expect(Buffer.compare(Buffer.from(again), Buffer.from(bytes))).toBe(0);
  });

  it('should make external links clickable and internal links jump to named heading destinations', () => {
    // Dictionaries are not compressed (only content streams are), so the link actions are visible bytes.
    const raw = Buffer.from(bytes).toString('latin1');
    expect(raw).toContain('/URI (https://nordhavn-medical.example/security)');
    expect(raw).toContain('/S /GoTo');
    expect(raw).toContain('/D (updates)');
    for (const h of headings) expect(raw, h.id).toContain(`(${h.id}) [`);
  });
});

describe.runIf(haveQpdf)('renderPdf structure (qpdf)', () => {
  it('should pass qpdf --check', () => {
    const r = run('qpdf', ['--check', file]);
    expect(r.status, r.stdout + r.stderr).toBe(0);
  });

  it('should have one bookmark per heading, nested by depth, titled as the heading', () => {
    const json = JSON.parse(run('qpdf', ['--json', '--json-key=outlines', file]).stdout) as { outlines: Outline[] };
    interface Outline {
      title: string;
      kids: Outline[];
      destpageposfrom1: number;
    }
    const flat: { title: string; level: number }[] = [];
    const walk = (items: Outline[], level: number): void => {
      for (const o of items) {
        flat.push({ title: o.title, level });
        walk(o.kids, level + 1);
      }
    };
    walk(json.outlines, 1);
    expect(flat.map((o) => o.title)).toEqual(headings.map(headingTitle));
    // 1 → 1.1 → 2 → 2.1 → 2.1.1 → 3 → (depth 4 under 3)
    expect(flat.map((o) => o.level)).toEqual([1, 2, 1, 2, 3, 1, 2]);
  });
});

describe.runIf(havePoppler)('renderPdf text and fonts (poppler)', () => {
  it('should embed every font, all DejaVu', () => {
    const lines = run('pdffonts', [file]).stdout.trim().split('\n').slice(2);
    expect(lines.length).toBeGreaterThanOrEqual(4);
    for (const line of lines) {
      expect(line).toMatch(/DejaVuSans/);
      // Columns from the right: emb sub uni object gen.
      expect(line.trim().split(/\s+/).at(-5)).toBe('yes');
    }
  });

  it('should take its dates from meta.date, not the clock', async () => {
    expect(run('pdfinfo', ['-isodates', file]).stdout).toMatch(/CreationDate:\s+2026-11-02T00:00:00Z/);
    const other = join(mkdtempSync(join(tmpdir(), 'techfile-pdf-')), 'dated.pdf');
    writeFileSync(other, await renderPdf(sampleDocument({ date: '2027-01-15' }), {}));
    expect(run('pdfinfo', ['-isodates', other]).stdout).toMatch(/ModDate:\s+2027-01-15T00:00:00Z/);
  });

  it('should carry the document information and language', () => {
    const info = run('pdfinfo', [file]).stdout;
    expect(info).toMatch(/Title:\s+Secure Operation Instructions/);
    expect(info).toMatch(/Author:\s+Ingrid Holm, Regulatory Affairs/);
    expect(info).toMatch(/Creator:\s+techfile/);
    expect(info).toMatch(/Keywords:\s+cybersecurity, MDR, secure operation/);
    expect(Buffer.from(bytes).toString('latin1')).toContain('/Lang (en)');
  });

  it('should list in the TOC the pages on which the headings are printed', () => {
    const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]).stdout)?.[1]);
    const texts = Array.from({ length: pages }, (_, i) => normalise(pageText(i + 1)));
    const toc = texts.find((t) => t.includes('Contents'));
    expect(toc).toBeDefined();
    for (const h of headings.filter((x) => x.depth <= 3)) {
      const title = normalise(headingTitle(h));
      const m = new RegExp(`${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?: \\.)+ (\\d+)`).exec(toc!);
      expect(m, title).not.toBeNull();
      const page = Number(m![1]);
      // The heading itself (not its TOC entry) is on that page.
      expect(texts[page - 1], `${title} on page ${page}`).toContain(title);
      expect(texts[page - 1]).not.toContain('Contents');
    }
  });

  it('should repeat the table header on the page after the table breaks', () => {
    const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]).stdout)?.[1]);
    const withRows = Array.from({ length: pages }, (_, i) => i + 1).filter((p) => /TH-\d\d/.test(pageText(p)));
    expect(withRows.length).toBeGreaterThan(1);
    for (const p of withRows.slice(1)) {
      const text = normalise(pageText(p));
      expect(text).toContain('ID Threat Control');
      expect(text.indexOf('ID Threat Control')).toBeLessThan(text.search(/TH-\d\d/));
    }
  });

  it('should extract Greek, Cyrillic and literal Markdown characters as written, with spaces', () => {
    const all = normalise(run('pdftotext', ['-enc', 'UTF-8', file, '-']).stdout);
    expect(all).toContain('Ελληνικά και кириллица: Ωμέγα, Привет.');
    expect(all).toContain('Literal *stars*, _underscores_, a | pipe, <b>tags</b> and {{braces}} stay as written.');
    expect(all).toContain('[TBD: end date of the security support period (support_period.end_date)]');
    expect(all).toContain('sha256sum glucoflow-2.4.0.bin');
    expect(all).toContain('Page 2 of');
    expect(all).toContain('DRAFT — not approved for use');
  });

  it('should put the document-control facts on the title page', () => {
    const title = normalise(pageText(1));
    for (const fact of [
      'Document number GF-SO-001',
      'Approver Dr. Mads Krogh, Head of Quality',
      'GlucoFlow X2, version 2.4.0 (glucoflow-x2-eu)',
      'Release for review',
    ]) {
      expect(title).toContain(fact);
    }
    expect(title).not.toContain('Page 1 of');
  });
});
