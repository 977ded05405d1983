import { describe, expect, it } from 'vitest';
import { decideApplicability } from '../../src/regulatory/applicability.js';
import { loadCatalogue } from '../../src/pipeline/catalogue.js';
import { computeCoverage } from '../../src/regulatory/coverage.js';
import { answerField, isSupplied, missingPaths } from '../../src/regulatory/data-path.js';
import { answerClause, missingForDocument } from '../../src/regulatory/field-requirements.js';

describe('answerField: none and not applicable count as answered, not as content', () => {
  it('takes a list declared none as the answer for the list and every field of its records', () => {
    const data = { integration: { apis: { none: 'the pump exposes no API' } } };
    for (const field of ['integration.apis[]', 'integration.apis[].name']) {
      expect(answerField(data, field)).toEqual({
        missing: [],
        declared: [{ kind: 'none', reason: 'the pump exposes no API', at: 'integration.apis' }],
      });
    }
    expect(isSupplied(data.integration.apis)).toBe(false);
  });

  it('takes a group declared not applicable as the answer for the fields it leaves out', () => {
    const data = { security: { failsafe_mode: { not_applicable: 'the pump has no fail-safe mode' } } };
    expect(answerField(data, 'security.failsafe_mode.enter_exit').declared).toEqual([
      { kind: 'not-applicable', reason: 'the pump has no fail-safe mode', at: 'security.failsafe_mode' },
    ]);
    expect(missingPaths(data, 'security.failsafe_mode.enter_exit')).toEqual([]);
    // A declaration has no content: facts such as "has a fail-safe mode" stay false.
    expect(isSupplied(data.security.failsafe_mode)).toBe(false);
    expect(isSupplied({ not_applicable: 'x', enter_exit: 'Press the button.' })).toBe(true);
  });

  it('does not take a blank reason, or a `none` beside other keys, as a declaration', () => {
    expect(missingPaths({ a: { none: '  ' } }, 'a[]')).toEqual(['a']);
    expect(missingPaths({ g: { not_applicable: '' } }, 'g.x')).toEqual(['g.x']);
    expect(missingPaths({ a: [{ id: 'x', none: 'y' }] }, 'a[].name')).toEqual(['a[0].name']);
  });

  it('takes prose given instead of records as the answer for the list', () => {
    expect(
      missingPaths({ network: { firewall_rules: 'Block all inbound traffic.' } }, 'network.firewall_rules[].action'),
    ).toEqual([]);
    expect(missingPaths({ network: { firewall_rules: ' ' } }, 'network.firewall_rules[]')).toEqual([
      'network.firewall_rules',
    ]);
  });
});

describe('answerClause: requirements that hold only under a condition', () => {
  const rep = ['manufacturer.name', 'authorised_rep.name', 'authorised_rep.address'];

  it('asks for an authorised representative only from a manufacturer established outside the EU', () => {
    const eu = answerClause({ manufacturer: { name: 'A', country: 'DK' } }, rep);
    expect(eu.missing).toEqual([]);
    expect(eu.notApplicable.join()).toMatch(/established in an EU Member State \(DK\).*MDR Art\. 11\(1\)/);
    expect(answerClause({ manufacturer: { name: 'A', country: 'CH' } }, rep).missing).toEqual([
      'authorised_rep.name',
      'authorised_rep.address',
    ]);
    // Undecided: the country is what is missing, once.
    expect(answerClause({ manufacturer: { name: 'A' } }, rep).missing).toEqual(['manufacturer.country']);
    // Given anyway: answered, whatever the country.
    expect(
      answerClause({ manufacturer: { name: 'A' }, authorised_rep: { name: 'R', address: 'S' } }, rep).missing,
    ).toEqual([]);
  });

  it('asks no authorised representative under the MDR or IVDR of a manufacturer in an EEA state, unless an AI system is in it', () => {
    const device = (regulation: string, ai: boolean) => ({
      manufacturer: { name: 'A', country: 'NO' },
      regulatory: { medical_device: { regulation }, ai_act: { ai_system: ai } },
    });
    const ivd = answerClause(device('IVDR', false), rep);
    expect(ivd.missing).toEqual([]);
    expect(ivd.notApplicable.join()).toMatch(
      /EEA state \(NO\).*IVDR applies through the EEA Agreement.*IVDR Art\. 11\(1\)/,
    );
    expect(ivd.notApplicable.join()).not.toContain('MDR');
    // The AI Act's Art. 22 is not extended: an AI system keeps the requirement.
    expect(answerClause(device('MDR', true), rep).missing).toEqual(['authorised_rep.name', 'authorised_rep.address']);
    // Not a device: the EEA rule of the MDR/IVDR does not help.
    expect(answerClause(device('none', false), rep).missing).toEqual(['authorised_rep.name', 'authorised_rep.address']);
  });

  it('asks for remote-service details only when there is remote service', () => {
    const fields = ['remote_service.enabled', 'remote_service.initiation', 'remote_service.data_access'];
    const off = answerClause({ remote_service: { enabled: false } }, fields);
    expect(off).toEqual({ missing: [], notApplicable: ['the product offers no remote service'], content: false });
    expect(answerClause({ remote_service: { enabled: true } }, fields).missing).toEqual([
      'remote_service.initiation',
      'remote_service.data_access',
    ]);
    expect(answerClause({}, fields).missing).toEqual(['remote_service.enabled']);
  });
});

