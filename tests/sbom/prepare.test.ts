import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { decideApplicability } from '../../src/regulatory/applicability.js';
import { DOC_TYPES } from '../../src/regulatory/catalogue.js';
import { readInputFile } from '../../src/sbom/index.js';
import { prepareSbomData } from '../../src/pipeline/sbom.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A project folder with the npm SBOM and the VEX fixtures in it. */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'techfile-sbom-'));
  dirs.push(dir);
  for (const f of ['techfile.cdx.json', 'techfile.spdx.json', 'techfile.vex.cdx.json', 'techfile.vex.csaf.json'])
    copyFileSync(join(FIXTURES, f), join(dir, f));
  return dir;
}

/** Regulatory facts of a consumer product under the CRA (as examples/wellness-wearable) or of an EU-only MDR device. */
const CRA = {
  markets: ['EU'],
  medical_device: { regulation: 'none' },
  legal_basis: ['CRA'],
  cra: { category: 'default' },
  ai_act: { ai_system: false },
  fda: { submission_type: 'none', cyber_device: false },
};
const MDR_EU = {
  markets: ['EU'],
  medical_device: { regulation: 'MDR', class: 'IIa' },
  legal_basis: ['MDR'],
  ai_act: { ai_system: false },
};

function run(
  dir: string,
  extra: Record<string, unknown>,
  opts: { final?: boolean; regulatory?: object; date?: string } = {},
) {
  const data = {
    product: { id: 'tf', name: 'techfile' },
    regulatory: opts.regulatory ?? CRA,
    support_period: { start_date: '2026-01-01', end_date: '2032-12-31' },
    documents: { defaults: { date: opts.date ?? '2026-12-20' } },
    ...extra,
  };
  return prepareSbomData({
    data,
    file: 'device.yaml',
    dirs: [dir],
    root: dir,
    docTypes: DOC_TYPES,
    final: opts.final ?? false,
    applicability: decideApplicability(data),
  });
}

const codes = (d: readonly Diagnostic[]): string[] => d.map((x) => `${x.severity}:${x.code}`).sort();
const imported = (data: Readonly<Record<string, unknown>>, key: 'sbom' | 'vulnerabilities'): Record<string, unknown> =>
  ((data[key] as Record<string, unknown> | undefined)?.['imported'] ?? {}) as Record<string, unknown>;

