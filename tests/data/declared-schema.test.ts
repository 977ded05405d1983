import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultDeviceSchema } from '../../src/pipeline/default-schema.js';
import { loadDevice } from '../../src/data/device.js';
import { resolveInheritance } from '../../src/data/inherit.js';
import { nodeHost } from '../../src/data/node-host.js';
import { applyRenames } from '../../src/data/renames.js';
import type { DeviceSchema } from '../../src/data/validate.js';
import { validateDevice } from '../../src/data/validate.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { memoryHost } from './host.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BASE = 'product:\n  id: pump\n  name: Pump\n';
let schema: DeviceSchema;

beforeAll(async () => {
  schema = await defaultDeviceSchema();
});

/** Validates `/project/device.yaml` against the real device schema and rules. */
function check(yaml: string): Diagnostic[] {
  const manufacturer = yaml.includes('manufacturer:') ? '' : 'manufacturer:\n  name: MedCo\n';
  const host = memoryHost({ '/project/device.yaml': BASE + manufacturer + yaml });
  const resolved = resolveInheritance('device.yaml', host);
  expect(resolved.diagnostics).toEqual([]);
  return [...validateDevice(resolved.value!, schema).diagnostics];
}
const codes = (yaml: string): string[] => check(yaml).map((d) => `${d.code} ${d.fieldPath ?? ''}`);

describe('schema: none and not applicable', () => {
  it('accepts `{ none: reason }` for any list and `not_applicable` on any group', () => {
    expect(codes('integration:\n  apis: { none: "the pump exposes no API" }\n')).toEqual([]);
    expect(
      codes('security:\n  controls:\n    exploit_mitigations: { none: "no executable code is loaded" }\n'),
    ).toEqual([]);
    expect(codes('remote_service:\n  not_applicable: "the pump offers no remote service"\n')).toEqual([]);
    expect(codes('security:\n  failsafe_mode:\n    not_applicable: "no fail-safe mode"\n')).toEqual([]);
  });

  it('requires a reason that is not blank, and nothing else beside `none`', () => {
    expect(codes('integration:\n  apis: { none: "" }\n')).toEqual(['data/invalid-value integration.apis.none']);
    expect(check('integration:\n  apis: { none: "" }\n')[0]?.message).toBe(
      '`integration.apis.none` is empty: a declaration of none or not applicable needs its reason',
    );
    expect(codes('integration:\n  apis: { none: "   " }\n')).toEqual(['data/invalid-value integration.apis.none']);
    expect(codes('remote_service:\n  not_applicable: ""\n')).toEqual([
      'data/invalid-value remote_service.not_applicable',
    ]);
    expect(codes('integration:\n  apis: { none: "x", name: "y" }\n')).toEqual([
      'data/unknown-field integration.apis.name',
    ]);
    expect(codes('integration:\n  apis: { nothing: "x" }\n').map((c) => c.split(' ')[0])).toContain(
      'data/unknown-field',
    );
  });

  it('says once, and with the none form in the hint, that a list was given as text', () => {
    const wrong = check('integration:\n  apis: "none"\n');
    expect(wrong.map((d) => d.code)).toEqual(['data/wrong-type']);
    expect(wrong[0]?.message).toContain('should be a list');
    expect((wrong[0]?.hints ?? []).join(' ')).toContain('{ none: "why there is none" }');
  });

  it('warns when a group declared not applicable also gives values', () => {
    const ds = check('remote_service:\n  not_applicable: "no remote service"\n  enabled: false\n');
    expect(ds.map((d) => [d.severity, d.code, d.fieldPath])).toEqual([
      ['warning', 'data/not-applicable-with-values', 'remote_service.not_applicable'],
    ]);
  });
});