describe('coverage of declared data', () => {
  const catalogue = loadCatalogue();
  const base = {
    product: { lay_users: false, software_only: false },
    regulatory: {
      markets: ['EU', 'US'],
      medical_device: { regulation: 'MDR', class: 'IIb' },
      ai_act: { ai_system: false },
    },
    // A connected device: the network clauses' condition holds, so their own fields decide them.
    network: { interfaces: [{ type: 'ethernet' }] },
  };
  const entry = (data: Record<string, unknown>, doc: 'secure-operation' | 'cyber-techdoc', id: string) => {
    const app = decideApplicability(data);
    const sections = [{ id: 's', title: 'S', clauses: catalogue.clauses.map((c) => c.id) }];
    return computeCoverage({ catalogue, applicability: app, doc, data, sections }).entries.find((e) => e.id === id);
  };

  it('marks a clause not applicable, with the reason, when all it needs is declared or not required', () => {
    const off = entry({ ...base, remote_service: { enabled: false } }, 'secure-operation', 'MDS2-RMOT');
    expect(off).toMatchObject({
      status: 'not-applicable',
      missing: [],
      reason: 'the product offers no remote service',
    });
    const na = entry(
      { ...base, remote_service: { not_applicable: 'the pump has no network connection' } },
      'secure-operation',
      'MDS2-RMOT',
    );
    expect(na).toMatchObject({ status: 'not-applicable', reason: 'the pump has no network connection' });
    expect(entry({ ...base, remote_service: { enabled: true } }, 'secure-operation', 'MDS2-RMOT')?.status).toBe('tbd');
  });

  it('decides the network items of the MDS2 form by their condition, as any other clause', () => {
    const offline = { ...base, network: { interfaces: { none: 'no interface at all' } } };
    for (const id of ['MDS2-RMOT', 'MDS2-TXCF', 'MDS2-TXIG', 'MDCG-4.3-6'])
      expect(entry(offline, 'secure-operation', id), id).toMatchObject({
        status: 'not-applicable',
        reason: expect.stringContaining('no network connection') as unknown,
      });
  });

  it('keeps a clause addressed when part of it is declared none and the rest is supplied, and names the part', () => {
    const data = {
      ...base,
      hardening: { guidelines: [{ id: 'g', title: 'Close ports' }] },
      integration: { interfaces: ['DICOM'], apis: { none: 'no API is offered' } },
    };
    const e = entry(data, 'secure-operation', 'IEC81001-E.2.4-ab');
    expect(e?.status).toBe('addressed');
    expect(e?.reason).toContain('not applicable in part: no API is offered');
  });

  it('lists the values a document still needs, without declared or conditional ones', () => {
    const data = { ...base, remote_service: { enabled: false }, integration: { apis: { none: 'no API' } } };
    const needed = missingForDocument(catalogue, decideApplicability(data), 'secure-operation', data);
    expect(needed.has('remote_service.initiation')).toBe(false);
    expect(needed.has('integration.apis')).toBe(false);
    expect(needed.has('product.name')).toBe(true);
  });
});
