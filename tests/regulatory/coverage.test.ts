import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/pipeline/catalogue.js';
import { decideApplicability } from '../../src/regulatory/applicability.js';
import { computeCoverage } from '../../src/regulatory/coverage.js';
import { missingPaths } from '../../src/regulatory/data-path.js';

describe('missingPaths', () => {
  const data = {
    network: {
      ports: [
        { id: 'a', port: 443 },
        { id: 'b', port: '' },
      ],
    },
    security: { capabilities: [{ id: 'automatic_logoff', name: 'Auto log-off' }] },
    flag: false,
  };
  it('reports indexed paths of records lacking a field', () => {
    expect(missingPaths(data, 'network.ports[].port')).toEqual(['network.ports[1].port']);
  });
  it('reports a missing list once', () => {
    expect(missingPaths(data, 'network.data_flows[].source')).toEqual(['network.data_flows']);
  });
  it('finds id-keyed records and reports absent ones', () => {
    expect(missingPaths(data, 'security.capabilities[automatic_logoff]')).toEqual([]);
    expect(missingPaths(data, 'security.capabilities[malware_protection]')).toEqual([
      'security.capabilities[malware_protection]',
    ]);
  });
  it('counts false as supplied', () => {
    expect(missingPaths(data, 'flag')).toEqual([]);
  });
});

describe('computeCoverage', () => {
  const catalogue = loadCatalogue();
  const data = {
    regulatory: { markets: ['EU'], medical_device: { regulation: 'none' }, ai_act: { ai_system: false } },
    manufacturer: { name: 'Acme', postal_address: 'Street 1', email: 'a@b.example', website: 'https://b.example' },
  };
  const app = decideApplicability(data);

  it('lists every clause of the document type exactly once', () => {
    const report = computeCoverage({ catalogue, applicability: app, doc: 'decommissioning', data, sections: [] });
    const ids = catalogue.clauses.filter((c) => c.doc.includes('decommissioning')).map((c) => c.id);
    expect(report.entries.map((e) => e.id)).toEqual(ids);
  });

  it('needs both a citing section and the data to count a clause as addressed', () => {
    const clause = catalogue.clauses.find((c) => c.id.startsWith('CRA-AII-1'));
    expect(clause).toBeDefined();
    const id = clause?.id ?? '';
    const none = computeCoverage({ catalogue, applicability: app, doc: 'secure-operation', data, sections: [] });
    expect(none.entries.find((e) => e.id === id)?.status).toBe('tbd');
    const cited = computeCoverage({
      catalogue,
      applicability: app,
      doc: 'secure-operation',
      data,
      sections: [{ id: 'contact', number: '2', title: 'Contact', clauses: [id] }],
    });
    const entry = cited.entries.find((e) => e.id === id);
    expect(entry?.section).toBe('2 Contact');
    expect(entry?.status).toBe(entry?.missing.length === 0 ? 'addressed' : 'tbd');
  });

  it('marks MDR clauses not applicable for a non-device with the reason', () => {
    const report = computeCoverage({ catalogue, applicability: app, doc: 'cyber-techdoc', data, sections: [] });
    const mdr = report.entries.find((e) => e.id === 'MDR-AI-17.2');
    expect(mdr?.status).toBe('not-applicable');
    expect(mdr?.reason).toMatch(/not a medical device/);
    expect(report.summary.addressed + report.summary.tbd + report.summary.notApplicable).toBe(report.entries.length);
  });
});

describe('proseRef', () => {
  it('drops remarks about how a reference was checked, and nothing else', async () => {
    const { proseRef } = await import('../../src/regulatory/catalogue.js');
    expect(proseRef('IEC 62443-4-1 SG-5 (no matching IEC 81001-5-1 Annex E heading seen)')).toBe('IEC 62443-4-1 SG-5');
    expect(proseRef('MDR Annex I 23.4 - item on safe disposal (letter believed to be (v))')).toBe(
      'MDR Annex I 23.4 - item on safe disposal',
    );
    expect(proseRef('CRA Annex I Part I point (2)(b)')).toBe('CRA Annex I Part I point (2)(b)');
    expect(proseRef('AI Act Art. 13(3)(b)(ii); Art. 15(3)')).toBe('AI Act Art. 13(3)(b)(ii); Art. 15(3)');
  });
});
