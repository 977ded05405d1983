import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../src/render/docx/index.js';
import { sampleWithImage } from './fixtures.js';
import { run, toolAvailable } from './tools.js';

/** Opens the rendered sample in real clients: LibreOffice (→ PDF, read back with poppler) and pandoc. */
const hasSoffice = toolAvailable('soffice');
const hasPoppler = toolAvailable('pdftotext') && toolAvailable('pdfinfo');
const hasPandoc = toolAvailable('pandoc');
const hasQpdf = toolAvailable('qpdf');

interface Outline {
  readonly title: string;
  readonly kids: readonly Outline[];
}

let dir = '';
let docxPath = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'techfile-docx-'));
  docxPath = join(dir, 'sample.docx');
  const { doc, assets } = sampleWithImage();
  writeFileSync(docxPath, await renderDocx(doc, { assets }));
});

afterAll(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

const normalise = (text: string): string => text.replace(/\s+/g, ' ');

describe('real clients', () => {
  it.skipIf(!hasSoffice || !hasPoppler)(
    'LibreOffice converts it to a PDF with the title page, headings and tables',
    () => {
      // A private profile: LibreOffice needs a writable one and refuses to share it between runs.
      const profile = `file://${join(dir, 'lo-profile')}`;
      const result = run('soffice', [
        `-env:UserInstallation=${profile}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        docxPath,
      ]);
      expect(result.status, result.stderr).toBe(0);
      const pdf = join(dir, 'sample.pdf');
      const info = run('pdfinfo', [pdf]);
      const pages = Number(/Pages:\s+(\d+)/.exec(info.stdout)?.[1] ?? 0);
      expect(pages).toBeGreaterThanOrEqual(4);
      const text = normalise(run('pdftotext', ['-layout', pdf, '-']).stdout);
      expect(text).toContain('GlucoFlow X2');
      expect(text).toContain('Nordhavn Medical ApS');
      expect(text).toContain('Installing security updates');
      expect(text).toContain('DRAFT — not approved for use');
      expect(text).toMatch(/Page 2 of \d+/);
      // The repeated header row: "Threat" appears on every page the long table spans.
      const threatPages = Array.from(
        { length: pages },
        (_, i) => run('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), pdf, '-']).stdout,
      ).filter((page) => /TH-\d\d/.test(page));
      expect(threatPages.length).toBeGreaterThan(1);
      for (const page of threatPages) expect(page).toMatch(/\bThreat\b/);
    },
  );

  it.skipIf(!hasSoffice || !hasQpdf)(
    'LibreOffice exports the headings as PDF bookmarks (outline levels on the styles)',
    () => {
      const profile = `file://${join(dir, 'lo-profile-2')}`;
      const outDir = join(dir, 'outline');
      const result = run('soffice', [
        `-env:UserInstallation=${profile}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        outDir,
        docxPath,
      ]);
      expect(result.status, result.stderr).toBe(0);
      const json = JSON.parse(run('qpdf', ['--json', '--json-key=outlines', join(outDir, 'sample.pdf')]).stdout) as {
        outlines: Outline[];
      };
      const titles: string[] = [];
      const collect = (items: readonly Outline[], depth: number): void => {
        for (const item of items) {
          titles.push(`${depth}:${normalise(item.title)}`);
          collect(item.kids, depth + 1);
        }
      };
      collect(json.outlines, 1);
      expect(titles).toEqual(
        expect.arrayContaining(['1:1 Introduction', '2:2.1 Threats and controls', '3:2.1.1 Ports', '1:3 Appendix']),
      );
    },
  );

  it.skipIf(!hasPandoc)('pandoc reads it as text with headings, lists and tables', () => {
    const result = run('pandoc', ['-f', 'docx', '-t', 'plain', '--wrap=none', docxPath]);
    expect(result.status, result.stderr).toBe(0);
    const text = normalise(result.stdout);
    expect(text).toContain('Secure Operation Instructions');
    expect(text).toContain('Introduction');
    expect(text).toContain('Patients using the pump at home');
    expect(text).toContain('Spoofing of the companion app over Bluetooth LE, variant 60');
    expect(text).toContain('[TBD: approved endpoints (network.ports[0].approved_endpoints)]');
  });

  it.skipIf(!hasPandoc)('pandoc sees the heading structure', () => {
    const result = run('pandoc', ['-f', 'docx', '-t', 'markdown', '--wrap=none', docxPath]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^# 1 Introduction/m);
    expect(result.stdout).toMatch(/^## 2\.1 Threats and controls/m);
    expect(result.stdout).toMatch(/^### 2\.1\.1 Ports/m);
  });
});
