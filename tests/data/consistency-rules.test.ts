import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { aiAnnexINotifiedBody } from '../../src/data/rules/ai-annex-i-notified-body.js';
import { legalBasisConsistent } from '../../src/data/rules/legal-basis-consistent.js';
import { craModuleRoute } from '../../src/data/rules/cra-module-route.js';
import { RULES } from '../../src/data/rules/index.js';
import { marketReleaseDate } from '../../src/data/rules/market-release-date.js';
import { mds2Capabilities, MDS2_CODES } from '../../src/data/rules/mds2-capabilities.js';
import { nis2SizeEntity } from '../../src/data/rules/nis2-size-entity.js';
import { openVulnerabilityClaims } from '../../src/data/rules/open-vulnerability-claims.js';
import type { Rule, RuleContext } from '../../src/data/rules/rule.js';

/** A context that records where each diagnostic points (the locating itself is tested elsewhere). */
const ctx = {
  resolved: undefined,
  at: (path: readonly (string | number)[], d: { code: string; message: string; severity?: string }) =>
    ({
      code: d.code,
      message: d.message,
      severity: d.severity ?? 'error',
      fieldPath: path.join('.'),
    }) as unknown as Diagnostic,
} as unknown as RuleContext;

const run = (rule: Rule, data: Record<string, unknown>) =>
  rule(data, ctx).map((d) => [d.severity, d.code, d.fieldPath]);

