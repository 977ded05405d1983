import { describe, expect, it } from 'vitest';
import { decideApplicability } from '../../src/regulatory/applicability.js';
import { DOC_TYPES } from '../../src/regulatory/catalogue.js';
import { loadCatalogue } from '../../src/pipeline/catalogue.js';
import { CRA_ROUTES } from '../../src/regulatory/cra.js';
import { templateDecisions } from '../../src/regulatory/template-decisions.js';

const catalogue = loadCatalogue();

function device(
  regulation: 'MDR' | 'IVDR',
  cls: string,
  extra: Record<string, unknown> = {},
  product: Record<string, unknown> = {},
) {
  return {
    product: { id: 'd', name: 'D', software_only: false, lay_users: false, ...product },
    regulatory: {
      markets: ['EU'],
      medical_device: { regulation, class: cls, notified_body: { name: 'NB', number: '0123' } },
      ai_act: { ai_system: false },
      ...extra,
    },
  };
}

/** Every reason a product's documents can print: instruments, template decisions, clauses per document. */
function allReasons(data: Record<string, unknown>): string[] {
  const app = decideApplicability(data);
  const out = [
    ...Object.values(app.instruments).map((d) => d.reason),
    ...Object.values(templateDecisions(app)).map((d) => d.reason),
  ];
  for (const doc of DOC_TYPES)
    for (const c of catalogue.clauses.filter((x) => x.doc.includes(doc))) out.push(app.clause(c, doc).reason);
  return out;
}

describe('MDR and IVDR decided apart', () => {
  const ivd = device('IVDR', 'C');
  const mdr = device('MDR', 'IIb');

  it('applies no MDR-only item to an IVDR device, saying why', () => {
    const app = decideApplicability(ivd);
    for (const id of ['MDR-AI-18.8', 'MDR-AI-23.4g', 'MDR-AI-23.4h', 'MDR-AI-23.4v', 'MDR-AI-23.4z']) {
      const c = catalogue.byId.get(id);
      expect(c, id).toBeDefined();
      const d = app.clause(c!, 'secure-operation');
      expect(d.applies, id).toBe(false);
      expect(d.reason, id).toMatch(/this in vitro diagnostic medical device is under the IVDR$/);
    }
    expect(app.clause(catalogue.byId.get('MDR-AI-18.8')!).reason).toBe(
      'the IVDR has no counterpart to MDR Annex I 18.8; this in vitro diagnostic medical device is under the IVDR',
    );
    expect(app.clause(catalogue.byId.get('MDR-AI-23.4z')!).reason).toContain(
      'the MDR Annex I 23.4, item on serious-incident reporting notice',
    );
    // Items both regulations have apply, under the IVDR.
    const shared = app.clause(catalogue.byId.get('MDR-AI-17.2')!);
    expect(shared.applies).toBe(true);
    expect(shared.reason).toMatch(/^IVDR applies: class C in vitro diagnostic medical device/);
  });

  it('never names the MDR as the legal basis of an IVDR device', () => {
    const legalBasis =
      /MDR Annex I (sections )?1[47]|MDR Annex I 23|Regulation \(EU\) 2017\/745 on|under the MDR\b(?!, not)|MDR Art\. 2\(1\)\)$/;
    const offending = allReasons(ivd).filter(
      (r) =>
        legalBasis.test(r) && !/requirement of the MDR|counterpart to MDR|device under the IVDR, not the MDR/.test(r),
    );
    expect(offending).toEqual([]);
  });

  it('never names the IVDR as the legal basis of an MDR device', () => {
    const offending = allReasons(mdr).filter(
      (r) => /IVDR Annex|2017\/746 on|under the IVDR/.test(r) && !/not the IVDR/.test(r),
    );
    expect(offending).toEqual([]);
    expect(decideApplicability(mdr).instruments.IVDR.reason).toBe(
      'not applicable: the product is a device under the MDR, not the IVDR',
    );
  });

  it('leaves both undecided, naming the field, when the data does not say', () => {
    const app = decideApplicability({ regulatory: { markets: ['EU'] } });
    expect(app.instruments.MDR.undecidedFields).toEqual(['regulatory.medical_device.regulation']);
    expect(app.instruments.IVDR.undecidedFields).toEqual(['regulatory.medical_device.regulation']);
    expect(app.clause(catalogue.byId.get('MDR-AI-17.2')!).undecidedFields).toEqual([
      'regulatory.medical_device.regulation',
    ]);
  });
});