describe('prepareSbomData', () => {
  it('leaves data without sbom.file or vulnerabilities.files untouched', () => {
    const data = { product: { id: 'x' }, sbom: { format: 'SPDX' } };
    const r = prepareSbomData({
      data,
      file: 'd.yaml',
      dirs: ['/nonexistent'],
      root: '/nonexistent',
      docTypes: DOC_TYPES,
      final: true,
      applicability: decideApplicability(data),
    });
    expect(r.data).toBe(data);
    expect(r.diagnostics).toEqual([]);
  });

  it('adds the SBOM summary and fills format, version, timestamp and the component list', () => {
    const r = run(project(), { sbom: { file: 'techfile.spdx.json' } });
    expect(r.diagnostics).toEqual([]);
    const sbom = r.data['sbom'] as Record<string, unknown>;
    expect(sbom['format']).toBe('SPDX');
    expect(sbom['spec_version']).toBe('2.3');
    const summary = imported(r.data, 'sbom');
    expect(summary['total']).toBe(136);
    expect(summary['direct_count']).toBe(22);
    // 136 components are more than the default 100 listed: only the direct ones are.
    expect(summary['direct_only']).toBe(true);
    expect((summary['components'] as unknown[]).length).toBe(summary['listed_count']);
    expect((sbom['components'] as { name: string }[]).map((c) => c.name)).toContain('handlebars');
  });

  it('lists every component when the SBOM is within sbom.max_listed_components', () => {
    const summary = imported(
      run(project(), { sbom: { file: 'techfile.cdx.json', max_listed_components: 500 } }).data,
      'sbom',
    );
    expect(summary['direct_only']).toBe(false);
    expect((summary['components'] as unknown[]).length).toBe(136);
  });

  it('fills hand-listed components from the SBOM and checks them against it', () => {
    const hand = [
      { id: 'hb', name: 'handlebars', level_of_support: 'actively-maintained', end_of_support_date: '2033-06-30' },
      { id: 'ajv', name: 'ajv', version: '7.0.0' },
      { id: 'zephyr', name: 'Zephyr RTOS', version: '4.1.0' },
    ];
    const r = run(project(), { sbom: { file: 'techfile.cdx.json', components: hand } });
    expect(codes(r.diagnostics)).toEqual([
      'warning:sbom/component-not-in-sbom',
      'warning:sbom/component-version-differs',
    ]);
    expect(r.diagnostics.find((d) => d.code === 'sbom/component-version-differs')?.fieldPath).toBe(
      'sbom.components[1]',
    );
    const list = (r.data['sbom'] as { components: Record<string, unknown>[] }).components;
    expect(list.map((c) => c['name'])).toEqual(['handlebars', 'ajv', 'Zephyr RTOS']);
    expect(list[0]).toMatchObject({
      id: 'hb',
      version: '4.7.10',
      license: 'MIT',
      purl: 'pkg:npm/handlebars@4.7.10',
      level_of_support: 'actively-maintained',
    });
    expect(list[2]).toEqual(hand[2]);
    const rows = imported(r.data, 'sbom')['components'] as { name: string; support: string }[];
    expect(rows.find((c) => c.name === 'handlebars')?.support).toBe('actively maintained, until 2033-06-30');
  });

  it('reports a missing file, a file outside the project and an invalid one as errors naming the field', () => {
    const dir = project();
    writeFileSync(join(dir, 'bad.json'), '{"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"name":"x"}]}');
    const outside = mkdtempSync(join(tmpdir(), 'techfile-outside-'));
    dirs.push(outside);
    writeFileSync(join(outside, 'secret.json'), '{}');
    symlinkSync(join(outside, 'secret.json'), join(dir, 'link.json'));
    mkdirSync(join(dir, 'folder.json'));
    const r = run(dir, {
      sbom: { file: 'bad.json' },
      vulnerabilities: { files: ['missing.json', 'link.json', 'folder.json', '/etc/passwd'] },
    });
    expect(r.failed).toBe(true);
    expect(codes(r.diagnostics)).toEqual([
      'error:sbom/file-missing',
      'error:sbom/file-not-a-file',
      'error:sbom/file-not-relative',
      'error:sbom/file-outside',
      'error:sbom/schema',
    ]);
    expect(r.diagnostics.find((d) => d.code === 'sbom/file-outside')?.fieldPath).toBe('vulnerabilities.files[1]');
    expect(r.diagnostics.find((d) => d.code === 'sbom/schema')?.message).toBe(
      'bad.json: `components[0]` lacks the required property `type`',
    );
  });

  it('gives the same data whatever the device file is called on the command line', () => {
    const dir = project();
    const data = {
      product: { id: 'tf', name: 'techfile' },
      regulatory: CRA,
      documents: { defaults: { date: '2026-12-20' } },
      sbom: { file: 'techfile.cdx.json' },
      vulnerabilities: { files: ['techfile.vex.csaf.json'] },
    };
    const as = (file: string) =>
      prepareSbomData({
        data,
        file,
        dirs: [dir],
        root: dir,
        docTypes: DOC_TYPES,
        final: false,
        applicability: decideApplicability(data),
      }).data;
    expect(JSON.stringify(as('../../elsewhere/device.yaml'))).toBe(JSON.stringify(as('device.yaml')));
    expect(imported(as('x/device.yaml'), 'sbom')['file']).toBe('techfile.cdx.json');
  });

  it('refuses a file larger than the cap', () => {
    const dir = project();
    expect(readInputFile('techfile.cdx.json', [dir], dir, 1000)).toMatchObject({ ok: false, problem: 'too-large' });
    expect(readInputFile('techfile.cdx.json', [dir], dir)).toMatchObject({ ok: true });
  });
});

