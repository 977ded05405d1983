import { describe, expect, it } from 'vitest';
import { decideApplicability } from '../../src/regulatory/applicability.js';
import { APPLICATION_DATES, citedDate, DATE_KEYS, DATES_CHECKED } from '../../src/regulatory/dates.js';
import { regulationTitle, TEMPLATE_DECISION_IDS, templateDecisions } from '../../src/regulatory/template-decisions.js';
import { INLINE_HELPERS } from '../../src/templates/names.js';
import { DECISION_IDS as TEMPLATE_IDS } from '../../src/pipeline/template-set.js';

const ivd = {
  product: { id: 'analyser', name: 'Analyser', software_only: false, lay_users: false },
  regulatory: {
    markets: ['EU'],
    medical_device: { regulation: 'IVDR', class: 'C', notified_body: { name: 'NB', number: '0123' } },
    ai_act: { ai_system: false },
  },
};
const wearable = {
  product: { id: 'band', name: 'Band', software_only: false, lay_users: true },
  regulatory: {
    markets: ['EU'],
    medical_device: { regulation: 'none' },
    ai_act: { ai_system: false },
    cra: {
      category: 'important-class-I',
      annex_iii_point: '19',
      rationale: 'its core function is a smart-home assistant',
    },
  },
};

describe('the template contract', () => {
  it('offers exactly the documented ids, and each one is decided', () => {
    for (const id of [
      'MD',
      'MDR',
      'IVDR',
      'NIS2-manufacturer',
      'NIS2-deployers',
      'AIA-high-risk',
      'AIA-art50',
      'CRA-category',
    ])
      expect(TEMPLATE_DECISION_IDS).toContain(id);
    // Plus `IT-annex` and `authorised-rep`, decided by the pipeline from the data (src/pipeline/annex.ts, authorised-rep.ts).
    expect([...TEMPLATE_IDS]).toEqual([...TEMPLATE_DECISION_IDS, 'IT-annex', 'authorised-rep', 'network']);
    const decisions = templateDecisions(decideApplicability(ivd));
    expect(Object.keys(decisions).sort()).toEqual([...TEMPLATE_DECISION_IDS].sort());
    expect(INLINE_HELPERS).toContain('application_date');
    expect(INLINE_HELPERS).toContain('regulation');
  });

  it('decides MD, MDR and IVDR apart for an IVD, and never names the MDR as its legal basis', () => {
    const d = templateDecisions(decideApplicability(ivd));
    expect(d.MD.applies).toBe(true);
    expect(d.IVDR.applies).toBe(true);
    expect(d.MDR.applies).toBe(false);
    expect(d.MD.reason).toMatch(
      /^IVDR: applies: class C in vitro diagnostic medical device under Regulation \(EU\) 2017\/746/,
    );
    expect(d.MD.reason).toContain('IVDR Annex I sections 16 and 20');
    expect(d.MD.reason).not.toMatch(/MDR Annex|2017\/745/);
    expect(d.MDR.reason).toBe('MDR: not applicable: the product is a device under the IVDR, not the MDR');
    expect(d.MDCG.reason).toContain('IVDR Annex I sections 16 and 20');
    expect(d.IEC81001.reason).toContain('IVDR Annex I 16.2');
  });

  it('states the CRA category, its Art. 32 route and the rationale when the CRA applies', () => {
    const d = templateDecisions(decideApplicability(wearable));
    expect(d['CRA-category'].applies).toBe(true);
    expect(d['CRA-category'].reason).toContain(
      'important product with digital elements, class I (CRA Art. 7(1), Annex III point 19)',
    );
    expect(d['CRA-category'].reason).toContain('CRA Art. 32(2)');
    expect(d['CRA-category'].reason).toContain('Rationale: its core function is a smart-home assistant');
    // Neither the standards applied nor the procedure is stated: both are asked for, no route is assumed.
    expect(d['CRA-category'].missing).toEqual(['regulatory.cra.module', 'regulatory.cra.harmonised_standards_in_full']);
    expect(templateDecisions(decideApplicability(ivd))['CRA-category'].applies).toBe(false);
  });

  it('shows a missing CRA category as a missing field, not as a silent default', () => {
    const d = templateDecisions(decideApplicability({ ...wearable, regulatory: { ...wearable.regulatory, cra: {} } }));
    expect(d['CRA-category'].applies).toBe(true);
    expect(d['CRA-category'].missing).toEqual(['regulatory.cra.category']);
  });

  it('states the Art. 111(2) transitional rule with the high-risk decision', () => {
    const ai = {
      ...ivd,
      regulatory: { ...ivd.regulatory, ai_act: { ai_system: true, risk_class: 'high', high_risk_basis: 'annex-I' } },
    };
    expect(templateDecisions(decideApplicability(ai)).AIA.reason).toContain('AI Act Art. 111(2)');
  });

  it('names the product regulation in long and short form, and nothing for a non-device', () => {
    expect(regulationTitle(decideApplicability(ivd))).toBe(
      'Regulation (EU) 2017/746 on in vitro diagnostic medical devices (IVDR)',
    );
    expect(regulationTitle(decideApplicability(ivd), 'short')).toBe('IVDR');
    expect(regulationTitle(decideApplicability(wearable))).toBe('');
  });
});

