import { describe, expect, it } from 'vitest';
import { clausesForDoc, DOC_TYPES } from '../../src/regulatory/catalogue.js';
import { loadCatalogue } from '../../src/pipeline/catalogue.js';
import { decideApplicability, describeDecision } from '../../src/regulatory/applicability.js';
import { CONDITIONS } from '../../src/regulatory/conditions.js';
import { missingForDocument } from '../../src/regulatory/field-requirements.js';

const pump = {
  product: { id: 'pump', name: 'Pump', software_only: false, lay_users: true },
  regulatory: {
    markets: ['EU'],
    medical_device: { regulation: 'MDR', class: 'IIb', notified_body: { name: 'NB', number: '0123' } },
    legal_basis: ['MDR'],
    ai_act: { ai_system: false },
    nis2: { entity_type: 'important' },
    placed_on_market: '2027-03-01',
  },
};
const imaging = {
  product: { id: 'cxr', name: 'CXR', software_only: true, lay_users: false },
  regulatory: {
    markets: ['EU'],
    medical_device: { regulation: 'MDR', class: 'IIa', notified_body: { name: 'NB', number: '0123' } },
    ai_act: { ai_system: true, risk_class: 'high', high_risk_basis: 'annex-I' },
  },
};
const wearable = {
  product: { id: 'band', name: 'Band', software_only: false, lay_users: true },
  regulatory: { markets: ['EU'], medical_device: { regulation: 'none' }, ai_act: { ai_system: false } },
};

describe('instrument applicability', () => {
  it('excludes the CRA for an MDR device, citing Art. 2(2)(a)', () => {
    const app = decideApplicability(pump);
    expect(app.instruments.CRA.applies).toBe(false);
    expect(describeDecision('CRA', app.instruments.CRA)).toBe(
      'Cyber Resilience Act: not applicable: the product is a medical device under Regulation (EU) 2017/745 (CRA Art. 2(2)(a))',
    );
    expect(app.instruments.MDR.applies).toBe(true);
    expect(app.instruments.FDA.applies).toBe(false);
    expect(app.documents['ai-transparency'].applies).toBe(false);
  });

  it('makes an AI system in a class IIa device with a notified body high-risk (Art. 6(1))', () => {
    const app = decideApplicability(imaging);
    expect(app.aiHighRisk).toBe(true);
    expect(app.aiStatus).toBe('high-risk-annex-i');
    expect(app.instruments.AIA.reason).toMatch(
      /Art\. 6\(1\): the AI system is or is part of a class IIa device whose conformity assessment under the MDR involves a notified body/,
    );
    expect(app.instruments.AIA.reason).toContain('from 2 August 2028 (AI Act Art. 113, as amended in 2026)');
    expect(app.documents['ai-transparency'].applies).toBe(true);
  });

  it('applies the CRA to a non-device wearable on the EU market', () => {
    const app = decideApplicability(wearable);
    expect(app.instruments.CRA.applies).toBe(true);
    expect(app.instruments.CRA.reason).toMatch(/CRA Art\. 2\(1\)/);
    expect(app.instruments.MDR.applies).toBe(false);
    expect(app.instruments.IEC81001.applies).toBe(false);
  });

  it('applies FDA items only when the US is a market', () => {
    expect(
      decideApplicability({ ...pump, regulatory: { ...pump.regulatory, markets: ['EU', 'US'] } }).instruments.FDA
        .applies,
    ).toBe(true);
    expect(decideApplicability(pump).instruments.FDA.applies).toBe(false);
  });

  it('leaves the CRA undecided, naming the field, when the device status is not stated', () => {
    const app = decideApplicability({ regulatory: { markets: ['EU'] } });
    expect(app.instruments.CRA.applies).toBe(false);
    expect(app.instruments.CRA.undecidedFields).toEqual(['regulatory.medical_device.regulation']);
  });

  it('applies the PLD only to products placed on the market after 9 December 2026', () => {
    expect(decideApplicability(pump).instruments.PLD.applies).toBe(true);
    const early = { ...pump, regulatory: { ...pump.regulatory, placed_on_market: '2025-01-01' } };
    expect(decideApplicability(early).instruments.PLD.applies).toBe(false);
  });

  it('leaves the PLD undecided, naming the field, when no date of placing on the market is stated', () => {
    const { placed_on_market: _, ...rest } = pump.regulatory;
    const pld = decideApplicability({ ...pump, regulatory: rest }).instruments.PLD;
    expect(pld.applies).toBe(false);
    expect(pld.reason).toMatch(/^undecided: .*after 9 December 2026.*not yet stated$/);
    expect(pld.undecidedFields).toEqual(['regulatory.placed_on_market']);
  });

  it("decides the PLD from the declaration's date of placing on the market when the regulatory one is absent", () => {
    const { placed_on_market: _, ...rest } = pump.regulatory;
    const at = (date: string) =>
      decideApplicability({ product: { ...pump.product, placing_on_market_date: date }, regulatory: rest }).instruments
        .PLD;
    const early = at('2026-10-01');
    expect(early.applies).toBe(false);
    expect(early.undecidedFields).toBeUndefined();
    expect(early.reason).toContain('its date of placing on the market is 1 October 2026');
    expect(at('2027-01-15').applies).toBe(true);
    // The EU-market date, where given, decides.
    const both = { ...pump, product: { ...pump.product, placing_on_market_date: '2026-10-01' } };
    expect(decideApplicability(both).instruments.PLD.applies).toBe(true);
  });
});

