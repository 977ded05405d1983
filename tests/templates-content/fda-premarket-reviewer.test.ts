import { beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../../src/model/nodes.js';
import { walkBlocks } from '../../src/model/text.js';
import type { Data } from '../../src/regulatory/data-path.js';
import { getPath } from '../../src/regulatory/data-path.js';
import { bodyTexts, buildDraft, exampleDocuments, visibleInline } from './example-documents.js';

/**
 * The cybersecurity technical documentation as an FDA premarket cybersecurity reviewer reads it:
 * the FD&C Act section 524B(b) items of a cyber device can be found, US instruments are not cited
 * as EU guidance, and nothing of it shows for a product that is not on the US market.
 */

interface Built {
  readonly product: string;
  readonly data: Data;
  readonly fda: boolean;
  readonly doc: Document;
}
const products: Built[] = [];

beforeAll(async () => {
  for (const p of await exampleDocuments(['cyber-techdoc'])) {
    const doc = p.docs.get('cyber-techdoc');
    if (!doc) continue;
    products.push({
      product: (p.data['product'] as { id: string }).id,
      data: p.data,
      fda: p.applicability.instruments.FDA.applies,
      doc,
    });
  }
});

const texts = bodyTexts;
const inline = visibleInline;

describe('FD&C Act section 524B(b) for a product on the US market', () => {
  it('says the SBOM is part of the premarket submission and covers commercial, open-source and off-the-shelf components', () => {
    const us = products.filter((p) => p.fda);
    expect(us.length).toBeGreaterThan(0);
    for (const p of us) {
      const sbom = texts(p.doc).find((t) => t.includes('524B(b)(3)'));
      expect(sbom, p.product).toMatch(/commercial, open-source and off-the-shelf/);
      expect(sbom, p.product).toContain(String(getPath(p.data, 'sbom.location')));
    }
  });

  it('points each other 524B(b) item to the section that addresses it', () => {
    for (const p of products.filter((q) => q.fda)) {
      const all = texts(p.doc);
      const row1 = all.findIndex((t) => t.startsWith('(1) A plan to monitor, identify and address postmarket'));
      const row2 = all.findIndex((t) => t.startsWith('(2) Processes and procedures'));
      expect(row1, p.product).toBeGreaterThanOrEqual(0);
      expect(row2, p.product).toBeGreaterThanOrEqual(0);
      expect(all[row1], p.product).toMatch(/coordinated vulnerability disclosure/);
      expect(all[row1 + 1], p.product).toContain(String(getPath(p.data, 'cvd_policy.url')));
      expect(all[row2], p.product).toMatch(/regular cycle.*out of cycle, for critical vulnerabilities/);
      expect(all[row2 + 1], p.product).toMatch(/Remediation and update time frames/);
    }
  });

  it('is not shown for a product that is not on the US market', () => {
    const eu = products.filter((p) => !p.fda);
    expect(eu.length).toBeGreaterThan(0);
    for (const p of eu) expect(texts(p.doc).join('\n'), p.product).not.toMatch(/524B|premarket submission/);
  });
});

describe('the MDS2 form in the security capabilities', () => {
  it('is named as the ANSI/NEMA form, not cited to MDCG 2019-16, with the record the data gives', () => {
    const withForm = products.filter((p) => getPath(p.data, 'mds2.form_ref') !== undefined);
    expect(withForm.length).toBeGreaterThan(0);
    for (const p of withForm) {
      const sentence = texts(p.doc).find((t) => t.includes('MDS2') && t.includes('vocabulary'));
      if (sentence === undefined) continue; // the capability table of MDCG 2019-16 is not used
      expect(sentence, p.product).not.toMatch(/MDS2 form \(MDCG/);
      expect(sentence, p.product).toContain('ANSI/NEMA HN 1-2019');
      expect(sentence, p.product).toContain(String(getPath(p.data, 'mds2.form_ref')));
    }
  });
});

describe('the interoperability assessment (FDA guidance V.A.3)', () => {
  it('does not say the interfaces assessed are none while naming the assessment record', () => {
    for (const p of products.filter((q) => q.fda)) {
      const para = texts(p.doc).find((t) => t.includes('used for interoperability were assessed'));
      expect(para, p.product).toBeDefined();
      expect(para, p.product).not.toMatch(/interfaces assessed are None/i);
    }
  });
});

/** Rows of the body tables, each row as its cell texts. */
function tables(doc: Document): string[][][] {
  const out: string[][][] = [];
  for (const b of walkBlocks(doc.children))
    if (b.type === 'table')
      out.push(b.rows.map((r) => r.cells.map((c) => inline(c.children).replace(/\s+/g, ' ').trim())));
  return out;
}

describe('the testing evidence (FDA guidance V.C)', () => {
  it('names the report of each test, so that two tests of one type can be told apart', () => {
    for (const p of products.filter((q) => q.fda)) {
      const table = tables(p.doc).find((t) => t[0]?.includes('Tester independence'));
      expect(table, p.product).toBeDefined();
      expect(table![0]![0], p.product).toBe('Report');
      const ids = (getPath(p.data, 'techdoc.test_reports') as { id: string }[]).map((r) => r.id);
      expect(
        table!.slice(1).map((r) => r[0]),
        p.product,
      ).toEqual(ids);
    }
  });
});

describe('the exploitability-based assessment (FDA guidance V.A.2)', () => {
  it('points the claim that known exploited vulnerabilities are designed out to its evidence', () => {
    for (const p of products.filter((q) => q.fda)) {
      const claim = texts(p.doc).find((t) => t.includes('are designed out'));
      expect(claim, p.product).toMatch(/designed out: .*"Assessment of known vulnerabilities"/);
    }
  });
});

/** Heading texts of the body. */
function headings(doc: Document): string[] {
  const out: string[] = [];
  for (const b of walkBlocks(doc.children)) if (b.type === 'heading') out.push(inline(b.children).trim());
  return out;
}

describe('component support and end of life (FDA guidance V.A.4)', () => {
  it('sends the reader to the section whose table gives the support level and end of support', () => {
    for (const p of products.filter((q) => q.fda)) {
      const all = texts(p.doc);
      const pointer = all.find((t) => t.startsWith('The support level and end-of-support date of each component'));
      const target = /"([^"]+)"/.exec(pointer ?? '')?.[1];
      expect(target, p.product).toBeDefined();
      expect(headings(p.doc), p.product).toContain(target);
      // The section named holds the table with the support columns.
      const start = p.doc.children.findIndex((b) => b.type === 'heading' && inline(b.children).trim() === target);
      const next = p.doc.children.findIndex((b, i) => i > start && b.type === 'heading');
      const section = p.doc.children.slice(start, next < 0 ? undefined : next);
      const header = section
        .filter((b) => b.type === 'table')
        .flatMap((b) => b.rows[0]?.cells.map((c) => inline(c.children)) ?? []);
      expect(header.join(' '), p.product).toMatch(/End of support/);
    }
  });

  it('does not claim custodial control of the source code of every component', () => {
    for (const p of products.filter((q) => q.fda)) {
      const para = texts(p.doc).find((t) => t.includes('custodial control'));
      expect(para, p.product).toBeDefined();
      expect(para, p.product).not.toMatch(/keeps custodial control of its source code/);
      expect(para, p.product).toMatch(/source code of the software it develops/);
    }
  });
});