describe('dates of application', () => {
  it('prints the AI Act dates after the 2026 amendment, each with its source', () => {
    expect(citedDate('aia-annex-i')).toBe('2 August 2028 (AI Act Art. 113, as amended in 2026)');
    expect(citedDate('aia-annex-iii')).toBe('2 December 2027 (AI Act Art. 113, as amended in 2026)');
    expect(citedDate('aia-art50')).toBe('2 August 2026 (AI Act Art. 113)');
    expect(citedDate('aia-art50-2-transition')).toMatch(/^2 December 2026 \(/);
    expect(citedDate('cra')).toBe('11 December 2027 (CRA Art. 71(2))');
    expect(citedDate('cra-reporting')).toBe('11 September 2026 (CRA Art. 71(2))');
    expect(citedDate('pld')).toBe('9 December 2026 (PLD Art. 2(1))');
  });

  it('records when it was checked and how well each date is known', () => {
    expect(DATES_CHECKED).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const key of DATE_KEYS) {
      const d = APPLICATION_DATES[key];
      expect(d.source).not.toBe('');
      // An amendment known only from secondary sources is never cited by an unconfirmed OJ number.
      if (d.verified === 'secondary') expect(d.source).not.toMatch(/2026\/\d+/);
    }
    expect(Object.values(APPLICATION_DATES).map((d): string => d.date)).not.toContain('2027-08-02');
  });
});

describe('the CRA conformity-assessment route from the data (CRA Art. 32)', () => {
  const cra = (extra: Record<string, unknown>) =>
    templateDecisions(
      decideApplicability({
        ...wearable,
        regulatory: { ...wearable.regulatory, cra: { ...wearable.regulatory.cra, ...extra } },
      }),
    )['CRA-category'];

  it('excludes module A for an important class I product without harmonised standards applied in full, and names the notified body', () => {
    const d = cra({
      harmonised_standards_in_full: false,
      module: 'B+C',
      notified_body: { name: 'NB One', number: '1234' },
      certificate_ref: 'CERT-9',
    });
    expect(d.reason).toContain('internal control (module A) is excluded');
    expect(d.reason).toContain('procedure applied: EU-type examination (module B)');
    expect(d.reason).toContain('notified body: NB One, identification number 1234; certificate CERT-9');
    expect(d.reason).not.toMatch(/module A\) is allowed/);
    expect(d.missing).toEqual([]);
  });

  it('never offers module A as the route of a class I product without harmonised standards, and asks for the procedure', () => {
    const d = cra({ harmonised_standards_in_full: false });
    expect(d.reason).not.toMatch(/procedure applied: internal control/);
    expect(d.reason).toContain('modules B and C or module H (CRA Art. 32(2))');
    expect(d.missing).toEqual(['regulatory.cra.module']);
  });

  it('allows module A when harmonised standards were applied in full', () => {
    const d = cra({ harmonised_standards_in_full: true, module: 'A' });
    expect(d.reason).toContain('internal control (module A) is allowed (CRA Art. 32(2))');
    expect(d.reason).toContain('procedure applied: internal control (module A');
    expect(d.missing).toEqual([]);
  });

  it('says module A is not allowed when the data chooses it without standards applied in full', () => {
    const d = cra({ harmonised_standards_in_full: false, module: 'A' });
    expect(d.reason).toContain('is not allowed for this category');
  });

  it('asks for the notified body and certificate when a notified-body module is chosen without them', () => {
    expect(cra({ harmonised_standards_in_full: false, module: 'H' }).missing).toEqual([
      'regulatory.cra.notified_body.name',
      'regulatory.cra.notified_body.number',
      'regulatory.cra.certificate_ref',
    ]);
  });
});

describe('open vulnerabilities at release', () => {
  it('applies when a known vulnerability still affects the product, and not when all are fixed', () => {
    const withVulns = (status: string) =>
      templateDecisions(
        decideApplicability({
          ...wearable,
          techdoc: {
            known_vulnerabilities: [
              { id: 'V-1', status },
              { id: 'V-2', status: 'fixed' },
            ],
          },
        }),
      )['open-vulnerabilities'];
    expect(withVulns('affected')).toMatchObject({ applies: true });
    expect(withVulns('affected').reason).toContain('V-1');
    expect(withVulns('affected').reason).not.toContain('V-2');
    expect(withVulns('under-investigation').applies).toBe(true);
    expect(withVulns('fixed').applies).toBe(false);
  });
});

describe('known vulnerabilities recorded', () => {
  it('applies once the list is recorded, as entries or declared none, and not while it is missing', () => {
    const stated = (techdoc: Record<string, unknown>) =>
      templateDecisions(decideApplicability({ ...wearable, techdoc }))['known-vulnerabilities-stated'].applies;
    expect(stated({})).toBe(false);
    expect(stated({ known_vulnerabilities: { none: 'the release scan found none' } })).toBe(true);
    expect(stated({ known_vulnerabilities: [{ id: 'V-1', status: 'fixed' }] })).toBe(true);
  });
});
