import { describe, expect, it } from 'vitest';
import { resolveInheritance } from '../../src/data/inherit.js';
import { validateDevice } from '../../src/data/validate.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { memoryHost } from './host.js';
import { testSchema } from './test-schema.js';

const BASE = 'product:\n  id: pump\n  name: Pump\nmanufacturer:\n  name: MedCo\n';

/** Validates `/project/device.yaml` (plus any other files) against the local test schema. */
function check(files: Record<string, string>, entry = 'device.yaml'): Diagnostic[] {
  const host = memoryHost(Object.fromEntries(Object.entries(files).map(([k, v]) => [`/project/${k}`, v])));
  const resolved = resolveInheritance(entry, host);
  expect(resolved.diagnostics).toEqual([]);
  return [...validateDevice(resolved.value!, testSchema).diagnostics];
}

const brief = (ds: readonly Diagnostic[]) =>
  ds.map(
    (d) => `${d.source?.file}:${d.source?.range?.start.line}:${d.source?.range?.start.column} ${d.code} ${d.fieldPath}`,
  );

describe('validateDevice', () => {
  it('accepts valid data without diagnostics', () => {
    expect(check({ 'device.yaml': BASE })).toEqual([]);
  });

  it('points an unknown key at the key, with a did-you-mean', () => {
    const ds = check({ 'device.yaml': `${BASE}suport_period:\n  end_date: 2030-01-01\n` });
    expect(brief(ds)).toEqual(['device.yaml:6:1 data/unknown-field suport_period']);
    expect(ds[0]?.hints).toEqual(['did you mean `support_period`?']);
    expect(ds[0]?.excerpt).toBe('suport_period:');
  });

  it('lists accepted values for an enum and suggests the right capitals', () => {
    const ds = check({ 'device.yaml': `${BASE}regulatory:\n  medical_device:\n    regulation: mdr\n` });
    expect(brief(ds)).toEqual(['device.yaml:8:17 data/invalid-value regulatory.medical_device.regulation']);
    expect(ds[0]?.hints).toEqual(['write `MDR` (capitals matter)', 'write one of: `MDR`, `IVDR`, `none`']);
  });

  it('reports an anyOf mistake once, with the values of all branches', () => {
    const ports = 'network:\n  ports:\n    - id: a\n      port: 1\n      protocol: SCTP\n';
    const ds = check({ 'device.yaml': BASE + ports });
    expect(brief(ds)).toEqual(['device.yaml:10:17 data/invalid-value network.ports[0].protocol']);
    expect(ds[0]?.hints?.at(-1)).toBe('write one of: `TCP`, `UDP`');
  });

  it('reports a missing required field at the record that lacks it', () => {
    const ds = check({ 'device.yaml': `${BASE}network:\n  ports:\n    - id: a\n      port: 1\n    - id: b\n` });
    expect(brief(ds)).toEqual(['device.yaml:10:7 data/missing-field network.ports[1].port']);
  });

  it('reports a number where text is expected with a quoting hint that keeps what was typed', () => {
    const ds = check({ 'device.yaml': BASE.replace('name: Pump', 'name: Pump\n  version: 2.10') });
    expect(brief(ds)).toEqual(['device.yaml:4:12 data/wrong-type product.version']);
    expect(ds[0]?.hints).toEqual(['put the value in quotes so it stays text: `version: "2.10"`']);
  });

  it('points an inherited mistake at the parent file, with the chain', () => {
    const ds = check({
      'line.yaml': 'abstract: true\nsupport_period:\n  start_date: 2026-13-01\n',
      'device.yaml': `extends: ./line.yaml\n${BASE}`,
    });
    expect(brief(ds)).toEqual(['line.yaml:3:15 data/invalid-date support_period.start_date']);
    expect(ds[0]?.trace).toEqual(['device.yaml', 'line.yaml']);
  });

  it('lets abstract parents leave out required fields', () => {
    expect(check({ 'line.yaml': 'abstract: true\nmanufacturer:\n  email: a@b.example\n' }, 'line.yaml')).toEqual([]);
    const concrete = check({ 'device.yaml': 'manufacturer:\n  email: a@b.example\n' });
    expect(concrete.map((d) => d.fieldPath).sort()).toEqual(['manufacturer.name', 'product.id', 'product.name']);
    expect(concrete.every((d) => d.code === 'data/missing-field')).toBe(true);
  });

  it('does not report a field twice when the schema already rejected it', () => {
    const ds = check({ 'device.yaml': 'product:\n  id: p\n  name: 5\nmanufacturer:\n  name: M\n' });
    expect(brief(ds)).toEqual(['device.yaml:3:9 data/wrong-type product.name']);
  });

  it('warns when an MDR device does not claim the MDR', () => {
    const ds = check({
      'device.yaml': `${BASE}regulatory:\n  medical_device: { regulation: MDR }\n  legal_basis: [NIS2]\n`,
    });
    expect(ds.map((d) => [d.severity, d.code])).toEqual([['warning', 'data/legal-basis-inconsistent']]);
  });

  it('accepts support periods in order and a high-risk AI system with its ai block', () => {
    const data = `${BASE}support_period: { start_date: 2027-01-01, end_date: 2032-01-01 }\nregulatory:\n  placed_on_market: 2027-01-01\n  ai_act: { risk_class: high }\nai:\n  intended_purpose: Triage\n`;
    expect(check({ 'device.yaml': data })).toEqual([]);
  });
});
