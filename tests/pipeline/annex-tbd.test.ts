import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/index.js';
import { unzipDocx } from '../render-docx/projection.js';

/** A lay guide and its IT annex are two files: each reports the TBDs it shows, none twice. */
const out = mkdtempSync(join(tmpdir(), 'techfile-annex-tbd-'));
/** A lay product that clinics also deploy, with hardly any facts: both files show TBDs. */
const DEVICE = `product:
  id: sparse-meter
  name: Sparse Meter
  lay_users: true
  intended_users:
    - "Patients at home"
    - "Clinic IT administrators who set up the hub"
manufacturer:
  name: Example Medical GmbH
regulatory:
  medical_device:
    regulation: MDR
    class: IIa
documents:
  defaults:
    date: 2026-11-02
`;
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** The TBD markers a reader sees in a DOCX. */
const markers = (path: string): number =>
  (
    unzipDocx(new Uint8Array(readFileSync(path)))
      .text('word/document.xml')
      .match(/\[TBD:/g) ?? []
  ).length;

describe('TBD counts of a guide with an annex', () => {
  it('counts the guide and the annex apart, each as many as the file shows', async () => {
    writeFileSync(join(out, 'device.yaml'), DEVICE);
    const r = await generate('device.yaml', {
      cwd: out,
      outDir: 'out',
      docTypes: ['secure-operation'],
      formats: ['docx'],
    });
    const written = r.value?.written ?? [];
    const guide = written.find((f) => f.part === undefined);
    const annex = written.find((f) => f.part === 'annex');
    expect(guide?.path.endsWith('secure-operation.docx')).toBe(true);
    expect(annex?.path.endsWith('secure-operation-annex.docx')).toBe(true);
    // Each file reports its own missing values: never more than the markers it shows (a value
    // missing in the title page and the document control table is one missing value, two markers).
    for (const file of [guide!, annex!]) {
      expect(file.placeholders).toBeGreaterThan(0);
      expect(file.placeholders).toBeLessThanOrEqual(markers(file.path));
      expect(file.placeholders).toBeGreaterThan(markers(file.path) * 0.9);
    }
  });
});