describe('CRA declared not applicable by the manufacturer', () => {
  const saas = {
    ...wearable,
    regulatory: {
      ...wearable.regulatory,
      cra: { not_applicable: 'Software as a service only: no product with digital elements is made available.' },
    },
  };
  const catalogue = loadCatalogue();

  it("does not apply the CRA, printing the manufacturer's reason, and leaves no CRA field missing", () => {
    const app = decideApplicability(saas);
    expect(app.instruments.CRA.applies).toBe(false);
    expect(app.instruments.CRA.reason).toBe(
      'not applicable, as the manufacturer states: Software as a service only: no product with digital elements is made available',
    );
    const craOnly = catalogue.clauses.filter((c) => c.instrument === 'CRA');
    expect(craOnly.length).toBeGreaterThan(0);
    for (const c of craOnly) expect(app.clause(c).applies, c.id).toBe(false);
    expect(app.instruments.IEC81001.reason).not.toMatch(/come from the CRA/);
    // Without the declaration the same product is under the CRA.
    expect(decideApplicability(wearable).instruments.CRA.applies).toBe(true);
  });

  it('keeps the CRA Art. 2(2) exclusion as the reason for a medical device', () => {
    const app = decideApplicability({ ...pump, regulatory: { ...pump.regulatory, cra: { not_applicable: 'x' } } });
    expect(app.instruments.CRA.reason).toMatch(/CRA Art\. 2\(2\)\(a\)/);
  });
});

describe('clause conditions', () => {
  const catalogue = loadCatalogue();

  it('knows every condition the catalogue uses', () => {
    const unknown = catalogue.clauses.map((c) => c.condition).filter((c) => c !== undefined && !(c in CONDITIONS));
    expect(unknown).toEqual([]);
  });

  it('marks high-risk-only AI Act clauses not applicable for a non-AI product, and Art. 50 by its flag', () => {
    const app = decideApplicability(imaging);
    const art50 = catalogue.byId.get('AIA-ART50-1');
    const art13 = catalogue.byId.get('AIA-ART13-3a');
    expect(art50 && app.clause(art50).applies).toBe(false);
    expect(art13 && app.clause(art13).applies).toBe(true);
    const chat = { ...imaging, ai: { interaction_disclosure: { applies: true } } };
    expect(art50 && decideApplicability(chat).clause(art50).applies).toBe(true);
  });

  it('gives every document type at least one applicable clause for each example-like product', () => {
    for (const product of [pump, imaging, wearable]) {
      const app = decideApplicability(product);
      for (const doc of DOC_TYPES) {
        if (!app.documents[doc].applies) continue;
        expect(clausesForDoc(catalogue, doc).some((c) => app.clause(c).applies)).toBe(true);
      }
    }
  });
});