describe('NIS2 by entity', () => {
  const techdocNis2 = catalogue.clauses.filter((c) => c.instrument === 'NIS2' && c.doc.includes('cyber-techdoc'));
  const secOpNis2 = catalogue.clauses.filter((c) => c.instrument === 'NIS2' && c.doc.includes('secure-operation'));

  it('gives an important-entity manufacturer its own duties even when patients use the product', () => {
    const pump = device('MDR', 'IIb', { nis2: { entity_type: 'important' } }, { lay_users: true });
    const app = decideApplicability(pump);
    expect(app.instruments['NIS2-manufacturer'].applies).toBe(true);
    expect(app.instruments['NIS2-manufacturer'].reason).toContain('important entity (NIS2 Art. 3(2))');
    expect(app.instruments['NIS2-manufacturer'].reason).toContain('NIS2 Annex II point 5');
    expect(app.instruments['NIS2-deployers'].applies).toBe(false);
    expect(techdocNis2.length).toBeGreaterThanOrEqual(3);
    for (const c of techdocNis2) expect(app.clause(c, 'cyber-techdoc').applies, c.id).toBe(true);
    for (const c of secOpNis2) expect(app.clause(c, 'secure-operation').applies, c.id).toBe(false);
    expect(templateDecisions(app)['NIS2-manufacturer'].applies).toBe(true);
  });

  it('derives the manufacturer status from sector and size when it is not stated', () => {
    const medium = decideApplicability(device('MDR', 'IIa', { nis2: { size: 'medium' } }));
    expect(medium.instruments['NIS2-manufacturer'].applies).toBe(true);
    expect(medium.instruments['NIS2-manufacturer'].reason).toContain(
      'important entity unless a Member State designates it as essential',
    );
    const small = decideApplicability(device('MDR', 'IIa', { nis2: { size: 'small' } }));
    expect(small.instruments['NIS2-manufacturer'].applies).toBe(false);
    expect(small.instruments['NIS2-manufacturer'].reason).toContain('unless a Member State designates it');
    const unknown = decideApplicability(device('MDR', 'IIa'));
    expect(unknown.instruments['NIS2-manufacturer'].undecidedFields).toEqual(['regulatory.nis2.entity_type']);
    const none = decideApplicability(
      device('MDR', 'IIa', { nis2: { entity_type: 'none', rationale: 'a micro enterprise' } }),
    );
    expect(none.instruments['NIS2-manufacturer'].applies).toBe(false);
    expect(none.instruments['NIS2-manufacturer'].reason).toMatch(/Rationale: a micro enterprise\.$/);
  });

  it('states the size basis of a stated entity type, and asks for the designation of a small one', () => {
    const small = decideApplicability(device('MDR', 'IIa', { nis2: { entity_type: 'important', size: 'small' } }));
    expect(small.instruments['NIS2-manufacturer'].reason).toContain('small enterprise');
    expect(small.instruments['NIS2-manufacturer'].reason).toContain('designation is to be stated');
    expect(small.instruments['NIS2-manufacturer'].missing).toEqual(['regulatory.nis2.designation']);
    const designated = decideApplicability(
      device('MDR', 'IIa', {
        nis2: { entity_type: 'important', size: 'small', designation: 'designated by Denmark under Art. 2(2)(b)' },
      }),
    );
    expect(designated.instruments['NIS2-manufacturer'].reason).toContain(
      'Member State designation: designated by Denmark under Art. 2(2)(b) (NIS2 Art. 2(2)-(4))',
    );
    expect(designated.instruments['NIS2-manufacturer'].missing).toBeUndefined();
    const medium = decideApplicability(device('MDR', 'IIa', { nis2: { entity_type: 'important', size: 'medium' } }));
    expect(medium.instruments['NIS2-manufacturer'].reason).toContain(
      'medium-sized enterprise, in scope by size (NIS2 Art. 2(1))',
    );
  });

  it('gives natural persons as the reason for lay-use products, never a data field', () => {
    const d = decideApplicability({
      product: { id: 'w', name: 'W', software_only: false, lay_users: true },
      regulatory: { markets: ['EU'], medical_device: { regulation: 'none' }, ai_act: { ai_system: false } },
    }).instruments['NIS2-deployers'];
    expect(d.applies).toBe(false);
    expect(d.reason).toContain('natural persons');
    expect(d.reason).not.toMatch(/regulatory\./);
    // A consumer product has no patients; a medical device for lay use has both.
    expect(d.reason).not.toMatch(/patient/);
    const pump = decideApplicability(device('MDR', 'IIb', {}, { lay_users: true })).instruments['NIS2-deployers'];
    expect(pump.reason).toContain('patients or consumers');
  });

  it('decides the deploying organisations from their own status, and states the size rule for healthcare providers exactly', () => {
    const stated = decideApplicability(
      device('IVDR', 'C', {
        nis2: { entity_type: 'none', deployers: { entity_types: ['important'], sectors: ['laboratories'] } },
      }),
    );
    expect(stated.instruments['NIS2-deployers'].applies).toBe(true);
    expect(stated.instruments['NIS2-deployers'].reason).toContain('include important entities');
    for (const c of secOpNis2) expect(stated.clause(c, 'secure-operation').applies, c.id).toBe(true);
    for (const c of techdocNis2) expect(stated.clause(c, 'cyber-techdoc').applies, c.id).toBe(false);
    const none = decideApplicability(device('MDR', 'IIa', { nis2: { deployers: { entity_types: ['none'] } } }));
    expect(none.instruments['NIS2-deployers'].applies).toBe(false);
    const hospital = decideApplicability(device('MDR', 'IIa'));
    expect(hospital.instruments['NIS2-deployers'].applies).toBe(true);
    expect(hospital.instruments['NIS2-deployers'].reason).toContain(
      'a large one is an essential entity, a medium-sized one an important entity, and a small or micro one is outside NIS2 unless a Member State designates it',
    );
    for (const data of [device('MDR', 'IIa'), device('IVDR', 'C'), device('MDR', 'IIb', {}, { lay_users: true })])
      expect(
        allReasons(data).filter((r) => /healthcare providers are (essential|important) entities/i.test(r)),
      ).toEqual([]);
  });

  it('maps every point of NIS2 Art. 21(2) from (a) to (j) for the deploying organisations', () => {
    const points = secOpNis2.map((c) => /^NIS2-ART21-2([a-j])$/.exec(c.id)?.[1]).filter((p) => p !== undefined);
    expect(points.sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j']);
  });
});

/** The five Art. 50 situation flags, each stated as not applying. */
const NO_ART50_SITUATIONS = Object.fromEntries(
  [
    'interaction_disclosure',
    'synthetic_content_marking',
    'emotion_or_biometric',
    'deepfake_disclosure',
    'text_disclosure',
  ].map((k) => [k, { applies: false }]),
);

describe('AI Act by status', () => {
  const ai = (
    aiAct: Record<string, unknown>,
    reg: 'MDR' | 'IVDR' | 'none' = 'none',
    cls?: string,
    ai2: Record<string, unknown> = {},
  ) => ({
    product: { id: 'a', name: 'A', software_only: true, lay_users: false },
    regulatory: {
      markets: ['EU'],
      medical_device: { regulation: reg, ...(cls ? { class: cls } : {}) },
      ai_act: { ai_system: true, ...aiAct },
    },
    ...ai2,
  });

  it('separates prohibited, Annex I, Annex III, Art. 50 only and not an AI system, each with its date', () => {
    const prohibited = decideApplicability(ai({ risk_class: 'prohibited' }));
    expect(prohibited.aiStatus).toBe('prohibited');
    expect(prohibited.instruments.AIA.reason).toContain('AI Act Art. 5');
    expect(prohibited.instruments.AIA.reason).toContain('2 February 2025 (AI Act Art. 113(a))');
    const annexI = decideApplicability(ai({}, 'IVDR', 'B'));
    expect(annexI.aiStatus).toBe('high-risk-annex-i');
    expect(annexI.instruments.AIA.reason).toContain('under the IVDR involves a notified body');
    expect(annexI.instruments.AIA.reason).toContain('2 August 2028 (AI Act Art. 113, as amended in 2026)');
    const annexIII = decideApplicability(
      ai({ risk_class: 'high', high_risk_basis: 'annex-III', annex_iii_point: '5(a)' }),
    );
    expect(annexIII.aiStatus).toBe('high-risk-annex-iii');
    expect(annexIII.instruments.AIA.reason).toContain('Annex III point 5(a)');
    expect(annexIII.instruments.AIA.reason).toContain('2 December 2027 (AI Act Art. 113, as amended in 2026)');
    const limited = decideApplicability(ai({ risk_class: 'limited' }, 'MDR', 'I'));
    expect(limited.aiStatus).toBe('art50-only');
    expect(limited.instruments.AIA.reason).toContain('2 August 2026 (AI Act Art. 113)');
    const notAi = decideApplicability({
      regulatory: {
        markets: ['EU'],
        medical_device: { regulation: 'MDR', class: 'IIb' },
        ai_act: { ai_system: false, feature_name: 'Smart dosing', rationale: 'fixed rules written by engineers' },
      },
    });
    expect(notAi.aiStatus).toBe('not-ai-system');
    expect(notAi.instruments.AIA.reason).toBe(
      'not applicable: the feature marketed as "Smart dosing" is not an AI system (AI Act Art. 3(1)), and the product contains no other. Rationale: fixed rules written by engineers.',
    );
  });

  it('decides Art. 50 from the declared situations, with the Art. 50(2) transition for synthetic content', () => {
    const chat = templateDecisions(
      decideApplicability(
        ai({ risk_class: 'limited' }, 'none', undefined, {
          ai: { interaction_disclosure: { applies: true }, synthetic_content_marking: { applies: true } },
        }),
      ),
    );
    expect(chat['AIA-art50'].applies).toBe(true);
    expect(chat['AIA-art50'].reason).toContain('interacts directly with natural persons (Art. 50(1))');
    expect(chat['AIA-art50'].reason).toContain('must meet Art. 50(2) by 2 December 2026');
    const flags = NO_ART50_SITUATIONS;
    const none = templateDecisions(decideApplicability(ai({}, 'MDR', 'IIa', { ai: flags })));
    expect(none['AIA-art50'].applies).toBe(false);
    expect(none['AIA-art50'].reason).toContain('none of the situations of AI Act Art. 50(1)-(4)');
    expect(none['AIA-high-risk'].applies).toBe(true);
  });

  it('says the AI Act asks no transparency information of a system that is neither high-risk nor under Art. 50', () => {
    const flags = NO_ART50_SITUATIONS;
    const quiet = decideApplicability(ai({ risk_class: 'limited' }, 'none', undefined, { ai: flags }));
    expect(quiet.instruments.AIA.reason).toContain('none of the situations of Art. 50(1)-(4) applies');
    expect(quiet.instruments.AIA.reason).not.toContain('obligations that fit the system');
    const chat = decideApplicability(
      ai({ risk_class: 'limited' }, 'none', undefined, { ai: { interaction_disclosure: { applies: true } } }),
    );
    expect(chat.instruments.AIA.reason).toContain('only the Art. 50 transparency obligations apply');
    // Still open: the situations are not stated.
    expect(decideApplicability(ai({ risk_class: 'limited' }, 'none')).instruments.AIA.reason).toContain(
      'obligations that fit the system',
    );
  });
});

describe('CRA category and route', () => {
  const product = (cra: Record<string, unknown>) => ({
    product: { id: 'w', name: 'W', software_only: false, lay_users: true },
    regulatory: { markets: ['EU'], medical_device: { regulation: 'none' }, ai_act: { ai_system: false }, cra },
  });

  it.each([
    ['default', /internal control \(module A, CRA Art\. 32\(1\)\(a\)\)/],
    [
      'important-class-I',
      /module A\) is allowed only where .* in full .*\(CRA Art\. 32\(2\)\); otherwise .*modules B and C\) or full quality assurance \(module H\)/,
    ],
    [
      'important-class-II',
      /modules B and C\) or full quality assurance \(module H\), or, where available and applicable, a European cybersecurity certification scheme .*\(CRA Art\. 32\(3\)\)/,
    ],
    ['critical', /European cybersecurity certification scheme required under CRA Art\. 8\(1\).*\(CRA Art\. 32\(4\)\)/],
  ])('%s: the route of CRA Art. 32 follows from the category', (category, route) => {
    const d = templateDecisions(decideApplicability(product({ category, rationale: 'core functionality' })))[
      'CRA-category'
    ];
    expect(d.applies).toBe(true);
    expect(d.reason).toMatch(route);
    expect(d.reason).toContain(CRA_ROUTES[category as keyof typeof CRA_ROUTES]);
    expect(d.reason).toMatch(/Rationale: core functionality\.$/);
  });

  it('asks for the rationale when the category is stated without it', () => {
    expect(
      templateDecisions(decideApplicability(product({ category: 'default', module: 'A' })))['CRA-category'].missing,
    ).toEqual(['regulatory.cra.rationale']);
  });

  it('states the CRA dates of application with their source', () => {
    expect(decideApplicability(product({})).instruments.CRA.reason).toContain(
      'from 11 December 2027 (CRA Art. 71(2)), the reporting obligations of Art. 14 from 11 September 2026 (CRA Art. 71(2))',
    );
  });
});

