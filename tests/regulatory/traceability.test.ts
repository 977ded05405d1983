import { describe, expect, it } from 'vitest';
import { decideApplicability } from '../../src/regulatory/applicability.js';
import { loadCatalogue } from '../../src/pipeline/catalogue.js';
import { printedId } from '../../src/regulatory/citation.js';
import { computeCoverage, referencesToConfirm, type CoverageEntry } from '../../src/regulatory/coverage.js';
import {
  becauseText,
  compactIds,
  notApplicableGroups,
  printedReference,
  traceabilityPlacement,
  traceabilityView,
} from '../../src/regulatory/traceability.js';

const catalogue = loadCatalogue();

/** A class IIb MDR device sold in the EU only, used by professionals: the CRA and FDA items fall away. */
const device = {
  product: { lay_users: false, software_only: true },
  regulatory: {
    markets: ['EU'],
    medical_device: { regulation: 'MDR', class: 'IIb', notified_body: '0123' },
    ai_act: { ai_system: false },
  },
  manufacturer: { name: 'Acme', postal_address: 'Street 1', email: 'a@b.example', website: 'https://b.example' },
};
const app = decideApplicability(device);

function entry(id: string, status: CoverageEntry['status'], reason = ''): CoverageEntry {
  return {
    id,
    doc: 'secure-operation',
    ref: id,
    verified: 'legal-text',
    status,
    section: null,
    sectionId: null,
    missing: [],
    reason,
  };
}

describe('becauseText', () => {
  it('keeps the reason and its article, without the instrument name and the "not applicable:" prefix', () => {
    expect(
      becauseText(
        'Cyber Resilience Act not applicable: the product is a medical device under Regulation (EU) 2017/745 (CRA Art. 2(2)(a))',
      ),
    ).toBe('the product is a medical device under Regulation (EU) 2017/745 (CRA Art. 2(2)(a))');
    expect(becauseText('AI Act: not applicable, the AI system is not high-risk (Art. 6); only Art. 50 applies')).toBe(
      'the AI system is not high-risk (Art. 6); only Art. 50 applies',
    );
    expect(
      becauseText('MDCG 2019-16 not applicable (guidance for MDR/IVDR devices): the product is not a medical device'),
    ).toBe('the product is not a medical device');
  });

  it('drops data field paths, which are for the writer, but keeps article numbers in parentheses', () => {
    expect(
      becauseText(
        'condition not met: the AI system does not continue to learn after placing on the market (ai.continuous_learning.enabled)',
      ),
    ).toBe('the AI system does not continue to learn after placing on the market');
    expect(
      becauseText('condition not met: the device has no network connection (network.interfaces, network.ports)'),
    ).toBe('the device has no network connection');
    expect(becauseText('condition not met: no ports (network.ports[].port)')).toBe('no ports');
    expect(becauseText('not applicable: outside the EU (CRA Art. 2(1))')).toBe('outside the EU (CRA Art. 2(1))');
  });
});

describe('compactIds', () => {
  const order = ['A-1', 'A-2', 'A-3', 'A-4', 'B-1', 'B-2', 'C-1', 'A-5'];

  it('writes runs of three or more neighbouring ids of one family as a range', () => {
    expect(compactIds(['A-1', 'A-2', 'A-3', 'A-4'], order)).toBe('A-1 to A-4');
    expect(compactIds(['A-1', 'A-2', 'B-1', 'B-2'], order)).toBe('A-1, A-2, B-1, B-2');
  });

  it('never lets a range hide an id that is not in the list', () => {
    expect(compactIds(['A-1', 'A-2', 'A-4'], order)).toBe('A-1, A-2, A-4');
    expect(compactIds(['A-2', 'A-3', 'A-4', 'A-5'], order)).toBe('A-2 to A-4, A-5');
  });

  it('keeps the document order whatever order the ids come in', () => {
    expect(compactIds(['C-1', 'A-3', 'A-1', 'A-2'], order)).toBe('A-1 to A-3, C-1');
  });
});

