import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importSbom } from '../../src/pipeline/sbom.js';
import { hasTool } from '../helpers/clients.js';
import { techfile } from '../e2e/support/cli.js';
import { docxText } from '../e2e/support/docx.js';
import { copyExampleFolder, removeTempDirs } from '../e2e/support/examples.js';
import { pdfText, squash } from '../e2e/support/pdf.js';
import { generatedSbom } from './generated-sbom.js';

/**
 * A 5,000-component SBOM imports and renders in both formats. Times are reported (stdout),
 * never asserted: the machine's load decides them, not the code.
 */
afterAll(removeTempDirs);

const COUNT = 5000;
const DIRECT = 40;
const hasPdftotext = hasTool('pdftotext');

describe(`an SBOM with ${COUNT} components`, () => {
  const text = generatedSbom(COUNT, DIRECT);

  it('imports completely, with the direct dependencies and the model hashes', () => {
    const start = performance.now();
    const r = importSbom(text, 'big.cdx.json');
    const ms = performance.now() - start;
    console.log(
      `import of ${COUNT} components (${(text.length / 1e6).toFixed(1)} MB, schema validation included): ${ms.toFixed(0)} ms`,
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.value?.sbom.components).toHaveLength(COUNT);
    expect(r.value?.sbom.components.filter((c) => c.direct)).toHaveLength(DIRECT);
    const models = r.value?.sbom.components.filter((c) => c.type === 'machine-learning-model') ?? [];
    expect(models).toHaveLength(COUNT / 500);
    expect(models[0]?.hashes[0]?.alg).toBe('SHA-256');
  });

  it.each([
    ['its direct dependencies listed', 100, DIRECT],
    ['every component listed', COUNT, COUNT],
  ] as const)('renders a cyber-techdoc in DOCX and PDF with %s', async (_label, limit, rows) => {
    const dir = copyExampleFolder('wellness-wearable');
    const folder = join(dir, 'wellness-wearable');
    writeFileSync(join(folder, 'big.cdx.json'), text);
    const yaml = readFileSync(join(folder, 'pulseband.yaml'), 'utf8');
    const from = yaml.indexOf('\nsbom:\n');
    const to = yaml.indexOf('\nsupply_chain:\n');
    const section = [
      'sbom:',
      '  file: big.cdx.json',
      '  max_age_days: 3650',
      `  max_listed_components: ${limit}`,
      '  location: "SBOM archive, release 1.0.0"',
    ].join('\n');
    writeFileSync(join(folder, 'pulseband.yaml'), `${yaml.slice(0, from + 1)}${section}${yaml.slice(to)}`);

    const start = performance.now();
    const run = await techfile(
      ['generate', join(folder, 'pulseband.yaml'), '--doc', 'cyber-techdoc', '--out', 'out', '--jobs', '1'],
      dir,
    );
    const ms = performance.now() - start;
    console.log(
      `cyber-techdoc with a ${COUNT}-component SBOM, ${rows} components listed, DOCX + PDF: ${(ms / 1000).toFixed(1)} s`,
    );
    expect(run.stderr).not.toMatch(/error\[/);
    expect(run.code).toBe(0);

    const docx = docxText(readFileSync(join(dir, 'out', 'pulseband-3', 'cyber-techdoc.docx')));
    const listed = [...docx.matchAll(/^component-\d{5}$/gm)].length + [...docx.matchAll(/^triage-model-\d+$/gm)].length;
    // Each listed component's name is one table cell (one paragraph); the models also have a table of their own.
    expect(listed).toBe(rows + COUNT / 500);
    if (rows < COUNT) expect(docx).toContain(`This table shows only the ${DIRECT} direct (top-level) dependencies`);
    if (hasPdftotext) {
      // pdftotext drops the hyphen where a cell wraps after it: compare without hyphens.
      const pdf = squash(pdfText(join(dir, 'out', 'pulseband-3', 'cyber-techdoc.pdf'))).replace(/-/g, '');
      // The last listed library (every 500th component is a model, named differently).
      const last = rows % 500 === 0 ? rows - 2 : rows - 1;
      expect(pdf.includes(`component${String(last).padStart(5, '0')}`), 'last listed component').toBe(true);
      expect(pdf.includes(`component${String(rows).padStart(5, '0')}`), 'first component not listed').toBe(false);
    }
  });
});