describe('the security control categories (FDA guidance V.B.1)', () => {
  const row = (p: Built, category: string): string | undefined =>
    tables(p.doc)
      .find((t) => t[0]?.[0] === 'Control category')
      ?.find((r) => r[0] === category)?.[1];

  it('says what each algorithm protects, so that an algorithm used twice is not a bare repeat', () => {
    for (const p of products.filter((q) => q.fda)) {
      const algorithms = getPath(p.data, 'security.controls.crypto_algorithms') as { use: string; algorithm: string }[];
      const cell = row(p, 'Cryptography');
      for (const a of algorithms) expect(cell, p.product).toContain(`${a.use}: ${a.algorithm}`);
    }
  });

  it('covers confidentiality in transit as well as at rest', () => {
    for (const p of products.filter((q) => q.fda)) {
      const inTransit = getPath(p.data, 'security.controls.encryption_in_transit');
      if (typeof inTransit !== 'string') continue;
      expect(row(p, 'Confidentiality'), p.product).toContain(inTransit.replace(/\s+/g, ' ').trim());
    }
  });

  it('separates logged events that contain commas themselves', () => {
    for (const p of products.filter((q) => q.fda)) {
      const events = (getPath(p.data, 'logging.events') as { event: string }[]).map((e) => e.event);
      expect(row(p, 'Event detection and logging'), p.product).toBe(events.join('; '));
    }
  });

  it('gives the end-to-end update path of the architecture view, not the lay users’ wording', () => {
    for (const p of products.filter((q) => q.fda)) {
      const view = getPath(p.data, 'techdoc.architecture_views.updatability');
      if (typeof view !== 'string') continue;
      const cell = row(p, 'Updatability and patchability');
      expect(cell, p.product).toContain(view.replace(/\s+/g, ' ').trim());
      expect(cell, p.product).not.toMatch(/\byou\b/i);
    }
  });
});

