import { describe, expect, it } from 'vitest';
import { resolveInheritance } from '../../src/data/inherit.js';
import { clearParentCache, PARENTS, parentCacheSize } from '../../src/data/parent-cache.js';
import { memoryHost } from './host.js';

// Parents are parsed once per process and reused by every variant that extends them; the cache
// must never hand out a parse of text that is no longer in the file.
describe('parsed parents are reused', () => {
  const files: Record<string, string> = {
    '/project/line.yaml': 'abstract: true\nproduct:\n  name: Line\n  version: "1"\n',
    '/project/a.yaml': 'extends: line.yaml\nproduct:\n  id: a\n',
    '/project/b.yaml': 'extends: line.yaml\nproduct:\n  id: b\n',
  };

  it('gives every variant the same merged values and positions as a fresh parse', () => {
    clearParentCache();
    const host = memoryHost(files);
    const a = resolveInheritance('a.yaml', host).value;
    const b = resolveInheritance('b.yaml', host).value;
    clearParentCache();
    const bFresh = resolveInheritance('b.yaml', host).value;
    expect(b?.value).toEqual(bFresh?.value);
    expect([...(b?.provenance ?? [])]).toEqual([...(bFresh?.provenance ?? [])]);
    expect(a?.value['product']).toEqual({ name: 'Line', version: '1', id: 'a' });
  });

  it('parses a parent again when its text changed, and reports its new mistakes', () => {
    clearParentCache();
    const edited = { ...files };
    const host = memoryHost(edited);
    expect(resolveInheritance('a.yaml', host).value?.value['product']).toMatchObject({ name: 'Line' });
    edited['/project/line.yaml'] = 'abstract: true\nproduct:\n  name: Renamed\n';
    expect(resolveInheritance('b.yaml', host).value?.value['product']).toMatchObject({ name: 'Renamed', id: 'b' });
    edited['/project/line.yaml'] = 'product: [unclosed\n';
    const broken = resolveInheritance('a.yaml', host);
    expect(broken.value).toBeUndefined();
    expect(broken.diagnostics.some((d) => d.severity === 'error' && d.source?.file === 'line.yaml')).toBe(true);
  });

  it('keeps a bounded number of parents', () => {
    clearParentCache();
    const many: Record<string, string> = {};
    for (let i = 0; i < 40; i++) {
      many[`/project/p${i}.yaml`] = `abstract: true\nproduct:\n  name: P${i}\n`;
      many[`/project/v${i}.yaml`] = `extends: p${i}.yaml\nproduct:\n  id: v${i}\n`;
    }
    const host = memoryHost(many);
    for (let i = 0; i < 40; i++) {
      const r = resolveInheritance(`v${i}.yaml`, host).value;
      expect(r?.value['product']).toEqual({ name: `P${i}`, id: `v${i}` });
      expect(parentCacheSize()).toBe(Math.min(i + 1, PARENTS));
    }
    // The first parents were dropped and are parsed again, with the same result.
    expect(resolveInheritance('v0.yaml', host).value?.value['product']).toEqual({ name: 'P0', id: 'v0' });
  });
});
