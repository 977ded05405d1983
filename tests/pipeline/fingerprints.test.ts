import { describe, expect, it } from 'vitest';
import { canonicalJson, fingerprintsOf } from '../../src/pipeline/fingerprints.js';
import { renderDocx } from '../../src/render/docx/index.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import { fingerprintsLine } from '../../src/render/captions.js';
import { sampleDocument } from '../fixtures/sample-model.js';
import { unzipDocx } from '../render-docx/projection.js';

describe('fingerprints', () => {
  it('fingerprints data independently of key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[1,{"e":3,"f":2}]},"b":1}',
    );
    expect(fingerprintsOf({ a: 1, b: 2 }, 't').dataSha256).toBe(fingerprintsOf({ b: 2, a: 1 }, 't').dataSha256);
  });

  it('changes the data fingerprint when any value changes', () => {
    const a = fingerprintsOf({ product: { name: 'X2' } }, 't');
    const b = fingerprintsOf({ product: { name: 'X3' } }, 't');
    expect(a.dataSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(a.dataSha256).not.toBe(b.dataSha256);
    expect(a.generator).toMatch(/^techfile \d+\.\d+\.\d+/);
  });

  const fingerprints = fingerprintsOf({ product: { name: 'X2' } }, 'ab'.repeat(32));
  const doc = sampleDocument({ fingerprints });

  it('shows short fingerprints on the title page and full ones in the DOCX properties', async () => {
    const docx = unzipDocx(await renderDocx(doc, {}));
    expect(docx.text('word/document.xml')).toContain(fingerprintsLine(fingerprints));
    const custom = docx.text('docProps/custom.xml');
    expect(custom).toContain(fingerprints.dataSha256);
    expect(custom).toContain(fingerprints.templatesSha256);
  });

  it('writes the full fingerprints into the PDF document information', async () => {
    const raw = Buffer.from(await renderPdf(doc, {})).toString('latin1');
    expect(raw).toContain('/TechfileDataSHA256');
    expect(raw).toContain(`(${fingerprints.dataSha256})`);
    expect(raw).toContain(`(${fingerprints.templatesSha256})`);
  });
});
