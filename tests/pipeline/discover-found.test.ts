import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/data/limits.js';
import { textNamesDeviceKey } from '../../src/pipeline/device-keys.js';
import { discoverDevices } from '../../src/index.js';

/**
 * Files found in a folder that a limit stops before their top-level keys are known: a device
 * file is reported, someone else's file (a large SBOM, a build log) is skipped.
 */
const temps: string[] = [];
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

function folder(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'techfile-found-'));
  temps.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const DEVICE = 'product:\n  id: a\n  name: A\nmanufacturer:\n  name: M\n';
const components = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ type: 'library', name: `lib-${i}`, version: '1.0.0' }));
/** A CycloneDX SBOM with more components than one list may hold. */
const SBOM = JSON.stringify(
  {
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    metadata: { component: { type: 'device', name: 'A', product: 'not a top-level key' } },
    components: components(DEFAULT_LIMITS.listLength + 1),
  },
  null,
  2,
);

const found = async (dir: string, limits = DEFAULT_LIMITS) => {
  const r = await discoverDevices(dir, { cwd: dir, limits, retain: 'summary' });
  return { files: r.value.devices.map((d) => d.file), codes: r.diagnostics.map((d) => `${d.source?.file} ${d.code}`) };
};

describe('files found beside the device files that do not load', () => {
  it('skips a CycloneDX SBOM with more components than the list limit', async () => {
    const dir = folder({ 'device.yaml': DEVICE, 'sbom.cdx.json': SBOM });
    expect(await found(dir)).toEqual({ files: ['device.yaml'], codes: [] });
  });

  it('reports a device file with a list over the limit, in JSON on one line too', async () => {
    const list = JSON.stringify(components(DEFAULT_LIMITS.listLength + 1));
    const dir = folder({
      'device.json': `{"components":${list},"product":{"id":"a","name":"A"}}`,
      'device.yaml': `${DEVICE}items: ${list}\n`,
    });
    const r = await found(dir);
    expect(r.files).toEqual(['device.json', 'device.yaml']);
    expect(r.codes).toEqual(['device.json data/list-too-long', 'device.yaml data/list-too-long']);
  });

  it('skips a large file that is not device data, and reports a device file over the size limit', async () => {
    const limits = { ...DEFAULT_LIMITS, fileBytes: 1_000 };
    const log = `steps:\n${'  - run: build\n'.repeat(200)}`;
    const dir = folder({ 'a.yaml': DEVICE, 'ci.yml': log, 'big.yaml': `${DEVICE}notes: "${'x'.repeat(2_000)}"\n` });
    expect(await found(dir, limits)).toEqual({
      files: ['a.yaml', 'big.yaml'],
      codes: ['big.yaml data/file-too-large'],
    });
  });

  it('reports a device file saved as UTF-16, and any found file that does not parse (as before)', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(DEVICE, 'utf16le')]);
    const dir = folder({ 'device.yaml': utf16, 'broken.yaml': `"product":\n  id: [a\n`, 'other.yaml': 'steps: [a\n' });
    const r = await found(dir);
    expect(r.files).toEqual(['broken.yaml', 'device.yaml', 'other.yaml']);
    expect(r.codes).toEqual(['broken.yaml data/syntax', 'device.yaml data/utf16', 'other.yaml data/syntax']);
  });
});

describe('textNamesDeviceKey', () => {
  it.each([
    ['product:\n  id: a', true],
    ['# a comment\n---\nextends: line.yaml', true],
    ["'abstract': true", true],
    ['notes: x\nregulatory :\n', true],
    ['  product: indented, not top level', false],
    ['products: [a]', false],
    ['{ "bomFormat": "CycloneDX", "metadata": { "product": "x" } }', false],
    ['{ "a": "{\\"product\\": 1}", "manufacturer": {} }', true],
    ['{ "a": [ { "product": 1 } ] }', false],
    ['', false],
  ])('%j → %s', (text, expected) => {
    expect(textNamesDeviceKey(text)).toBe(expected);
  });
});