describe('schema: forms real dossiers need', () => {
  it('accepts dates to the month for support and end of support, and only real ones', () => {
    expect(codes('support_period:\n  start_date: 2027-01\n  end_date: 2034-12\n')).toEqual([]);
    expect(codes('sbom:\n  components:\n    - id: os\n      end_of_support_date: 2029-05\n')).toEqual([]);
    expect(codes('support_period:\n  end_date: 2034-13\n')).toEqual(['data/invalid-date support_period.end_date']);
    expect(codes('support_period:\n  end_date: 2027-02-30\n')).toEqual(['data/invalid-date support_period.end_date']);
    // Other dates stay full dates.
    expect(codes('regulatory:\n  placed_on_market: 2027-01\n')).toEqual([
      'data/invalid-date regulatory.placed_on_market',
    ]);
  });

  it('reads a month as its last day when it compares dates', () => {
    expect(codes('support_period:\n  start_date: 2027-12-31\n  end_date: 2027-12\n')).toEqual([
      'data/support-period-order support_period.end_date',
    ]);
    expect(codes('support_period:\n  start_date: 2027-12-30\n  end_date: 2027-12\n')).toEqual([]);
  });

  it('accepts port ranges, TCP/UDP and ICMP, and refuses ports written the wrong way', () => {
    const port = (p: string, transport: string) =>
      codes(`network:\n  ports:\n    - id: p\n      port: ${p}\n      transport: ${transport}\n`);
    expect(port('"67-68"', 'udp')).toEqual([]);
    expect(port('53', 'tcp/udp')).toEqual([]);
    expect(port('"echo request (type 8)"', 'icmp')).toEqual([]);
    expect(port('"68-67"', 'udp')).toEqual(['data/port-range network.ports[0].port']);
    expect(port('"1-70000"', 'udp')).toEqual(['data/port-range network.ports[0].port']);
    expect(port('"443/tcp"', 'tcp')).toEqual(['data/port-range network.ports[0].port']);
    expect(port('70000', 'tcp').map((c) => c.split(' ')[0])).toEqual(['data/invalid-value']);
  });

  it('accepts VEX status affected, initial-release entries and machine-learning models with a hash', () => {
    expect(codes('techdoc:\n  known_vulnerabilities:\n    - id: CVE-2026-1\n      status: affected\n')).toEqual([]);
    expect(codes('updates:\n  history:\n    - id: v1\n      type: initial-release\n')).toEqual([]);
    expect(
      codes(
        'sbom:\n  components:\n    - id: m\n      name: Model\n      version: "3.1"\n      type: machine-learning-model\n      hashes: ["SHA-256:ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12"]\n',
      ),
    ).toEqual([]);
  });

  it('accepts prose instead of records for firewall rules and data locations, but not for other lists', () => {
    expect(codes('network:\n  firewall_rules: "Block all inbound traffic."\n')).toEqual([]);
    expect(
      codes('decommissioning:\n  data_locations: "All data are in the encrypted flash; the reset erases it."\n'),
    ).toEqual([]);
    expect(codes('network:\n  ports: "443 only"\n')).toEqual(['data/wrong-type network.ports']);
  });

  it('takes the manufacturer country as a two-letter code', () => {
    expect(codes('manufacturer:\n  name: MedCo\n  country: DE\n')).toEqual([]);
    expect(codes('manufacturer:\n  name: MedCo\n  country: Germany\n')).toEqual([
      'data/invalid-value manufacturer.country',
    ]);
  });
});

describe('renamed fields', () => {
  it('reads an old name under the new one, with a warning at the old key that names the new one', () => {
    const host = memoryHost({ '/project/device.yaml': `${BASE}manufacturer:\n  name: MedCo\n  land: DE\n` });
    const resolved = resolveInheritance('device.yaml', host).value!;
    const renamed = applyRenames(resolved, [{ from: ['manufacturer', 'land'], to: ['manufacturer', 'country'] }]);
    expect(renamed.resolved.value['manufacturer']).toEqual({ name: 'MedCo', country: 'DE' });
    expect(renamed.diagnostics.map((d) => [d.severity, d.code, d.source?.range?.start.line])).toEqual([
      ['warning', 'data/renamed-field', 6],
    ]);
    expect(renamed.diagnostics[0]?.message).toBe(
      '`manufacturer.land` has been renamed `manufacturer.country`; it is read as `manufacturer.country`',
    );
    // The renamed data validates, and a mistake in the value points at the old text.
    expect(validateDevice(renamed.resolved, schema).diagnostics).toEqual([]);
    expect(renamed.resolved.provenance.get('manufacturer.country')?.range?.start.line).toBe(6);
  });

  it('keeps the new name when both are given, and says the old one is ignored', () => {
    const host = memoryHost({ '/project/device.yaml': `${BASE}manufacturer:\n  land: FR\n  country: DE\n` });
    const renamed = applyRenames(resolveInheritance('device.yaml', host).value!, [
      { from: ['manufacturer', 'land'], to: ['manufacturer', 'country'] },
    ]);
    expect(renamed.resolved.value['manufacturer']).toEqual({ country: 'DE' });
    expect(renamed.diagnostics[0]?.message).toContain('is ignored');
  });
});

describe('every device file that validated before still validates', () => {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.ya?ml$/.test(name)) files.push(path);
    }
  };
  walk(join(ROOT, 'examples'));
  walk(join(ROOT, 'tests/fixtures/declared'));
  walk(join(ROOT, 'tests/templates/fixtures'));
  // Product-line fixtures that are valid (cycle/, missing/ and outside/ are broken on purpose).
  walk(join(ROOT, 'tests/fixtures/lines/chain'));
  walk(join(ROOT, 'tests/fixtures/lines/idmerge'));

  it.each(files.map((f) => [relative(ROOT, f)]))('%s', (file) => {
    const loaded = loadDevice(join(ROOT, file), nodeHost(ROOT, ROOT), schema);
    expect(
      loaded.diagnostics
        .filter((d) => d.severity !== 'info')
        .map((d) => `${d.code} ${d.fieldPath ?? ''}: ${d.message}`),
    ).toEqual([]);
  });
});
