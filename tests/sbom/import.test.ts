import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importSbom, importVex } from '../../src/pipeline/sbom.js';
import type { Sbom } from '../../src/sbom/index.js';

/**
 * The SBOMs here were made by a real tool: `npm sbom --sbom-format cyclonedx|spdx
 * --sbom-type application` run on techfile itself, committed with the package-lock.json it
 * was made from (so the tests never run npm and do not move when dependencies change).
 */
const FIXTURES = join(import.meta.dirname, 'fixtures');
const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');

interface LockEntry {
  version?: string;
  optional?: boolean;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}
const lock = JSON.parse(fixture('techfile.package-lock.json')) as { packages: Record<string, LockEntry> };
const lockRoot = lock.packages[''] ?? {};
/** `node_modules/a/node_modules/@s/b` → `@s/b`. */
const lockName = (path: string): string => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
const lockEntries = Object.entries(lock.packages)
  .filter(([path]) => path !== '')
  .map(([path, e]) => ({ name: lockName(path), version: e.version ?? '', optional: e.optional === true }));

function load(name: string): Sbom {
  const r = importSbom(fixture(name), name);
  expect(r.diagnostics).toEqual([]);
  if (!r.value) throw new Error(`${name} did not import`);
  return r.value.sbom;
}

describe.each([
  ['techfile.cdx.json', 'CycloneDX', '1.5'],
  ['techfile.spdx.json', 'SPDX', '2.3'],
] as const)('%s (made by npm sbom)', (file, format, version) => {
  const sbom = load(file);
  const ids = new Set(sbom.components.map((c) => `${c.name}@${c.version ?? ''}`));

  it('is read as the format and specification version it declares, with its timestamp', () => {
    expect(sbom.format).toBe(format);
    expect(sbom.specVersion).toBe(version);
    expect(sbom.timestamp).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('has one component per installed package of the lock file, each with the locked version', () => {
    // Platform-specific optional packages (other operating systems' binaries) are in the lock but not installed.
    const required = lockEntries.filter((e) => !e.optional);
    for (const e of required) expect(ids, `${e.name}@${e.version}`).toContain(`${e.name}@${e.version}`);
    for (const c of sbom.components)
      expect(
        lockEntries.some((e) => e.name === c.name && e.version === c.version),
        `${c.name}@${c.version}`,
      ).toBe(true);
    expect(sbom.components.length).toBe(ids.size);
    expect(sbom.components.length).toBeGreaterThanOrEqual(required.length);
    expect(sbom.components.length).toBeLessThanOrEqual(lockEntries.length);
  });

  it('marks exactly the dependencies of package.json as direct', () => {
    const declared = [
      ...Object.keys(lockRoot.dependencies ?? {}),
      ...Object.keys(lockRoot.devDependencies ?? {}),
    ].sort();
    expect(sbom.hasDependencyGraph).toBe(true);
    expect(
      sbom.components
        .filter((c) => c.direct)
        .map((c) => c.name)
        .sort(),
    ).toEqual(declared);
  });

  it('reads name, version, licence, purl and hashes of a sample of components', () => {
    for (const name of ['ajv', 'handlebars', 'pdfkit', 'yaml', 'docx']) {
      const c = sbom.components.find((x) => x.name === name);
      const locked = lock.packages[`node_modules/${name}`];
      expect(c, name).toBeDefined();
      expect(c?.version).toBe(locked?.version);
      expect(c?.purl).toBe(`pkg:npm/${name}@${locked?.version ?? ''}`);
      expect(c?.licence).toMatch(/^(MIT|ISC|Apache-2\.0|BSD-\d-Clause)$/);
      expect(c?.hashes[0]?.value).toMatch(/^[0-9a-f]{128}$/);
      expect(c?.type).toBe('library');
    }
  });
});

describe('both npm SBOMs of the same tree', () => {
  it('agree on every component, its version and whether it is direct', () => {
    const key = (s: Sbom): string[] => s.components.map((c) => `${c.name}@${c.version ?? ''}:${c.direct}`).sort();
    expect(key(load('techfile.spdx.json'))).toEqual(key(load('techfile.cdx.json')));
  });
});

describe('invalid files', () => {
  const cdx = JSON.parse(fixture('techfile.cdx.json')) as { components: Record<string, unknown>[] };

  it('names the file and the JSON path of each schema violation', () => {
    const broken = structuredClone(cdx);
    if (broken.components[3]) broken.components[3]['version'] = 42;
    if (broken.components[7]) broken.components[7]['type'] = 'gadget';
    const r = importSbom(JSON.stringify(broken), 'sbom/broken.cdx.json');
    expect(r.value).toBeUndefined();
    const messages = r.diagnostics.map((d) => d.message);
    expect(messages).toContainEqual(
      expect.stringMatching(/^sbom\/broken\.cdx\.json: `components\[3\]\.version` must be string$/),
    );
    expect(messages).toContainEqual(
      expect.stringMatching(/^sbom\/broken\.cdx\.json: `components\[7\]\.type` must be one of "application"/),
    );
    expect(
      r.diagnostics.every(
        (d) => d.severity === 'error' && d.code === 'sbom/schema' && d.source?.file === 'sbom/broken.cdx.json',
      ),
    ).toBe(true);
  });

  it('finds duplicate items where the schema requires unique ones', () => {
    const dup = structuredClone(cdx);
    const first = dup.components[0];
    if (first) dup.components.push(structuredClone(first));
    expect(importSbom(JSON.stringify(dup), 'dup.json').diagnostics.map((d) => d.message)).toEqual([
      'dup.json: `components` has duplicate items',
    ]);
  });

  it('refuses what is not JSON, an unsupported version, and a VEX file given as the SBOM', () => {
    expect(importSbom('<bom/>', 'a.xml').diagnostics[0]?.code).toBe('sbom/not-json');
    expect(
      importSbom(JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.2' }), 'old.json').diagnostics[0]?.message,
    ).toMatch(/CycloneDX 1\.2, not a CycloneDX \(1\.4 to 1\.7\)/);
    expect(importSbom(fixture('techfile.vex.csaf.json'), 'v.json').diagnostics[0]?.code).toBe(
      'sbom/unsupported-format',
    );
    expect(importVex(fixture('techfile.spdx.json'), 's.json').diagnostics[0]?.code).toBe('sbom/unsupported-format');
  });

  it('applies the csaf_vex profile rules: an affected product needs an action statement', () => {
    const doc = JSON.parse(fixture('techfile.vex.csaf.json')) as { vulnerabilities: Record<string, unknown>[] };
    delete doc.vulnerabilities[0]?.['remediations'];
    const r = importVex(JSON.stringify(doc), 'vex.json');
    expect(r.value).toBeUndefined();
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      'vex.json: `vulnerabilities[0].product_status.known_affected` gives no action statement (remediation) for `TF-0.1.0:handlebars`',
    ]);
  });
});

describe('VEX statements', () => {
  it('reads the four statuses, justification, remediation and severity from CycloneDX VEX', () => {
    const r = importVex(fixture('techfile.vex.cdx.json'), 'vex.cdx.json');
    expect(r.diagnostics).toEqual([]);
    expect(r.value?.format).toBe('CycloneDX VEX 1.6');
    const s = r.value?.statements ?? [];
    expect(s.map((x) => [x.id, x.status, x.component.ref, x.hasRemediation])).toEqual([
      ['CVE-2099-0001', 'affected', 'handlebars@4.7.10', false],
      ['CVE-2099-0002', 'not_affected', 'fflate@0.8.3', false],
      ['CVE-2099-0003', 'fixed', 'yaml@2.9.1', true],
      ['GHSA-xxxx-yyyy-zzzz', 'under_investigation', 'docx@9.15.2', false],
      ['CVE-2099-0005', 'affected', 'pkg:npm/pdfkit@0.20.2', true],
    ]);
    expect(s[0]?.severity).toBe('high (8.1)');
    expect(s[1]?.justification).toBe('code_not_reachable');
    expect(s[4]?.remediation).toMatch(/^Use only the bundled DejaVu fonts/);
  });

  it('reads CSAF VEX product statuses through the component relationships of the product tree', () => {
    const r = importVex(fixture('techfile.vex.csaf.json'), 'vex.csaf.json');
    expect(r.diagnostics).toEqual([]);
    expect(r.value?.format).toBe('CSAF 2.0 VEX');
    const s = r.value?.statements ?? [];
    expect(
      s.map((x) => [x.id, x.status, x.component.name, x.component.version, x.component.purl ?? null, x.hasRemediation]),
    ).toEqual([
      ['CVE-2099-0001', 'affected', 'handlebars', '4.7.10', 'pkg:npm/handlebars@4.7.10', true],
      ['CVE-2099-0002', 'not_affected', 'fflate', '0.8.3', 'pkg:npm/fflate@0.8.3', false],
      ['CVE-2099-0003', 'fixed', 'yaml', '2.9.1', null, false],
      ['GHSA-xxxx-yyyy-zzzz', 'under_investigation', 'docx', '9.15.2', 'pkg:npm/docx@9.15.2', false],
    ]);
    expect(s[0]?.severity).toBe('high (8.1)');
    expect(s[1]?.justification).toBe('vulnerable_code_not_in_execute_path');
  });

  it('does not count none_available or no_fix_planned as a remediation', () => {
    const doc = JSON.parse(fixture('techfile.vex.csaf.json')) as {
      vulnerabilities: { remediations?: { category: string }[] }[];
    };
    const rem = doc.vulnerabilities[0]?.remediations?.[0];
    if (rem) rem.category = 'none_available';
    const r = importVex(JSON.stringify(doc), 'vex.json');
    expect(r.value?.statements[0]?.hasRemediation).toBe(false);
  });
});