describe('consistency checks', () => {
  const vex = { sbom: { file: 'techfile.cdx.json' }, vulnerabilities: { files: ['techfile.vex.cdx.json'] } };

  it('warns in a draft about an affected component without remediation, naming vulnerability and component', () => {
    const r = run(project(), vex);
    const d = r.diagnostics.filter((x) => x.code === 'sbom/exploitable-without-remediation');
    expect(d).toHaveLength(1);
    expect(d[0]?.severity).toBe('warning');
    expect(d[0]?.message).toMatch(/^CVE-2099-0001 affects `handlebars 4\.7\.10`/);
    expect(d[0]?.hints?.join(' ')).toContain('CRA Annex I Part I (2)(a)');
  });

  it('makes it an error with --final where the CRA applies, and for a medical device under its Annex I', () => {
    const cra = run(project(), vex, { final: true }).diagnostics.find(
      (x) => x.code === 'sbom/exploitable-without-remediation',
    );
    expect(cra?.severity).toBe('error');
    const mdr = run(project(), vex, { final: true, regulatory: MDR_EU }).diagnostics.find(
      (x) => x.code === 'sbom/exploitable-without-remediation',
    );
    expect(mdr?.severity).toBe('error');
    expect(mdr?.hints?.join(' ')).toContain('MDR Annex I 17.2');
    expect(mdr?.hints?.join(' ')).not.toContain('CRA');
  });

  it('finds the SBOM component of a CSAF statement by purl or by name and version', () => {
    const r = run(project(), {
      sbom: { file: 'techfile.cdx.json' },
      vulnerabilities: { files: ['techfile.vex.csaf.json'] },
    });
    expect(r.diagnostics).toEqual([]);
    const v = imported(r.data, 'vulnerabilities');
    expect(v['total']).toBe(4);
    expect((v['statements'] as { component: string }[]).map((s) => s.component).sort()).toEqual([
      'docx 9.15.2',
      'fflate 0.8.3',
      'handlebars 4.7.10',
      'yaml 2.9.1',
    ]);
    expect((v['residual'] as { id: string }[]).map((s) => s.id)).toEqual([
      'CVE-2099-0001',
      'GHSA-xxxx-yyyy-zzzz',
      'CVE-2099-0002',
    ]);
  });

  it('reports a VEX component that the SBOM does not have', () => {
    const dir = project();
    const doc = JSON.parse(
      JSON.stringify({
        bomFormat: 'CycloneDX',
        specVersion: '1.6',
        version: 1,
        vulnerabilities: [
          {
            id: 'CVE-2099-0100',
            analysis: { state: 'not_affected', justification: 'code_not_present' },
            affects: [{ ref: 'pkg:npm/left-pad@1.3.0' }],
          },
        ],
      }),
    );
    writeFileSync(join(dir, 'other.json'), JSON.stringify(doc));
    const r = run(
      dir,
      { sbom: { file: 'techfile.cdx.json' }, vulnerabilities: { files: ['other.json'] } },
      { final: true },
    );
    const d = r.diagnostics.find((x) => x.code === 'sbom/vex-component-not-in-sbom');
    expect(d?.severity).toBe('error');
    expect(d?.message).toContain('`pkg:npm/left-pad@1.3.0`');
  });

  it('measures the SBOM age from its timestamp to the document date, never the clock', () => {
    const fresh = run(project(), { sbom: { file: 'techfile.cdx.json' } }, { date: '2027-01-15' });
    expect(fresh.diagnostics).toEqual([]);
    const stale = run(project(), { sbom: { file: 'techfile.cdx.json' } }, { date: '2027-06-30' });
    expect(stale.diagnostics.map((d) => d.message)).toEqual([
      'the SBOM techfile.cdx.json is 208 days old at the document date 2027-06-30 (made 2026-12-03; at most 90 days accepted)',
    ]);
    expect(
      run(project(), { sbom: { file: 'techfile.cdx.json', max_age_days: 365 } }, { date: '2027-06-30' }).diagnostics,
    ).toEqual([]);
    expect(
      run(project(), { sbom: { file: 'techfile.cdx.json' } }, { date: '2027-06-30', final: true }).diagnostics[0]
        ?.severity,
    ).toBe('error');
  });

  it('reports a component whose support ends before the product support period, as an error with --final only without a plan', () => {
    const comp = (plan?: string) => ({
      sbom: {
        file: 'techfile.cdx.json',
        components: [
          { id: 'p', name: 'pdfkit', end_of_support_date: '2029-12-31', ...(plan ? { eos_plan: plan } : {}) },
        ],
      },
    });
    const draft = run(project(), comp());
    expect(draft.diagnostics.map((d) => `${d.severity}:${d.code}:${d.fieldPath ?? ''}`)).toEqual([
      'warning:sbom/component-support-ends-early:sbom.components[0].end_of_support_date',
    ]);
    expect(run(project(), comp(), { final: true }).diagnostics[0]?.severity).toBe('error');
    expect(run(project(), comp('Fork and maintain in house'), { final: true }).diagnostics[0]?.severity).toBe(
      'warning',
    );
  });
});
