import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Document } from '../../src/model/nodes.js';
import { renderDocx } from '../../src/render/docx/index.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import { hasTool, run } from '../helpers/clients.js';
import { sampleDocument } from '../fixtures/sample-model.js';
import { project, unzipDocx } from '../render-docx/projection.js';
import { build } from '../e2e/support/pipeline.js';
import { loadExample } from '../e2e/support/examples.js';

/**
 * Golden text projections: what a reader gets, one line per paragraph (DOCX: style and text;
 * tables by shape and rows) and per page (PDF: text of each page and the outline). A change
 * to the templates or renderers shows up as a reviewable diff of these files; update them with
 * `npx vitest run tests/golden -u` and read the diff before committing.
 */
/** Fingerprints change with every template edit; the golden files show that the row exists. */
const maskFingerprints = (text: string): string => text.replace(/sha256:[0-9a-f]{12}/g, 'sha256:<fingerprint>');

const work = mkdtempSync(join(tmpdir(), 'techfile-golden-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function docxProjection(doc: Document): Promise<string> {
  const docx = unzipDocx(await renderDocx(doc, {}));
  return maskFingerprints(`${project(docx.text('word/document.xml')).join('\n')}\n`);
}

interface Outline {
  title: string;
  kids: Outline[];
  destpageposfrom1: number;
}

async function pdfProjection(doc: Document, name: string): Promise<string> {
  const file = join(work, `${name}.pdf`);
  writeFileSync(file, await renderPdf(doc, {}));
  const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]).stdout)?.[1] ?? 0);
  const out: string[] = [];
  for (let p = 1; p <= pages; p++) {
    const text = run('pdftotext', ['-f', String(p), '-l', String(p), '-layout', file, '-']).stdout;
    out.push(`--- page ${p} ---`, ...text.split('\n').map((l) => l.trimEnd()).filter((l) => l !== ''));
  }
  const outline = JSON.parse(run('qpdf', ['--json', '--json-key=outlines', file]).stdout) as { outlines: Outline[] };
  out.push('--- outline ---');
  const walk = (items: Outline[], depth: number): void => {
    for (const o of items) {
      out.push(`${'  '.repeat(depth)}${o.title} → page ${o.destpageposfrom1}`);
      walk(o.kids, depth + 1);
    }
  };
  walk(outline.outlines, 0);
  return maskFingerprints(`${out.join('\n')}\n`);
}

describe('golden DOCX projections', () => {
  it('matches for the sample document (every model node)', async () => {
    await expect(await docxProjection(sampleDocument())).toMatchFileSnapshot('sample.docx.txt');
  });

  it('matches for the GlucoFlow X2 EU decommissioning instructions', async () => {
    const device = await loadExample('insulin-pump/glucoflow-x2-eu.yaml');
    const built = build(device.data, 'decommissioning');
    await expect(await docxProjection(built.document)).toMatchFileSnapshot('glucoflow-x2-eu.decommissioning.docx.txt');
  });

  it('matches for the traceability record beside the GlucoFlow X2 EU decommissioning instructions', async () => {
    const device = await loadExample('insulin-pump/glucoflow-x2-eu.yaml');
    const record = build(device.data, 'decommissioning').traceability;
    expect(record).toBeDefined();
    await expect(await docxProjection(record!)).toMatchFileSnapshot('glucoflow-x2-eu.decommissioning.traceability.docx.txt');
  });
});

describe.runIf(hasTool('pdftotext') && hasTool('qpdf') && hasTool('pdfinfo'))('golden PDF projections', () => {
  it('matches for the sample document (text per page and outline)', async () => {
    await expect(await pdfProjection(sampleDocument(), 'sample')).toMatchFileSnapshot('sample.pdf.txt');
  });

  it('matches for the GlucoFlow X2 EU decommissioning instructions', async () => {
    const device = await loadExample('insulin-pump/glucoflow-x2-eu.yaml');
    const built = build(device.data, 'decommissioning');
    await expect(await pdfProjection(built.document, 'decommissioning')).toMatchFileSnapshot('glucoflow-x2-eu.decommissioning.pdf.txt');
  });

  it('matches for the traceability record beside the GlucoFlow X2 EU decommissioning instructions', async () => {
    const device = await loadExample('insulin-pump/glucoflow-x2-eu.yaml');
    const record = build(device.data, 'decommissioning').traceability;
    expect(record).toBeDefined();
    await expect(await pdfProjection(record!, 'decommissioning-traceability')).toMatchFileSnapshot('glucoflow-x2-eu.decommissioning.traceability.pdf.txt');
  });
});