describe('AI Act Art. 111(2) applied to the product', () => {
  const aiDevice = (placed?: string) =>
    decideApplicability(
      device('MDR', 'IIa', {
        ai_act: { ai_system: true },
        ...(placed === undefined ? {} : { placed_on_market: placed }),
      }),
    ).instruments.AIA;

  it('tells a system placed before the Art. 111(2) date that only a significant design change brings it in', () => {
    const d = aiDevice('2026-03-01');
    expect(d.reason).toContain(
      'the date of placing on the market of this version is 1 March 2026, before 2 August 2026 (AI Act Art. 111(2)); under that article',
    );
    expect(d.reason).toContain('only if its design changes significantly from that date');
    expect(d.reason).toContain(
      'intended to be used by public authorities must comply with the AI Act by 2 August 2030',
    );
    expect(d.missing).toBeUndefined();
  });

  it('tells a system placed later that the transitional rule does not exempt it', () => {
    const d = aiDevice('2027-02-01');
    // A date, not a past event: the file is drawn up before the version is placed on the market.
    expect(d.reason).toContain(
      'the date of placing on the market of this version is 1 February 2027, not before 2 August 2026',
    );
    expect(d.reason).not.toMatch(/was placed on the market/);
    expect(d.reason).toContain('does not exempt it');
    expect(d.reason).not.toContain('only if its design changes');
    expect(d.reason).not.toContain('date set there');
  });

  it('asks for the placing-on-market date when the data lacks it', () => {
    const d = aiDevice();
    expect(d.reason).toContain('the date of placing on the market of this version is not stated');
    expect(d.missing).toEqual(['regulatory.placed_on_market']);
  });

  it('does not print the high-risk transitional rule for a system under Art. 50 only', () => {
    const d = decideApplicability({
      regulatory: {
        markets: ['EU'],
        ai_act: { ai_system: true, risk_class: 'limited' },
        placed_on_market: '2026-03-01',
      },
    }).instruments.AIA;
    expect(d.reason).not.toContain('111(2)');
  });
});

