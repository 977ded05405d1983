import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/pipeline/catalogue.js';
import { decideApplicability } from '../../src/regulatory/applicability.js';
import type { Data } from '../../src/regulatory/data-path.js';

/** AI Act Art. 11(2), one documentation set, concerns AI in Annex I Section A products only. */
const catalogue = loadCatalogue();
const art11 = (id: string) => catalogue.clauses.find((c) => c.id === id)!;

function decide(medicalDevice: Record<string, unknown> | undefined, aiAct: Record<string, unknown>) {
  const data: Data = {
    product: { id: 'x', name: 'X' },
    regulatory: { markets: ['EU'], ...(medicalDevice ? { medical_device: medicalDevice } : {}), ai_act: aiAct },
  };
  const app = decideApplicability(data);
  return { one: app.clause(art11('AIA-ART11-2')), own: app.clause(art11('AIA-ART11-1')) };
}

describe('AI Act Art. 11(2)', () => {
  it('applies to a high-risk AI medical device', () => {
    const r = decide(
      { regulation: 'MDR', class: 'IIa' },
      { ai_system: true, risk_class: 'high', high_risk_basis: 'annex-I' },
    );
    expect(r.one.applies).toBe(true);
  });

  it('does not apply to a high-risk Annex III system that is no medical device, while Art. 11(1) does', () => {
    const r = decide(undefined, {
      ai_system: true,
      risk_class: 'high',
      high_risk_basis: 'annex-III',
      annex_iii_point: '4(a)',
    });
    expect(r.one.applies).toBe(false);
    expect(r.one.reason).toContain('Annex I Section A');
    expect(r.own.applies).toBe(true);
  });
});
