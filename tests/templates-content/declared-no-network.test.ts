import { describe, expect, it } from 'vitest';
import type { Block, Document } from '../../src/model/nodes.js';
import { inlineText, walkBlocks } from '../../src/model/text.js';
import { loadCatalogue } from '../../src/pipeline/catalogue.js';
import { decideApplicability } from '../../src/regulatory/applicability.js';
import { buildDraft } from './example-documents.js';

/**
 * A device whose data declares that it has no network interface: the network-dependent sections
 * say so once, with the writer's reason, and ask for no fact that cannot exist (network diagrams,
 * firewall rules, remote service, network requirements). A device that states nothing about its
 * network still gets the TBDs that ask for it.
 */

const REASON = 'the device has no network or wireless interface';

function device(network: Record<string, unknown> | undefined): Record<string, unknown> {
  return {
    product: { id: 'offline-thermo', name: 'Offline Thermometer', software_only: false },
    regulatory: {
      markets: ['EU'],
      medical_device: { regulation: 'MDR', class: 'I' },
      legal_basis: ['MDR'],
      ai_act: { ai_system: false },
    },
    manufacturer: { name: 'Thermo AB', country: 'SE' },
    ...(network ? { network } : {}),
    documents: { defaults: { date: '2026-11-02' } },
  };
}

const NONE = { interfaces: { none: `${REASON}.` }, ports: { none: 'no network' }, data_flows: { none: 'no network' } };

const build = buildDraft;

/** The text before the traceability chapter (whose rows list the clause fields on their own terms). */
function bodyText(doc: Document): string {
  const i = doc.children.findIndex(
    (b) => b.type === 'heading' && inlineText(b.children) === 'Traceability to regulatory requirements',
  );
  const blocks: readonly Block[] = i < 0 ? doc.children : doc.children.slice(0, i);
  const out: string[] = [];
  for (const b of walkBlocks(blocks)) {
    if (b.type === 'paragraph' || b.type === 'heading') out.push(inlineText(b.children));
    if (b.type === 'table') for (const row of b.rows) for (const cell of row.cells) out.push(inlineText(cell.children));
  }
  return out.join('\n');
}

const NETWORK_TBD =
  /\[TBD: [^\]]*\((network\.[a-z_]+|remote_service\.[a-z_]+|it_requirements\.network_requirements|security\.controls\.encryption_in_transit|it_requirements\.cloud_hosting[a-z_.]*|secure_use\.network_deployment_guidance)\)\]/;

describe('a device declared to have no network', () => {
  it.each(['secure-operation', 'cyber-techdoc', 'decommissioning'] as const)(
    '%s asks for no network fact and gives the reason at most once',
    (docType) => {
      const text = bodyText(build(device(NONE), docType));
      expect(text).not.toMatch(NETWORK_TBD);
      expect(text.split(REASON).length - 1).toBeLessThanOrEqual(1);
    },
  );

  it('secure-operation says there is no network connection, with the writer’s reason, once', () => {
    const text = bodyText(build(device(NONE), 'secure-operation'));
    expect(text).toContain(`has no network connection`);
    expect(text.split(REASON).length - 1).toBe(1);
    expect(text).not.toMatch(/\.\./);
    for (const gone of ['Firewall and segmentation rules', 'Remote service access', 'Network diagram'])
      expect(text).not.toContain(gone);
  });

  it.each(['secure-operation', 'decommissioning'] as const)('the lay guide of %s speaks of no pairing', (docType) => {
    const data = device(NONE);
    (data['product'] as Record<string, unknown>)['lay_users'] = true;
    const text = bodyText(build(data, docType));
    expect(text).not.toMatch(NETWORK_TBD);
    expect(text).not.toMatch(/pairing/i);
  });

  it('secure-operation speaks of no connecting, and its decommissioning guide of no phone, for such a device', () => {
    const so = bodyText(build(device(NONE), 'secure-operation'));
    expect(so).not.toMatch(/is connected\b/);
    expect(so).toContain('before Offline Thermometer is put into use');
    expect(so).toContain('None: Offline Thermometer has no network connection');
    const data = device(NONE);
    (data['product'] as Record<string, unknown>)['lay_users'] = true;
    expect(bodyText(build(data, 'decommissioning'))).not.toMatch(/your phone/);
  });

  it('a network declared not applicable as a whole counts as none', () => {
    const text = bodyText(build(device({ not_applicable: REASON }), 'secure-operation'));
    expect(text).not.toMatch(NETWORK_TBD);
    expect(text).toContain(REASON);
  });

  it('a device that states nothing about its network is still asked for it', () => {
    const text = bodyText(build(device(undefined), 'secure-operation'));
    expect(text).toMatch(/\[TBD: [^\]]*\(network\.interfaces\)\]/);
    expect(text).toContain('Firewall and segmentation rules');
  });

  it('a device with interfaces keeps the network chapter', () => {
    const data = device({
      interfaces: [{ name: 'Ethernet', type: 'wired', purpose: 'HL7 export' }],
      ports: { none: 'no listening port' },
    });
    const text = bodyText(build(data, 'secure-operation'));
    expect(text).toContain('Firewall and segmentation rules');
    expect(text).not.toContain('has no network connection');
  });
});

describe('the clauses a network presupposes', () => {
  const cloud = () => {
    const c = loadCatalogue().byId.get('MDCG-4.2-sep11');
    expect(c?.condition).toBe('external hosting / cloud component');
    return c!;
  };

  it('a declared absence of any network settles the cloud-component clause as not applicable', () => {
    const d = decideApplicability(device(NONE)).clause(cloud(), 'secure-operation');
    expect(d.applies).toBe(false);
    expect(d.undecidedFields ?? []).toEqual([]);
  });

  it('without that declaration the cloud-component clause stays open on its own field', () => {
    const d = decideApplicability(device({ interfaces: [{ name: 'Ethernet' }] })).clause(cloud(), 'secure-operation');
    expect(d.undecidedFields).toContain('it_requirements.cloud_hosting');
  });
});