describe('notApplicableGroups', () => {
  it('gives one group per distinct reason, counting its clauses, in order of first appearance', () => {
    const cra = 'Cyber Resilience Act not applicable: the product is a medical device (CRA Art. 2(2)(a))';
    const entries = [
      entry('CRA-AII-1', 'not-applicable', cra),
      entry('MDR-AI-17.2', 'addressed'),
      entry('CRA-AII-2', 'not-applicable', cra),
      entry('FDA-VA1', 'not-applicable', "FDA (US) not applicable: the US is not among the product's markets"),
      entry('CRA-AII-3', 'not-applicable', cra),
      entry('CRA-AII-5', 'not-applicable', cra),
    ];
    const groups = notApplicableGroups(entries, catalogue);
    expect(groups.map((g) => [g.source, g.count])).toEqual([
      ['Cyber Resilience Act', 4],
      ['FDA (US)', 1],
    ]);
    // Points 1-3 are neighbours in the catalogue; point 4 is not in the group, so 5 stands alone.
    expect(groups[0]?.clauses).toBe('CRA-AII-1 to CRA-AII-3, CRA-AII-5');
    expect(groups[0]?.reason).toBe('the product is a medical device (CRA Art. 2(2)(a))');
  });

  it('names every instrument a shared reason covers, and the MDS2 form by its own name', () => {
    const reason = 'condition not met: patients and consumers are not users of the product (product.lay_users)';
    const groups = notApplicableGroups(
      [
        entry('MDR-AI-17.2', 'not-applicable', reason),
        entry('MDCG-2.3', 'not-applicable', reason),
        entry('MDS2-DOC', 'not-applicable', 'MDS2 is a disclosure form'),
      ],
      catalogue,
    );
    expect(groups.map((g) => g.source)).toEqual(['MDR / IVDR and MDCG 2019-16', 'MDS2 form (ANSI/NEMA HN 1-2019)']);
  });

  it("names device-regulation items by the product's regulation, and leaves out an item only the other has", () => {
    const entries = [
      entry('MDR-AI-17.3', 'not-applicable', 'condition not met: the software does not run on mobile platforms'),
      entry('MDR-AI-18.8', 'not-applicable', 'the IVDR has no counterpart to MDR Annex I 18.8'),
    ];
    // MDR Annex I 18.8 has no IVDR counterpart: it is no requirement of an IVD, not even one that
    // does not apply, and MDR Annex I 17.3 is listed by its IVDR item.
    const ivdr = notApplicableGroups(entries, catalogue, 'IVDR');
    expect(ivdr.map((g) => [g.source, g.count, g.clauses])).toEqual([['IVDR', 1, 'IVDR-AI-16.3']]);
    // A reason that opens with an item keeps it: only the instrument's own name is dropped.
    expect(becauseText('MDR Annex I 23.4(g) is a requirement of the MDR')).toBe(
      'MDR Annex I 23.4(g) is a requirement of the MDR',
    );
    expect(becauseText('MDR not applicable: the product is not a medical device')).toBe(
      'the product is not a medical device',
    );
    expect(notApplicableGroups(entries, catalogue, 'MDR').map((g) => [g.source, g.clauses])).toEqual([
      ['MDR', 'MDR-AI-17.3'],
      ['MDR', 'MDR-AI-18.8'],
    ]);
  });

  it('puts every CRA clause of a medical device on one line, and accounts for every not-applicable clause', () => {
    const report = computeCoverage({ catalogue, applicability: app, doc: 'cyber-techdoc', data: device, sections: [] });
    const groups = notApplicableGroups(report.entries, catalogue);
    const cra = groups.filter((g) => g.source === 'Cyber Resilience Act');
    expect(cra).toHaveLength(1);
    expect(cra[0]?.count).toBe(report.entries.filter((e) => e.id.startsWith('CRA-')).length);
    expect(cra[0]?.reason).toContain('CRA Art. 2(2)(a)');
    expect(groups.reduce((n, g) => n + g.count, 0)).toBe(report.summary.notApplicable);
    expect(new Set(groups.map((g) => g.reason)).size).toBe(groups.length);
  });
});

