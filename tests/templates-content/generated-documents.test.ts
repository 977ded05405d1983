import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dataStrings, exampleDocuments } from './example-documents.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDevice, nodeHost } from '../../src/data/index.js';
import { defaultDeviceSchema } from '../../src/pipeline/default-schema.js';
import type { Block, Document } from '../../src/model/nodes.js';
import { inlineText, walkBlocks } from '../../src/model/text.js';
import { buildDocument } from '../../src/pipeline/build-document.js';
import { defaultTemplatesDir } from '../../src/pipeline/templates-dir.js';
import { decideApplicability } from '../../src/regulatory/applicability.js';
import { DOC_TYPES } from '../../src/regulatory/catalogue.js';
import { loadCatalogue } from '../../src/pipeline/catalogue.js';
import type { Data } from '../../src/regulatory/data-path.js';
import { templateDecisions } from '../../src/regulatory/template-decisions.js';
import { loadTemplates } from '../../src/pipeline/template-set.js';

/**
 * Reads every example's generated documents (the document model, before rendering) as a
 * reader would: no paragraph said twice, every threat id defined in the techdoc's register,
 * a lay guide free of clause codes and IT-administration material, the annex where organisations
 * also deploy the product.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

interface Built {
  readonly product: string;
  readonly layUsers: boolean;
  /** A medical device under the MDR or the IVDR (the templates' `MD` decision). */
  readonly medical: boolean;
  /** Top-level keys of the merged data: a field path on a page starts with one of them. */
  readonly dataKeys: readonly string[];
  /** `secure-operation`, `secure-operation-annex`, `cyber-techdoc`, … */
  readonly docs: Map<string, Document>;
}

const products: Built[] = [];

beforeAll(async () => {
  for (const { data, applicability, docs } of await exampleDocuments(DOC_TYPES, { annex: true })) {
    const product = data['product'] as { id: string; lay_users?: boolean };
    products.push({
      product: product.id,
      layUsers: product.lay_users === true,
      medical: templateDecisions(applicability).MD.applies,
      dataKeys: Object.keys(data),
      docs,
    });
  }
});

/** Legal citations a lay reader's guide must not carry (each guide adds its own words). */
const CITATIONS = [
  /\bAnnex [IVX]+\b/,
  /\bArt\. \d/,
  /\bArticle \d/,
  /\bMDCG\b/,
  /\bIEC \d/,
  /\bISO\b/,
  /\bMDS2\b/,
  /\bCRA\b/,
  /\bMDR\b/,
];

/** The body: everything before the traceability appendix (which repeats clause data by design). */
function body(doc: Document): readonly Block[] {
  const i = doc.children.findIndex((b) => b.type === 'heading' && b.id === 'traceability');
  return i < 0 ? doc.children : doc.children.slice(0, i);
}

function paragraphs(blocks: readonly Block[]): string[] {
  const out: string[] = [];
  for (const b of walkBlocks(blocks))
    if (b.type === 'paragraph') out.push(inlineText(b.children).replace(/\s+/g, ' ').trim());
  return out;
}

function allText(blocks: readonly Block[]): string {
  const out: string[] = [];
  for (const b of walkBlocks(blocks)) {
    if (b.type === 'paragraph' || b.type === 'heading') out.push(inlineText(b.children));
    if (b.type === 'table') for (const row of b.rows) for (const cell of row.cells) out.push(inlineText(cell.children));
  }
  return out.join('\n');
}

const words = (s: string): number => s.split(/\s+/).filter(Boolean).length;

