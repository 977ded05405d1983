import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDevice, nodeHost } from '../../src/data/index.js';
import { defaultDeviceSchema } from '../../src/pipeline/default-schema.js';
import { buildDocument } from '../../src/pipeline/build-document.js';
import { defaultTemplatesDir } from '../../src/pipeline/templates-dir.js';
import { decideApplicability } from '../../src/regulatory/applicability.js';
import { loadCatalogue } from '../../src/pipeline/catalogue.js';
import type { Block } from '../../src/model/nodes.js';
import type { Data } from '../../src/regulatory/data-path.js';
import { type TemplateSet } from '../../src/templates/load.js';
import { loadTemplates } from '../../src/pipeline/template-set.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
let data: Data;
let templates: TemplateSet;

beforeAll(async () => {
  const loaded = loadDevice(
    join(ROOT, 'examples/radiology-ai/lumen-cxr.yaml'),
    nodeHost(ROOT, ROOT),
    await defaultDeviceSchema(),
  );
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
    const complete = build({
      defaults: { author: 'A. Author', approver: 'B. Approver', version: '1.0', date: '2026-11-02' },
    });
    const missing = build({ defaults: { version: '1.0', date: '2026-11-02' } });
    const before = complete.value!.placeholders;
    const after = missing.value!.placeholders;
    expect(after.slice(0, 2).map((p) => p.field)).toEqual([
      'documents.secure-operation.author',
      'documents.secure-operation.approver',
    ]);
    expect(after.length).toBe(before.length + 2);
    expect(missing.value!.document.meta.author).toContain('TBD');
    expect(missing.value!.document.meta.approver).toContain('documents.secure-operation.approver');
  });

  it('stops with generate/missing-date and no document when there is no date at all', () => {
    const r = build({ defaults: { author: 'A', approver: 'B', version: '1.0' } });
    expect(r.value).toBeUndefined();
    expect(r.diagnostics.map((d) => d.code)).toEqual(['generate/missing-date']);
    expect(
      build({ defaults: { author: 'A', approver: 'B', version: '1.0' } }, '1798761600').value?.document.meta.date,
    ).toBe('2027-01-01');
  });
});

describe('buildDocument: the traceability table', () => {
  const documents = {
    defaults: { author: 'A. Author', approver: 'B. Approver', version: '2.1', date: '2026-11-02', number: 'LC-9' },
  };

  function headings(blocks: readonly Block[]): string[] {
    return blocks.flatMap((b) => (b.type === 'heading' ? [JSON.stringify(b.children)] : []));
  }

  it('closes cyber-techdoc as its last chapter, with links to the sections that address each requirement', () => {
    const d: Data = { ...data, documents };
    const r = buildDocument({
      file: 'x.yaml',
      data: d,
      docType: 'cyber-techdoc',
      templates,
      catalogue: loadCatalogue(),
      applicability: decideApplicability(d),
      final: false,
    });
    const built = r.value!;
    expect(built.traceability).toBeUndefined();
    const all = headings(built.document.children);
    expect(all.some((h) => h.includes('Traceability to regulatory requirements'))).toBe(true);
    const ids = new Set(built.document.children.flatMap((b) => (b.type === 'heading' ? [b.id] : [])));
    const start = built.document.children.findIndex(
      (b) => b.type === 'heading' && b.depth === 1 && JSON.stringify(b.children).includes('Traceability'),
    );
    const table = built.document.children.slice(start).find((b) => b.type === 'table');
    expect(table?.type).toBe('table');
    const links = JSON.stringify(table).match(/"url":"#[^"]+"/g) ?? [];
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) expect(ids.has(l.slice(8, -1)), l).toBe(true);
  });

  it('writes the table of secure-operation as a separate controlled record that names the document', () => {
    const d: Data = { ...data, documents };
    const r = buildDocument({
      file: 'x.yaml',
      data: d,
      docType: 'secure-operation',
      templates,
      catalogue: loadCatalogue(),
      applicability: decideApplicability(d),
      final: false,
    });
    const built = r.value!;
    expect(headings(built.document.children).some((h) => h.includes('Requirements that apply'))).toBe(false);
    const record = built.traceability!;
    expect(record.meta.documentNumber).toBe('LC-9-TR');
    expect(record.meta.relatedDocument).toEqual({ number: 'LC-9', version: '2.1', title: built.document.meta.title });
    expect(record.meta.version).toBe('2.1');
    const text = JSON.stringify(record.children);
    expect(text).not.toContain('"type":"link"');
    expect(text).toMatch(/section \d+(\.\d+)* of LC-9/);
  });
});

describe('buildDocument: one pass list', () => {
  it('runs every declared pass once, in the declared order', async () => {
    const { DOCUMENT_PASSES } = await import('../../src/pipeline/build-document.js');
    expect(new Set(DOCUMENT_PASSES.names).size).toBe(DOCUMENT_PASSES.names.length);
    const heard: string[] = [];
    const r = buildDocument(
      {
        file: 'lumen-cxr.yaml',
        data,
        docType: 'cyber-techdoc',
        templates,
        catalogue: loadCatalogue(),
        applicability: decideApplicability(data),
        final: false,
        sourceDateEpoch: '1798761600',
      },
      (name) => heard.push(name),
    );
    expect(r.value).toBeDefined();
    expect(heard).toEqual(DOCUMENT_PASSES.names);
    // The traceability appendix is a pass of its own, after the table, on the prepared body.
    expect(heard.indexOf('traceability-appendix')).toBe(heard.indexOf('traceability') + 1);
  });
});