describe('traceabilityView', () => {
  const report = computeCoverage({
    catalogue,
    applicability: app,
    doc: 'secure-operation',
    data: device,
    sections: [{ id: 'security-updates', number: '4.2', title: 'Security updates', clauses: ['MDR-AI-17.4'] }],
  });
  const view = traceabilityView({
    report,
    catalogue,
    regulation: 'MDR',
    sections: [{ id: 'security-updates', number: '4.2', title: 'Security updates', clauses: ['MDR-AI-17.4'] }],
    separate: true,
    label: (f) => `label of ${f}`,
  });

  it('keeps one row per applicable clause, none for the clauses that do not apply', () => {
    expect(view.rows.map((r) => r.requirement)).toEqual(
      report.entries.filter((e) => e.status !== 'not-applicable').map((e) => e.id),
    );
    expect(view.applicable).toBe(view.addressed + view.tbd);
  });

  it('gives a row its section and its missing fields with their labels', () => {
    const row = view.rows.find((r) => r.requirement === 'MDR-AI-17.4');
    expect(row?.section_number).toBe('4.2');
    expect(row?.section_id).toBe('security-updates');
    expect(row?.status).toBe('tbd');
    expect(row?.why).toBe('missing-data');
    expect(row?.missing.length).toBeGreaterThan(0);
    for (const m of row?.missing ?? []) expect(m.label).toBe(`label of ${m.field}`);
    const unsited = view.rows.find((r) => r.section_id === undefined && r.missing.length === 0);
    if (unsited) expect(unsited.why).toBe('no-section');
  });

  it('prints the clean reference under the product regulation, never a research remark', () => {
    for (const r of view.rows) expect(r.reference).not.toMatch(/believed|verified|title only|~|IVDR/);
    const z = catalogue.byId.get('MDR-AI-23.4z');
    expect(z && printedReference(z, 'MDR')).toBe('MDR Annex I 23.4, item on serious-incident reporting notice');
  });

  it('cites guidance for an IVDR device without naming MDR items, and keeps them for an MDR device', () => {
    const onMdr = catalogue.clauses.filter((c) => c.instrument !== 'MDR' && /\bon MDR\b/.test(c.ref));
    expect(onMdr.length).toBeGreaterThan(0);
    for (const c of onMdr) {
      const ivdr = printedReference(c, 'IVDR');
      expect(ivdr, c.id).not.toMatch(/\bMDR\b|2017\/745/);
      expect(ivdr, c.id).toMatch(/^MDCG 2019-16 section \d/);
      expect(printedReference(c, 'MDR'), c.id).toMatch(/ on MDR Annex I 23\.4/);
    }
    // An item of the regulation is cited as the Annex I item it is, never as "MDR 17.4" (an article).
    for (const c of catalogue.clauses) expect(printedReference(c, 'MDR'), c.id).not.toMatch(/\bMDR \d/);
    expect(printedReference(catalogue.byId.get('MDCG-3.7')!, 'MDR')).toBe('MDCG 2019-16 section 3.7; MDR Annex I 17.2');
    // Every item that applies under the IVDR is cited without the MDR.
    const app = decideApplicability({
      regulatory: { markets: ['EU'], medical_device: { regulation: 'IVDR', class: 'C' } },
    });
    for (const c of catalogue.clauses.filter((x) => app.clause(x).applies))
      expect(printedReference(c, 'IVDR'), c.id).not.toMatch(/\bMDR\b|2017\/745/);
  });
});