describe('generated example documents', () => {
  it('builds the examples, with an IT and security annex exactly where organisations also deploy a lay-use product', () => {
    const byId = new Map(products.map((p) => [p.product, p]));
    expect(byId.get('glucoflow-x2-eu')?.docs.has('secure-operation-annex')).toBe(true);
    expect(byId.get('glucoflow-x2-connect')?.docs.has('secure-operation-annex')).toBe(true);
    expect(byId.get('pulseband-3')?.docs.has('secure-operation-annex')).toBe(false);
    expect(byId.get('lumen-cxr')?.docs.has('secure-operation-annex')).toBe(false);
  });

  it('never repeats a paragraph of 20 or more words within one document', () => {
    const repeats: string[] = [];
    for (const p of products) {
      for (const [name, doc] of p.docs) {
        const seen = new Set<string>();
        for (const text of paragraphs(body(doc))) {
          if (words(text) < 20) continue;
          if (seen.has(text)) repeats.push(`${p.product} ${name}: "${text.slice(0, 100)}…"`);
          seen.add(text);
        }
      }
    }
    expect(repeats).toEqual([]);
  });

  it('defines every threat id cited in any document of a product in its cyber-techdoc threat register', () => {
    const unresolved: string[] = [];
    for (const p of products) {
      const techdoc = p.docs.get('cyber-techdoc');
      if (!techdoc) continue;
      const defined = new Set<string>();
      for (const b of walkBlocks(body(techdoc))) {
        if (b.type !== 'table') continue;
        const header = b.rows[0]?.cells.map((c) => inlineText(c.children)) ?? [];
        if (!header.includes('Threat') || !header.includes('Attack vector')) continue;
        for (const row of b.rows.slice(1)) defined.add(inlineText(row.cells[0]?.children ?? []).trim());
      }
      for (const [name, doc] of p.docs) {
        for (const m of allText(body(doc)).matchAll(/\bT-\d{2,}\b/g))
          if (!defined.has(m[0])) unresolved.push(`${p.product} ${name}: ${m[0]}`);
      }
    }
    expect([...new Set(unresolved)]).toEqual([]);
  });

  it("flags in the techdoc a third-party component whose support ends before the product's", () => {
    const pump = products.find((p) => p.product === 'glucoflow-x2-eu')!;
    const text = allText(body(pump.docs.get('cyber-techdoc')!));
    // Zephyr RTOS 3.7.1 LTS: supplier support ends 2027-07-31, the pump's on 2034-12-31.
    expect(text).toMatch(/2027-07(?:-31)? \(before the product's support ends\)/);
    // A month date reads as its last day: LCXR-M support to 2032-12 ends with the product's (2032-12-31).
    const lumen = allText(body(products.find((p) => p.product === 'lumen-cxr')!.docs.get('cyber-techdoc')!));
    expect(lumen).toMatch(/2032-12(?!-)/);
    expect(lumen).not.toMatch(/2032-12(?:-31)? \(before the product's support ends\)/);
    expect(text).not.toMatch(/2034-12-31 \(before the product's support ends\)/);
  });

  it('writes the lay guide without clause codes, citations or IT-administration material', () => {
    const forbidden = [
      ...CITATIONS,
      /\bIVDR\b/,
      /firewall/i,
      /\bport \d/i,
      /\bsyslog\b/i,
      /\bSIEM\b/,
      /\blog destination/i,
      /administrator account/i,
      /default password/i,
      /renew .*certificate/i,
    ];
    const found: string[] = [];
    for (const p of products.filter((x) => x.layUsers)) {
      const guide = p.docs.get('secure-operation');
      if (!guide) continue;
      const text = allText(body(guide));
      for (const re of forbidden) {
        const m = re.exec(text);
        if (m) found.push(`${p.product}: ${re} in "…${text.slice(Math.max(0, m.index - 60), m.index + 40)}…"`);
      }
    }
    expect(found).toEqual([]);
  });

  it('keeps one version number per document: the body never states another edition number', () => {
    const wrong: string[] = [];
    for (const p of products) {
      for (const [name, doc] of p.docs) {
        for (const m of allText(body(doc)).matchAll(
          /\b(?:this edition|this (?:guide|document|annex) is) (?:is )?version ([\w.]+)/gi,
        )) {
          if (m[1] !== doc.meta.version)
            wrong.push(`${p.product} ${name}: ${m[0]} (document control: ${doc.meta.version})`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('numbers procedures with list numbering, never a hand-counted "Step n"', () => {
    const raw: string[] = [];
    for (const p of products) {
      for (const [name, doc] of p.docs) {
        for (const text of paragraphs(body(doc)))
          if (/^Step \d+\./.test(text)) raw.push(`${p.product} ${name}: ${text.slice(0, 80)}`);
      }
    }
    expect(raw).toEqual([]);
  });
});

describe('lay guide templates', () => {
  it('use no cite, ref or clause helper (citations go to the traceability table)', () => {
    const dir = join(ROOT, 'templates/secure-operation');
    const guides = readdirSync(dir).filter((f) => f.startsWith('guide'));
    expect(guides.length).toBeGreaterThan(3);
    for (const f of guides) {
      const text = readFileSync(join(dir, f), 'utf8');
      expect(text, f).not.toMatch(/\{\{\s*(cite|ref|clause)\b/);
    }
  });
});

/** One document of `data`, built as generate builds it (draft, fixed date). */
function buildAt(
  file: string,
  data: Data,
  docType: (typeof DOC_TYPES)[number],
  templates: ReturnType<typeof loadTemplates>['value'],
  applicability: ReturnType<typeof decideApplicability>,
): ReturnType<typeof buildDocument> {
  return buildDocument({
    file,
    data,
    docType,
    templates,
    catalogue: loadCatalogue(),
    applicability,
    final: false,
    sourceDateEpoch: '0',
  });
}

describe('an IVDR device', () => {
  it('gets no sentence that names the MDR (or Regulation (EU) 2017/745) as its legal basis', async () => {
    const schema = await defaultDeviceSchema();
    const loaded = loadDevice(join(ROOT, 'examples/radiology-ai/lumen-cxr.yaml'), nodeHost(ROOT, ROOT), schema);
    const base = loaded.value!.data;
    const regulatory = base['regulatory'] as Record<string, unknown>;
    const md = regulatory['medical_device'] as Record<string, unknown>;
    const data: Data = { ...base, regulatory: { ...regulatory, medical_device: { ...md, regulation: 'IVDR' } } };
    const applicability = decideApplicability(data);
    const templates = loadTemplates(defaultTemplatesDir()).value;
    const found: string[] = [];
    for (const docType of DOC_TYPES) {
      if (!applicability.documents[docType].applies) continue;
      const r = buildAt('ivd.yaml', data, docType, templates, applicability);
      // Only the templates' wording is judged: the example's own texts (written for an MDR device)
      // are removed first. Guidance is cited without its MDR item ("MDCG 2019-16 section 4.2").
      let text = allText(body(r.value!.document));
      for (const value of dataStrings(base)) if (/\bMDR\b|2017\/745/.test(value)) text = text.split(value).join(' ');
      for (const m of text.matchAll(/[^.\n]*\b(MDR|2017\/745)\b[^.\n]*/g))
        found.push(`${docType}: ${m[0].trim().slice(0, 160)}`);
    }
    expect(found).toEqual([]);
  });
});

describe('the traceability records of an IVDR device', () => {
  /** The techdoc's appendix and the separate records of the other documents, by name. */
  const records: [string, readonly Block[]][] = [];

  beforeAll(async () => {
    const schema = await defaultDeviceSchema();
    const loaded = loadDevice(join(ROOT, 'tests/fixtures/ivdr/lumen-ivd.yaml'), nodeHost(ROOT, ROOT), schema);
    const data = loaded.value!.data;
    const applicability = decideApplicability(data);
    const templates = loadTemplates(defaultTemplatesDir()).value;
    for (const docType of DOC_TYPES) {
      if (!applicability.documents[docType].applies) continue;
      const r = buildAt('lumen-ivd.yaml', data, docType, templates, applicability);
      const doc = r.value!.document;
      const appendix = doc.children.slice(body(doc).length);
      if (appendix.length > 0) records.push([docType, appendix]);
      if (r.value!.traceability) records.push([`${docType}.traceability`, r.value!.traceability.children]);
    }
  });

  it('were all built: the techdoc appendix and the separate records', () => {
    expect(records.length).toBeGreaterThanOrEqual(3);
  });

  it('name no MDR item: not by id, reference or reason, in the appendix or in a separate record', () => {
    const found: string[] = [];
    for (const [name, blocks] of records)
      for (const m of allText(blocks).matchAll(/[^\n]*\b(MDR|2017\/745)\b[^\n]*/g))
        found.push(`${name}: ${m[0].trim().slice(0, 160)}`);
    expect(found).toEqual([]);
  });

  it('keep a percentage on one line with its sign (a no-break space before "%")', () => {
    const all = records.map(([, blocks]) => allText(blocks)).join('\n');
    expect(all).toMatch(/\d\u00a0%/);
    expect(all).not.toMatch(/\d %/);
  });
});

describe('a product under neither a device regulation nor the CRA', () => {
  it('gets no sentence written for a medical device, and no empty citation', async () => {
    const schema = await defaultDeviceSchema();
    const loaded = loadDevice(join(ROOT, 'examples/wellness-wearable/pulseband.yaml'), nodeHost(ROOT, ROOT), schema);
    const base = loaded.value!.data;
    const regulatory = base['regulatory'] as Record<string, unknown>;
    const data: Data = { ...base, regulatory: { ...regulatory, cra: { not_applicable: 'Service only' } } };
    const applicability = decideApplicability(data);
    expect(applicability.instruments.CRA.applies).toBe(false);
    const r = buildDocument({
      file: 'service.yaml',
      data,
      docType: 'cyber-techdoc',
      templates: loadTemplates(defaultTemplatesDir()).value,
      catalogue: loadCatalogue(),
      applicability,
      final: false,
      sourceDateEpoch: '0',
    });
    const text = allText(body(r.value!.document));
    expect(text).not.toMatch(/for the medical device/i);
    expect(text).not.toMatch(/\(\s*;|;\s*;|required by\s+and\b|referred to in\s*\./);
  });
});

describe('documents for lay users', () => {
  /** The documents a lay user reads: the guide and the decommissioning guide (not the annex). */
  const LAY_DOCS = ['secure-operation', 'decommissioning'];

  it('has lay products among the examples, with and without a medical device', () => {
    const lay = products.filter((p) => p.layUsers);
    expect(lay.some((p) => p.medical)).toBe(true);
    expect(lay.some((p) => !p.medical)).toBe(true);
  });

  it('write the decommissioning guide without clause codes, legal tables or records-office tasks', () => {
    const forbidden = [
      ...CITATIONS,
      /\bNIS2\b/,
      /\bAI Act\b/,
      /\bNIST\b/,
      /\bDirective \d/,
      /\bRegulation \(EU\)/,
      /\bGDPR\b/,
      /\bPBKDF2\b/,
      /\bAES-\d/,
      /certificate of destruction/i,
      /asset records?/i,
      /decommissioning record/i,
      /certified disposal service/i,
      /have it approved/i,
      /\bClear\b.*\bPurge\b/,
    ];
    const found: string[] = [];
    let checked = 0;
    for (const p of products.filter((x) => x.layUsers)) {
      const guide = p.docs.get('decommissioning');
      if (!guide) continue;
      checked++;
      const blocks = body(guide);
      if ([...walkBlocks(blocks)].some((b) => b.type === 'table')) found.push(`${p.product}: a table in the body`);
      const text = allText(blocks);
      for (const re of forbidden) {
        const m = re.exec(text);
        if (m) found.push(`${p.product}: ${re} in "…${text.slice(Math.max(0, m.index - 60), m.index + 40)}…"`);
      }
    }
    expect(checked).toBeGreaterThanOrEqual(2);
    expect(found).toEqual([]);
  });

  it('never ask a product without an account or cloud service to delete an account', () => {
    const pump = products.find((p) => p.product === 'glucoflow-x2-eu')!;
    const text = allText(body(pump.docs.get('decommissioning')!));
    expect(text).not.toMatch(/\baccount\b/i);
    expect(text).not.toMatch(/\bcloud\b/i);
    // The Connect variant has both, and its guide says how to close them.
    const connect = products.find((p) => p.product === 'glucoflow-x2-connect')!;
    const connectText = allText(body(connect.docs.get('decommissioning')!));
    expect(connectText).toMatch(/Delete account/);
    expect(connectText).toMatch(/gateway/);
  });

  it('show no data field path on any page', () => {
    const found: string[] = [];
    for (const p of products.filter((x) => x.layUsers)) {
      const path = new RegExp(`\\b(?:${p.dataKeys.join('|')})(?:\\.[a-z][a-z0-9_]*)+\\b`, 'g');
      for (const name of LAY_DOCS) {
        const doc = p.docs.get(name);
        if (!doc) continue;
        // Web addresses and host names (updates.pulseband.eu) are not field paths.
        const text = allText(body(doc))
          .replace(/\bhttps?:\/\/\S+/g, ' ')
          .replace(/\b[\w-]+(?:\.[\w-]+)*\.(?:eu|com|org|net|io|dk|de|nl|se)\b/g, ' ');
        for (const m of text.matchAll(path)) found.push(`${p.product} ${name}: ${m[0]}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('name their reader in the audience line: patients for a medical device, people who use it otherwise', () => {
    const wrong: string[] = [];
    for (const p of products) {
      for (const name of LAY_DOCS) {
        const audience = p.docs.get(name)?.meta.audience ?? '';
        if (!p.docs.has(name)) continue;
        const ok = !p.layUsers
          ? !/patient|people who use/i.test(audience)
          : p.medical
            ? /^Patients and caregivers$/.test(audience)
            : audience === 'People who use the product';
        if (!ok) wrong.push(`${p.product} ${name}: "${audience}"`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