describe('clause conditions on facts the data does not state', () => {
  const catalogue = loadCatalogue();
  const clause = (id: string) => catalogue.byId.get(id)!;
  // An implant whose data says nothing yet about mobile platforms, networks, fail-safe mode or hosting.
  const silent = decideApplicability(pump);
  const stated = decideApplicability({
    ...pump,
    platform: { mobile: false },
    network: { interfaces: { none: 'no radio or wired interface' } },
    security: { failsafe_mode: { not_applicable: 'the device has no fail-safe mode' } },
    it_requirements: { cloud_hosting: { not_applicable: 'nothing is hosted externally' } },
  });
  const cases: [string, string][] = [
    ['MDR-AI-17.3', 'platform.mobile'],
    ['MDCG-4.2-sep10', 'network.interfaces'],
    ['MDCG-4.2-i5', 'security.failsafe_mode'],
    ['MDCG-4.2-sep11', 'it_requirements.cloud_hosting'],
  ];

  it.each(cases)('%s stays open, naming %s, instead of claiming the fact is absent', (id, field) => {
    const d = silent.clause(clause(id));
    expect(d.applies).toBe(false);
    expect(d.undecidedFields).toEqual([field]);
    expect(d.reason).not.toMatch(/condition not met|does not run|has no/);
  });

  it.each([
    ['AIA-ART15-4-feedback', 'ai.continuous_learning.enabled'],
    ['AIA-AIV-1f', 'regulatory.ai_act.component_of_product'],
    ['AIA-AIV-2f', 'ai.predetermined_changes'],
    ['AIA-ART50-2', 'ai.synthetic_content_marking.applies'],
  ])('keeps the high-risk AI clause %s open while %s is not stated', (id, field) => {
    const ai = decideApplicability(imaging);
    expect(ai.clause(clause(id)).undecidedFields).toEqual([field]);
    // Stated false, or its group declared not applicable, it does not apply.
    const group = field.slice(0, field.lastIndexOf('.'));
    const declared = JSON.parse(JSON.stringify(imaging)) as Record<string, Record<string, unknown>>;
    const [top, ...rest] = group.split('.');
    let at = (declared[top!] ??= {});
    for (const k of rest) at = (at[k] ??= {}) as Record<string, unknown>;
    at['not_applicable'] = 'stated by the writer';
    if (field === 'ai.predetermined_changes')
      (declared['ai'] as Record<string, unknown>)['predetermined_changes'] = { none: 'none planned' };
    expect(decideApplicability(declared).clause(clause(id)).reason, id).toMatch(/^condition not met: /);
  });

  it('never makes lay use an open gap: it decides between whole documents, which must not shrink to one TBD', () => {
    const product = { ...pump.product } as Record<string, unknown>;
    delete product['lay_users'];
    const data = { ...pump, product };
    for (const doc of ['secure-operation', 'decommissioning', 'cyber-techdoc'] as const)
      expect(missingForDocument(catalogue, decideApplicability(data), doc, data).has('product.lay_users'), doc).toBe(
        false,
      );
  });

  it('makes the unstated fact a gap the documents show, so a section guarded by it prints a TBD', () => {
    expect(missingForDocument(catalogue, silent, 'cyber-techdoc', pump).has('platform.mobile')).toBe(true);
    const data = { ...pump, platform: { mobile: false } };
    expect(missingForDocument(catalogue, decideApplicability(data), 'cyber-techdoc', data).has('platform.mobile')).toBe(
      false,
    );
  });

  it.each(cases)('%s does not apply once %s is stated as false, none or not applicable', (id) => {
    const d = stated.clause(clause(id));
    expect(d.applies).toBe(false);
    expect(d.undecidedFields).toBeUndefined();
    expect(d.reason).toMatch(/^condition not met: /);
  });
});