describe('the traceability record of an IVDR device', () => {
  const ivd = {
    ...device,
    regulatory: { ...device.regulatory, medical_device: { regulation: 'IVDR', class: 'C', notified_body: '0123' } },
  };
  const ivdApp = decideApplicability(ivd);

  it.each(['cyber-techdoc', 'secure-operation', 'decommissioning'] as const)(
    '%s: names no MDR item, by id, reference or reason, and counts only what it lists',
    (doc) => {
      const report = computeCoverage({ catalogue, applicability: ivdApp, doc, data: ivd, sections: [] });
      const view = traceabilityView({
        report,
        catalogue,
        regulation: 'IVDR',
        sections: [],
        separate: doc !== 'cyber-techdoc',
        label: (f) => f,
      });
      const printed = [
        ...view.rows.flatMap((r) => [r.requirement, r.reference]),
        ...view.not_applicable_groups.flatMap((g) => [g.source, g.reason, g.clauses]),
      ];
      expect(printed.filter((t) => /\bMDR\b|2017\/745/.test(t))).toEqual([]);
      // The device-regulation items are all there, under their IVDR ids.
      const deviceItems = report.entries.filter(
        (e) => catalogue.byId.get(e.id)?.instrument === 'MDR' && e.status !== 'not-applicable',
      );
      // (The decommissioning guide's one device item, safe disposal, is catalogued for the MDR only.)
      if (doc !== 'decommissioning') expect(deviceItems.length).toBeGreaterThan(0);
      expect(view.rows.filter((r) => r.requirement.startsWith('IVDR-AI-'))).toHaveLength(deviceItems.length);
      expect(view.not_applicable).toBe(view.not_applicable_groups.reduce((n, g) => n + g.count, 0));
    },
  );

  it('writes the IVDR item ids the way the catalogue writes item ids', () => {
    const id = (c: string, reg: 'MDR' | 'IVDR' | undefined): string | undefined =>
      printedId(catalogue.byId.get(c)!, reg);
    expect(id('MDR-AI-14.2d', 'IVDR')).toBe('IVDR-AI-13.2d');
    expect(id('MDR-AI-23.4ab', 'IVDR')).toBe('IVDR-AI-20.4.1ah');
    expect(id('MDR-AI-17.2', 'IVDR')).toBe('IVDR-AI-16.2');
    expect(id('MDR-AI-18.8', 'IVDR')).toBeUndefined();
    expect(id('MDR-AI-23.4ab', 'MDR')).toBe('MDR-AI-23.4ab');
    expect(id('MDR-AI-17.2', undefined)).toBe('MDR-AI-17.2');
    expect(id('MDCG-4.2-g', 'IVDR')).toBe('MDCG-4.2-g');
  });
});

describe('traceabilityPlacement', () => {
  it('keeps the appendix for the techdoc reviewer and moves it out of the documents for users', () => {
    expect(traceabilityPlacement('cyber-techdoc')).toBe('appendix');
    for (const doc of ['secure-operation', 'decommissioning', 'ai-transparency'] as const)
      expect(traceabilityPlacement(doc)).toBe('separate');
  });
});

describe('referencesToConfirm', () => {
  it('lists each unverified clause a document cites once, with the documents and the catalogue detail', () => {
    const unverified = catalogue.clauses.filter((c) => c.verified === 'unverified');
    expect(unverified.length).toBeGreaterThan(0);
    const first = unverified[0]!;
    const cited: CoverageEntry = { ...entry(first.id, 'addressed'), verified: 'unverified', ref: first.ref };
    const refs = referencesToConfirm(
      [
        {
          entries: [cited, entry('CRA-AII-1', 'addressed')],
          summary: { doc: 'secure-operation', addressed: 2, tbd: 0, notApplicable: 0, percent: 100 },
        },
        {
          entries: [{ ...cited, doc: 'decommissioning' }],
          summary: { doc: 'decommissioning', addressed: 1, tbd: 0, notApplicable: 0, percent: 100 },
        },
        {
          entries: [{ ...cited, id: unverified[1]?.id ?? first.id, status: 'not-applicable', doc: 'cyber-techdoc' }],
          summary: { doc: 'cyber-techdoc', addressed: 0, tbd: 0, notApplicable: 1, percent: 100 },
        },
      ],
      catalogue,
      (c) => `printed ${c.id}`,
    );
    expect(refs.map((r) => [r.id, r.docs])).toEqual([[first.id, ['secure-operation', 'decommissioning']]]);
    expect(refs[0]?.catalogueRef).toBe(first.ref);
    expect(refs[0]?.printed).toBe(`printed ${first.id}`);
  });
});