describe('the MDS2 form for a product that has none', () => {
  it('is not named as a document that shares the capability names', () => {
    const without = products.filter((p) => typeof getPath(p.data, 'mds2.form_ref') !== 'string');
    expect(without.length).toBeGreaterThan(0);
    for (const p of without) {
      const sentence = texts(p.doc).find((t) => t.includes('MDS2') && t.includes('vocabulary'));
      if (sentence === undefined) continue;
      expect(sentence, p.product).not.toMatch(/the MDS2 form/);
      expect(sentence, p.product).toMatch(/so that this file and the secure-operation instructions/);
    }
  });
});

describe('the threat model (FDA guidance V.A.1)', () => {
  it('names its record and the sections that hold each element it claims', () => {
    for (const p of products.filter((q) => q.fda)) {
      const para = texts(p.doc).find((t) => t.startsWith('The threat model, record'));
      expect(para, p.product).toContain(String(getPath(p.data, 'techdoc.threat_model_ref')));
      const all = headings(p.doc);
      for (const m of (para ?? '').matchAll(/see "([^"]+)"/g)) expect(all, p.product).toContain(m[1]);
      expect([...(para ?? '').matchAll(/see "/g)].length, p.product).toBe(3);
    }
  });
});

describe('the FDA guidance and its sources', () => {
  it("names the guidance with its edition, and the KEV catalogue as CISA's", () => {
    const us = products.filter((p) => p.fda);
    expect(us.length).toBeGreaterThan(0);
    for (const p of us) {
      const all = texts(p.doc).join('\n');
      expect(all, p.product).toMatch(
        /Content of Premarket Submissions" \(final guidance of September 2023, re-issued in June 2025\)/,
      );
      const kev = texts(p.doc).findIndex((t) => t === 'Known exploited vulnerability');
      expect(kev, p.product).toBeGreaterThanOrEqual(0);
      expect(texts(p.doc)[kev + 2], p.product).toMatch(/^CISA KEV catalogue/);
    }
  });
});

describe('the SBOM paragraph', () => {
  it('uses the CRA\'s "top-level dependencies" wording only for a CRA product', async () => {
    const all = await exampleDocuments(['cyber-techdoc']);
    let cra = 0;
    for (const p of all) {
      const doc = p.docs.get('cyber-techdoc');
      if (!doc) continue;
      const text = bodyTexts(doc).join('\n');
      if (p.applicability.instruments.CRA.applies) {
        cra++;
        expect(text).toContain('covers at least the top-level dependencies');
      } else {
        expect(text).not.toContain('top-level dependencies');
        expect(text).toContain('commercial, open-source and off-the-shelf');
      }
    }
    expect(cra).toBeGreaterThan(0);
  });
});

describe('the NTIA minimum elements', () => {
  it('are claimed only when the SBOM or its components are recorded; otherwise the gap is shown', () => {
    const connect = products.find((p) => p.fda);
    expect(connect).toBeDefined();
    expect(texts(connect!.doc).join('\n')).toContain('The SBOM contains the NTIA minimum elements');
    const doc = buildDraft(
      {
        product: { id: 'us-pump', name: 'US Pump', software_only: false },
        manufacturer: { name: 'Example Inc.', country: 'US' },
        regulatory: {
          markets: ['US'],
          medical_device: { regulation: 'MDR', class: 'IIa' },
          legal_basis: ['MDR'],
          ai_act: { ai_system: false },
        },
        documents: { defaults: { date: '2026-11-02' } },
      },
      'cyber-techdoc',
    );
    const all = texts(doc).join('\n');
    expect(all).not.toContain('The SBOM contains the NTIA minimum elements');
    expect(all).toContain('The SBOM is to contain the NTIA minimum elements');
  });
});