describe('consistency rules', () => {
  it('are all registered', () => {
    for (const r of [
      aiAnnexINotifiedBody,
      nis2SizeEntity,
      craModuleRoute,
      marketReleaseDate,
      openVulnerabilityClaims,
      mds2Capabilities,
    ])
      expect(RULES).toContain(r);
  });

  it('warns when a small or micro manufacturer is an NIS2 entity without a designation', () => {
    const data = (nis2: Record<string, unknown>, org: Record<string, unknown> = {}) => ({
      regulatory: { nis2 },
      organisation: org,
    });
    expect(run(nis2SizeEntity, data({ entity_type: 'important', size: 'small' }))).toEqual([
      ['warning', 'data/nis2-size-entity', 'regulatory.nis2.entity_type'],
    ]);
    expect(run(nis2SizeEntity, data({ entity_type: 'essential' }, { size_category: 'micro' }))).toHaveLength(1);
    expect(
      run(nis2SizeEntity, data({ entity_type: 'important', size: 'small', designation: 'designated by DK' })),
    ).toEqual([]);
    expect(run(nis2SizeEntity, data({ entity_type: 'important', size: 'medium' }))).toEqual([]);
    expect(run(nis2SizeEntity, data({ entity_type: 'none', size: 'small' }))).toEqual([]);
  });

  it('warns when module A is chosen where CRA Art. 32 excludes it', () => {
    const cra = (c: Record<string, unknown>) => ({ regulatory: { cra: c } });
    expect(run(craModuleRoute, cra({ category: 'important-class-I', module: 'A' }))).toEqual([
      ['warning', 'data/cra-module-not-allowed', 'regulatory.cra.module'],
    ]);
    expect(
      run(craModuleRoute, cra({ category: 'important-class-I', module: 'A', harmonised_standards_in_full: true })),
    ).toEqual([]);
    expect(
      run(craModuleRoute, cra({ category: 'important-class-II', module: 'A', harmonised_standards_in_full: true })),
    ).toHaveLength(1);
    expect(run(craModuleRoute, cra({ category: 'important-class-I', module: 'B+C' }))).toEqual([]);
    expect(run(craModuleRoute, cra({ category: 'default', module: 'A' }))).toEqual([]);
  });

  it('warns when the market release is dated before 9 December 2026 but the product is placed on the market after it', () => {
    const data = (date: string, description: string, market = '2027-02-01') => ({
      regulatory: { placed_on_market: market },
      updates: { history: [{ version: '3.1.0', date, type: 'combined', description }] },
    });
    expect(run(marketReleaseDate, data('2026-12-07', 'First market release'))).toEqual([
      ['warning', 'data/market-release-before-placing', 'updates.history.0.date'],
    ]);
    expect(
      run(marketReleaseDate, data('2026-05-04', 'Clinical investigation release (not placed on the market)')),
    ).toEqual([]);
    expect(run(marketReleaseDate, data('2027-01-15', 'First market release'))).toEqual([]);
    expect(run(marketReleaseDate, data('2026-11-01', 'First market release', '2026-11-15'))).toEqual([]);
    const ai = {
      regulatory: { placed_on_market: '2027-02-01' },
      ai: { version_history: [{ version: '3.1', date: '2026-12-07', changes: 'first market release' }] },
    };
    expect(run(marketReleaseDate, ai)).toEqual([
      ['warning', 'data/market-release-before-placing', 'ai.version_history.0.date'],
    ]);
    // 9 December 2026 itself is before the PLD ("after 9 December 2026"): no disagreement.
    expect(run(marketReleaseDate, data('2026-12-09', 'First market release', '2026-12-09'))).toEqual([]);
    expect(run(marketReleaseDate, data('2026-12-09', 'First market release', '2026-12-10'))).toHaveLength(1);
  });

  it('warns when the two dates of placing on the market fall on different sides of the PLD date', () => {
    const data = (product: string, market: string) => ({
      product: { placing_on_market_date: product },
      regulatory: { placed_on_market: market },
    });
    expect(run(marketReleaseDate, data('2026-10-01', '2027-02-01'))).toEqual([
      ['warning', 'data/market-release-before-placing', 'product.placing_on_market_date'],
    ]);
    expect(run(marketReleaseDate, data('2026-12-09', '2026-12-01'))).toEqual([]);
    expect(run(marketReleaseDate, data('2027-03-01', '2027-02-01'))).toEqual([]);
  });

  it('warns at every statement that denies a known vulnerability the data lists as affecting the product', () => {
    const data = (status: string) => ({
      techdoc: {
        known_vulnerabilities: [{ id: 'SA-1', status }],
        test_reports: [{ id: 'R1', result: 'Pass: no known exploitable vulnerabilities' }],
      },
      ai: { cybersecurity_level: 'Tested; no open findings at release.' },
    });
    const found = run(openVulnerabilityClaims, data('affected'));
    expect(found.map((f) => f[2])).toEqual(['techdoc.test_reports.0.result', 'ai.cybersecurity_level']);
    expect(openVulnerabilityClaims(data('affected'), ctx)[0]?.message).toContain('SA-1');
    expect(run(openVulnerabilityClaims, data('fixed'))).toEqual([]);
  });

  it('warns when a medical device lists MDS2 capabilities but leaves some out', () => {
    const caps = (codes: readonly string[]) => codes.map((c) => ({ id: c.toLowerCase(), mds2_code: c }));
    const device = (codes: readonly string[]) => ({
      regulatory: { medical_device: { regulation: 'MDR' } },
      security: { capabilities: caps(codes) },
    });
    const found = mds2Capabilities(device(MDS2_CODES.filter((c) => c !== 'RMOT' && c !== 'STCF')), ctx);
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toMatch(/STCF, RMOT$/);
    expect(mds2Capabilities(device(MDS2_CODES), ctx)).toEqual([]);
    // A consumer product outside the MDR and the US market is not described by an MDS2 form.
    expect(
      mds2Capabilities(
        { regulatory: { medical_device: { regulation: 'none' } }, security: { capabilities: caps(['ALOF']) } },
        ctx,
      ),
    ).toEqual([]);
    expect(MDS2_CODES).toHaveLength(23);
  });

  it('warns when the CRA is neither a legal basis nor declared not applicable for a non-device on the EU market', () => {
    const product = (basis: string[], cra?: Record<string, unknown>, markets = ['EU']) => ({
      regulatory: { markets, medical_device: { regulation: 'none' }, legal_basis: basis, ...(cra ? { cra } : {}) },
    });
    const saas = { not_applicable: 'Software as a service only' };
    expect(run(legalBasisConsistent, product(['AI-Act', 'GDPR']))).toEqual([
      ['warning', 'data/legal-basis-inconsistent', 'regulatory.legal_basis'],
    ]);
    expect(run(legalBasisConsistent, product(['AI-Act', 'GDPR'], saas))).toEqual([]);
    expect(run(legalBasisConsistent, product(['CRA', 'GDPR']))).toEqual([]);
    expect(run(legalBasisConsistent, product(['GDPR'], undefined, ['US']))).toEqual([]);
    expect(run(legalBasisConsistent, product(['GDPR', 'CRA'], saas))).toEqual([
      ['warning', 'data/legal-basis-inconsistent', 'regulatory.legal_basis.1'],
    ]);
    // A device: only its own regulation is asked for (the CRA is excluded by Art. 2(2)).
    expect(
      run(legalBasisConsistent, {
        regulatory: { markets: ['EU'], medical_device: { regulation: 'MDR' }, legal_basis: ['MDR'] },
      }),
    ).toEqual([]);
  });

  it('warns when a device class assessed without a notified body is declared high-risk through AI Act Annex I', () => {
    const device = (
      regulation: string,
      cls: string,
      aiAct: Record<string, unknown>,
      ai: Record<string, unknown> = {},
    ) => ({
      regulatory: { medical_device: { regulation, class: cls }, ai_act: { ai_system: true, ...aiAct } },
      ai,
    });
    const annexI = { risk_class: 'high', high_risk_basis: 'annex-I' };
    expect(run(aiAnnexINotifiedBody, device('IVDR', 'A', annexI))).toEqual([
      ['warning', 'data/ai-annex-i-without-notified-body', 'regulatory.ai_act.high_risk_basis'],
    ]);
    const [d] = aiAnnexINotifiedBody(device('IVDR', 'A', annexI), ctx);
    expect(d?.message).toMatch(
      /^`regulatory\.ai_act\.high_risk_basis` is `annex-I`.*class A device under the IVDR.*Art\. 6\(1\)\(b\)/,
    );
    expect(d?.message).not.toMatch(/\bMDR\b/);
    // "high" with no basis takes the Annex I route for a device; the AI block alone says so too.
    expect(run(aiAnnexINotifiedBody, device('MDR', 'I', { risk_class: 'high' }))).toEqual([
      ['warning', 'data/ai-annex-i-without-notified-body', 'regulatory.ai_act.risk_class'],
    ]);
    expect(run(aiAnnexINotifiedBody, device('MDR', 'I', {}, { high_risk: true, high_risk_basis: 'annex-I' }))).toEqual([
      ['warning', 'data/ai-annex-i-without-notified-body', 'ai.high_risk_basis'],
    ]);
    // Classes with a notified body, an Annex III basis, and sterile or measuring class I are fine.
    for (const [reg, cls] of [
      ['IVDR', 'As'],
      ['IVDR', 'B'],
      ['MDR', 'Im'],
      ['MDR', 'IIa'],
    ])
      expect(run(aiAnnexINotifiedBody, device(reg!, cls!, annexI)), cls).toEqual([]);
    expect(
      run(aiAnnexINotifiedBody, device('IVDR', 'A', { risk_class: 'high', high_risk_basis: 'annex-III' })),
    ).toEqual([]);
    expect(run(aiAnnexINotifiedBody, device('IVDR', 'A', { risk_class: 'limited' }))).toEqual([]);
  });
});
