import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultDeviceSchema, loadDevice, nodeHost } from '../../src/data/index.js';
import { buildDocument } from '../../src/pipeline/build-document.js';
import { defaultTemplatesDir } from '../../src/pipeline/templates-dir.js';
import { decideApplicability } from '../../src/regulatory/applicability.js';
import { loadCatalogue } from '../../src/regulatory/catalogue.js';
import type { Data } from '../../src/regulatory/data-path.js';
import { loadTemplates, type TemplateSet } from '../../src/templates/load.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
let data: Data;
let templates: TemplateSet;

beforeAll(async () => {
  const loaded = loadDevice(join(ROOT, 'examples/radiology-ai/lumen-cxr.yaml'), nodeHost(ROOT, ROOT), await defaultDeviceSchema());
  data = loaded.value!.data;
  templates = loadTemplates(defaultTemplatesDir()).value;
});

/** The example with `documents` replaced: document control is what these tests vary. */
function build(documents: Record<string, unknown>, sourceDateEpoch?: string) {
  const d: Data = { ...data, documents };
  return buildDocument({
    file: 'lumen-cxr.yaml',
    data: d,
    docType: 'secure-operation',
    templates,
    catalogue: loadCatalogue(),
    applicability: decideApplicability(d),
    final: false,
    sourceDateEpoch,
  });
}

describe('buildDocument: document control', () => {
  it('counts a missing author and approver among the placeholders, first, and shows them as TBD', () => {
    const complete = build({ defaults: { author: 'A. Author', approver: 'B. Approver', version: '1.0', date: '2026-11-02' } });
    const missing = build({ defaults: { version: '1.0', date: '2026-11-02' } });
    const before = complete.value!.placeholders;
    const after = missing.value!.placeholders;
    expect(after.slice(0, 2).map((p) => p.field)).toEqual(['documents.secure-operation.author', 'documents.secure-operation.approver']);
    expect(after.length).toBe(before.length + 2);
    expect(missing.value!.document.meta.author).toContain('TBD');
    expect(missing.value!.document.meta.approver).toContain('documents.secure-operation.approver');
  });

  it('stops with generate/missing-date and no document when there is no date at all', () => {
    const r = build({ defaults: { author: 'A', approver: 'B', version: '1.0' } });
    expect(r.value).toBeUndefined();
    expect(r.diagnostics.map((d) => d.code)).toEqual(['generate/missing-date']);
    expect(build({ defaults: { author: 'A', approver: 'B', version: '1.0' } }, '1798761600').value?.document.meta.date).toBe('2027-01-01');
  });
});