describe('AI Act Art. 50(2) transitional period applied to the product', () => {
  const art50 = (placed: string) =>
    templateDecisions(
      decideApplicability({
        regulatory: {
          markets: ['EU'],
          ai_act: { ai_system: true, risk_class: 'limited' },
          placed_on_market: placed,
        },
        ai: { synthetic_content_marking: { applies: true } },
      }),
    )['AIA-art50'].reason;

  it('gives a version placed before 2 August 2026 the marking deadline', () => {
    expect(art50('2026-05-15')).toContain(
      'the date of placing on the market of this version is 15 May 2026, before that date, so it must meet Art. 50(2) by 2 December 2026',
    );
  });

  it('tells a later version that the transitional period does not concern it', () => {
    const r = art50('2026-09-01');
    expect(r).toContain('the date of placing on the market of this version is 1 September 2026, not before that date');
    expect(r).not.toContain('must meet Art. 50(2) by');
  });
});

describe('market-bound instruments while the markets are not stated', () => {
  const product = (markets: unknown) => ({
    product: { id: 'p', name: 'P' },
    regulatory: {
      ...(markets === undefined ? {} : { markets }),
      medical_device: { regulation: 'none' },
      ai_act: { ai_system: false },
    },
  });

  it('are undecided, naming regulatory.markets, never "not applicable"', () => {
    for (const markets of [undefined, []]) {
      const { instruments } = decideApplicability(product(markets));
      for (const id of ['CRA', 'PLD', 'FDA'] as const) {
        expect(instruments[id].applies, id).toBe(false);
        expect(instruments[id].reason, id).toMatch(/^undecided: .*markets are not yet stated/);
        expect(instruments[id].undecidedFields, id).toEqual(['regulatory.markets']);
      }
    }
  });

  it('are decided once the markets are stated', () => {
    const { instruments } = decideApplicability(product(['US']));
    expect(instruments.CRA.reason).toMatch(/^not applicable: the product is not made available on the EU market/);
    expect(instruments.PLD.reason).toMatch(/^not applicable/);
    expect(instruments.FDA.applies).toBe(true);
  });
});
