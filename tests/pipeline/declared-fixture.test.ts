import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDevice, nodeHost } from '../../src/data/index.js';
import { defaultDeviceSchema } from '../../src/pipeline/default-schema.js';
import type { Block } from '../../src/model/nodes.js';
import { inlineText, walkBlocks } from '../../src/model/text.js';
import { buildDocument } from '../../src/pipeline/build-document.js';
import { finalCheck } from '../../src/pipeline/final-check.js';
import { defaultTemplatesDir } from '../../src/pipeline/templates-dir.js';
import { decideApplicability } from '../../src/regulatory/applicability.js';
import { DOC_TYPES, type DocType } from '../../src/regulatory/catalogue.js';
import { loadCatalogue } from '../../src/pipeline/catalogue.js';
import type { Data } from '../../src/regulatory/data-path.js';
import { type TemplateSet } from '../../src/templates/load.js';
import { loadTemplates } from '../../src/pipeline/template-set.js';

/**
 * tests/fixtures/declared/lumen-eu.yaml: the complete radiology example, as if made by an EU
 * manufacturer without authorised representative, with no remote service and `apis: { none }`.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const FILE = 'tests/fixtures/declared/lumen-eu.yaml';
const catalogue = loadCatalogue();
let data: Data;
let templates: TemplateSet;

beforeAll(async () => {
  const loaded = loadDevice(join(ROOT, FILE), nodeHost(ROOT, ROOT), await defaultDeviceSchema());
  expect(loaded.diagnostics).toEqual([]);
  data = loaded.value!.data;
  templates = loadTemplates(defaultTemplatesDir()).value;
});

function build(doc: DocType, d: Data = data) {
  const r = buildDocument({
    file: FILE,
    data: d,
    docType: doc,
    templates,
    catalogue,
    applicability: decideApplicability(d),
    final: true,
  });
  expect(r.diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
  return r.value!;
}

const bodyText = (blocks: readonly Block[]): string =>
  [...walkBlocks(blocks)].map((b) => (b.type === 'paragraph' ? inlineText(b.children) : '')).join('\n');

describe('a complete device that declares what does not apply', () => {
  it('has no TBD in any document and passes the --final check', () => {
    for (const doc of DOC_TYPES) {
      const built = build(doc);
      expect(
        built.placeholders.map((p) => p.field),
        doc,
      ).toEqual([]);
      expect(built.coverage.summary.tbd, doc).toBe(0);
      expect(
        finalCheck(built, catalogue, FILE).filter((d) => d.severity === 'error'),
        doc,
      ).toEqual([]);
    }
  });

  it('marks remote service not applicable with the reason, in coverage and in the appendix', () => {
    const built = build('secure-operation');
    const rmot = built.coverage.entries.find((e) => e.id === 'MDS2-RMOT');
    expect(rmot).toMatchObject({ status: 'not-applicable', reason: 'the product offers no remote service' });
    expect(bodyText(built.document.children)).toContain('Remote service by the manufacturer is not enabled');
    // The traceability record beside the instructions groups not-applicable requirements by reason.
    const record = built.traceability?.children ?? [];
    const rows = [...walkBlocks(record)].flatMap((b) => (b.type === 'table' ? b.rows : []));
    const row = rows
      .map((r) => r.cells.map((c) => inlineText(c.children)).join(' | '))
      .find((t) => t.includes('MDS2-RMOT'));
    expect(row).toContain('the product offers no remote service');
    expect(row).not.toContain('remote_service.enabled');
  });

  it('names the authorised representative as not applicable for an EU manufacturer, and the empty API list', () => {
    const ai = build('ai-transparency').coverage.entries.find((e) => e.id === 'AIA-ART13-3a');
    expect(ai?.status).toBe('addressed');
    expect(ai?.reason).toContain('the manufacturer is established in an EU Member State (DE)');
    const hardening = build('secure-operation').coverage.entries.find((e) => e.id === 'IEC81001-E.2.4-ab');
    expect(hardening?.reason).toContain('the EU variant offers no application programming interface');
  });

  it('turns the same facts into TBDs when the conditions hold', () => {
    const outside = { ...data, manufacturer: { ...(data['manufacturer'] as object), country: 'CH' } };
    const ai = build('ai-transparency', outside);
    expect(ai.coverage.entries.find((e) => e.id === 'AIA-ART13-3a')).toMatchObject({
      status: 'tbd',
      missing: ['authorised_rep.name', 'authorised_rep.address'],
    });
    // The template leaves the representative out when the name is missing; the gap is still shown.
    expect(ai.placeholders.map((p) => p.field)).toContain('authorised_rep.name');

    const remote = { ...data, remote_service: { enabled: true } };
    const so = build('secure-operation', remote);
    expect(so.coverage.entries.find((e) => e.id === 'MDS2-RMOT')?.status).toBe('tbd');
    expect(so.placeholders.map((p) => p.field)).toEqual(
      expect.arrayContaining([
        'remote_service.initiation',
        'remote_service.session_indicator',
        'remote_service.data_access',
      ]),
    );
  });
});
