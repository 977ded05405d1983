import { describe, expect, it } from 'vitest';
import { loadDeviceCached } from '../../src/data/device-cache.js';
import { loadDevice } from '../../src/data/device.js';
import { DEFAULT_LIMITS } from '../../src/data/limits.js';
import { testSchema } from './test-schema.js';
import { memoryHost } from './host.js';

// generate loads a device where it finds it and again where its product is built; in one
// process the second load comes from this cache, but never when a file of the chain changed.
describe('remembered devices', () => {
  const files: Record<string, string> = {
    '/project/line.yaml': 'abstract: true\nproduct:\n  name: Line\n',
    '/project/a.yaml': 'extends: line.yaml\nproduct:\n  id: a\n',
  };

  it('answers a second load of unchanged files with what a fresh load gives', () => {
    const host = memoryHost({ ...files });
    const first = loadDeviceCached('a.yaml', host, testSchema);
    const second = loadDeviceCached('a.yaml', host, testSchema);
    expect(second).toBe(first);
    const fresh = loadDevice('a.yaml', host, testSchema);
    expect(second.value?.data).toEqual(fresh.value?.data);
    expect(second.diagnostics).toEqual(fresh.diagnostics);
  });

  it('loads again when the named file or a parent has other text now', () => {
    const edited = { ...files };
    const host = memoryHost(edited);
    const before = loadDeviceCached('a.yaml', host, testSchema);
    edited['/project/line.yaml'] = 'abstract: true\nproduct:\n  name: Renamed\n';
    const afterParent = loadDeviceCached('a.yaml', host, testSchema);
    expect(afterParent).not.toBe(before);
    expect(afterParent.value?.data['product']).toMatchObject({ name: 'Renamed', id: 'a' });
    edited['/project/a.yaml'] = 'extends: line.yaml\nproduct:\n  id: a2\n';
    expect(loadDeviceCached('a.yaml', host, testSchema).value?.data['product']).toMatchObject({ id: 'a2' });
    edited['/project/a.yaml'] = 'product: [unclosed\n';
    expect(loadDeviceCached('a.yaml', host, testSchema).value).toBeUndefined();
  });

  it('keys by the folder rules and limits the file was loaded with', () => {
    const host = memoryHost({ ...files });
    const tight = { ...host, limits: { ...DEFAULT_LIMITS, stringLength: 3 } };
    const loose = loadDeviceCached('a.yaml', host, testSchema);
    const limited = loadDeviceCached('a.yaml', tight, testSchema);
    expect(limited).not.toBe(loose);
    // The tight limit refuses the 4-character name; the default limits take it.
    expect(limited.diagnostics.map((d) => d.code)).toEqual(
      loadDevice('a.yaml', tight, testSchema).diagnostics.map((d) => d.code),
    );
    expect(limited.diagnostics.map((d) => d.code)).not.toEqual(loose.diagnostics.map((d) => d.code));
  });
});
