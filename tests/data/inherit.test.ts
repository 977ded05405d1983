import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveInheritance } from '../../src/data/inherit.js';
import { fixtureHost, LINES, memoryHost } from './host.js';

const resolveIn = (folder: string, file: string) => resolveInheritance(file, fixtureHost(join(LINES, folder)));

describe('resolveInheritance', () => {
  it('merges a chain of three files, child over parent', () => {
    const { value, diagnostics } = resolveIn('chain', 'x2.yaml');
    expect(diagnostics).toEqual([]);
    expect(value?.chain).toEqual(['x2.yaml', 'line.yaml', 'base.yaml']);
    const v = value!.value;
    expect(v['product']).toEqual({
      name: 'GlucoFlow X2',
      software_only: false,
      intended_users: ['patients'],
      id: 'glucoflow-x2-eu',
    });
    expect(v['regulatory']).toEqual({
      markets: ['EU'],
      legal_basis: ['MDR'],
      medical_device: { regulation: 'MDR', class: 'IIb' },
    });
    expect(v['support_period']).toEqual({ start_date: '2026-01-01', end_date: '2033-06-30' });
    // extends is resolved away; abstract is not inherited from the parents.
    expect(v).not.toHaveProperty('extends');
    expect(v).not.toHaveProperty('abstract');
    expect(value?.abstract).toBe(false);
  });

  it('records where every value was written', () => {
    const { value } = resolveIn('chain', 'x2.yaml');
    const p = value!.provenance;
    expect(p.get('product.name')).toEqual({
      file: 'x2.yaml',
      range: expect.objectContaining({ start: { line: 4, column: 9 } }),
    });
    expect(p.get('product.software_only')?.file).toBe('line.yaml');
    expect(p.get('regulatory.medical_device.class')?.range?.start).toEqual({ line: 9, column: 12 });
    expect(p.get('regulatory.medical_device.class')?.file).toBe('line.yaml');
    expect(p.get('regulatory.medical_device.regulation')?.file).toBe('base.yaml');
    expect(p.get('support_period.start_date')?.file).toBe('base.yaml');
    expect(p.get('support_period.end_date')?.file).toBe('x2.yaml');
    expect(p.get('product.intended_users[0]')?.file).toBe('x2.yaml');
    expect(p.has('product.intended_users[1]')).toBe(false);
  });

  it('keeps abstract when the named file says so', () => {
    const { value } = resolveIn('chain', 'line.yaml');
    expect(value?.abstract).toBe(true);
    expect(value?.value['abstract']).toBe(true);
    expect(value?.chain).toEqual(['line.yaml', 'base.yaml']);
  });

  it('merges lists of records by id: parent order kept, new ids appended', () => {
    const { value } = resolveIn('idmerge', 'variant.yaml');
    const ports = (value!.value['network'] as { ports: Array<Record<string, unknown>> }).ports;
    expect(ports.map((p) => p['id'])).toEqual(['https', 'ble', 'ntp', 'dicom']);
    expect(ports[2]).toEqual({ id: 'ntp', port: 123, protocol: 'UDP', purpose: 'Time sync (hospital NTP server)' });
    const p = value!.provenance;
    // The child's ports[0] became the merged ports[2]: provenance follows the record, not the index.
    expect(p.get('network.ports[2].purpose')).toMatchObject({
      file: 'variant.yaml',
      range: { start: { line: 8, column: 16 } },
    });
    expect(p.get('network.ports[2].port')).toMatchObject({
      file: 'line.yaml',
      range: { start: { line: 16, column: 13 } },
    });
    expect(p.get('network.ports[3].port')?.file).toBe('variant.yaml');
  });

  it('replaces lists that are not records with ids', () => {
    const { value } = resolveIn('idmerge', 'replace.yaml');
    expect((value!.value['regulatory'] as Record<string, unknown>)['markets']).toEqual(['US']);
    expect(value!.provenance.get('regulatory.markets')?.file).toBe('replace.yaml');
  });

  it('reports a cycle naming the whole chain', () => {
    const { value, diagnostics } = resolveIn('cycle', 'a.yaml');
    expect(value).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      code: 'data/extends-cycle',
      source: { file: 'a.yaml', range: { start: { line: 1, column: 10 } } },
    });
    // Named from another file of the loop, the cycle is reported identically.
    expect(resolveIn('cycle', 'b.yaml').diagnostics).toEqual(diagnostics);
    expect(diagnostics[0]?.message).toContain('a.yaml → b.yaml → c.yaml → a.yaml');
  });

  it('reports a missing parent at the extends line', () => {
    const { value, diagnostics } = resolveIn('missing', 'child.yaml');
    expect(value).toBeUndefined();
    expect(diagnostics[0]).toMatchObject({
      code: 'data/extends-missing',
      fieldPath: 'extends',
      source: { file: 'child.yaml', range: { start: { line: 1, column: 10 } } },
    });
    expect(diagnostics[0]?.message).toContain('child.yaml → no-such-line.yaml');
    expect(diagnostics[0]?.excerpt).toBe('extends: ./no-such-line.yaml');
  });

  it('refuses a parent outside the project folder', () => {
    const { value, diagnostics } = resolveIn('outside/project', 'child.yaml');
    expect(value).toBeUndefined();
    expect(diagnostics[0]?.code).toBe('data/extends-outside-project');
    expect(diagnostics[0]?.message).toContain('child.yaml → ../parent.yaml');
    // The same files are fine when the project is the enclosing folder.
    expect(resolveIn('outside', 'project/child.yaml').diagnostics).toEqual([]);
  });

  it('reports an unreadable named file and a non-text extends', () => {
    expect(resolveIn('chain', 'nope.yaml').diagnostics[0]?.code).toBe('data/file-missing');
    const host = memoryHost({ '/project/a.yaml': 'extends: 3\nproduct: { id: a }\n' });
    const { value, diagnostics } = resolveInheritance('a.yaml', host);
    expect(value).toBeUndefined();
    expect(diagnostics[0]).toMatchObject({
      code: 'data/wrong-type',
      source: { file: 'a.yaml', range: { start: { line: 1, column: 10 } } },
    });
  });

  it('lets a child remove an inherited value with an empty key', () => {
    const host = memoryHost({
      '/project/line.yaml': 'product:\n  name: Line\n  version: "2"\n',
      '/project/sub/x.yaml': 'extends: ../line.yaml\nproduct:\n  version:\n',
    });
    const { value } = resolveInheritance('sub/x.yaml', host);
    expect(value?.value).toEqual({ product: { name: 'Line' } });
    expect(value?.chain).toEqual(['sub/x.yaml', 'line.yaml']);
  });
});
