import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { discoverDevices, generate, hasErrors, loadDevice, validate } from '../../src/index.js';

/** The library's defaults and its promise: user mistakes come back as diagnostics, never as exceptions. */
const LINES = fileURLToPath(new URL('../fixtures/lines/', import.meta.url));
const temps: string[] = [];
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'techfile-library-'));
  temps.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('library defaults', () => {
  it('loads a device with only a path and a working directory, with provenance relative to it', async () => {
    const r = await loadDevice('chain/x2.yaml', { cwd: LINES });
    expect(r.value?.chain).toEqual(['chain/x2.yaml', 'chain/line.yaml', 'chain/base.yaml']);
    expect(r.value?.provenance.get('support_period.start_date')?.file).toBe('chain/base.yaml');
  });

  it('reports a missing file as a diagnostic instead of throwing', async () => {
    const dir = folder({});
    const r = await loadDevice('nothing-here.yaml', { cwd: dir });
    expect(r.value).toBeUndefined();
    expect(r.diagnostics.map((d) => d.code)).toEqual(['data/file-missing']);
    const found = await discoverDevices(['nothing-here'], { cwd: dir });
    expect(found.value.missing).toEqual(['nothing-here']);
    expect(found.diagnostics.map((d) => d.code)).toEqual(['data/file-missing']);
  });

  it('discovers device files in a folder, skipping other JSON and YAML but keeping files that do not parse', async () => {
    const dir = folder({
      'package.json': '{ "name": "not-a-device" }',
      'device.yaml': 'product:\n  id: Not Valid\n',
      'broken.yaml': 'product: [\n',
    });
    const found = await discoverDevices(dir, { cwd: dir });
    expect(found.value.devices.map((d) => d.file)).toEqual(['broken.yaml', 'device.yaml']);
    expect(found.value.devices.map((d) => d.valid)).toEqual([false, false]);
    expect(found.diagnostics.some((d) => d.code === 'data/syntax' && d.source?.file === 'broken.yaml')).toBe(true);
    const checked = await validate(dir, { cwd: dir });
    expect(checked.value.files.map((f) => [f.file, f.valid])).toEqual([
      ['broken.yaml', false],
      ['device.yaml', false],
    ]);
  });

  it('finds the file names the data holds only when asked', async () => {
    const dir = folder({
      'package.json': '{ "name": "not-a-device" }',
      'a.yaml': 'product:\n  id: a\nsbom:\n  file: sbom.json\n',
      'b.yaml': 'product: [\n',
    });
    const found = await discoverDevices(dir, { cwd: dir, retain: 'summary' });
    expect(found.value.devices.map((d) => d.file)).toEqual(['a.yaml', 'b.yaml']);
    expect(found.value.devices[0]?.device?.fileNames).toContain('sbom.json');
    const without = await discoverDevices(dir, { cwd: dir, retain: 'summary', fileNames: false });
    expect(without.value.devices[0]?.device?.fileNames).toEqual([]);
    expect(without.diagnostics).toEqual(found.diagnostics);
  });

  it('reads a device class written in digits as the Roman numeral it means', async () => {
    const dir = folder({ 'a.yaml': 'product:\n  id: a\nregulatory:\n  medical_device:\n    class: "2b"\n' });
    const r = await validate(dir, { cwd: dir });
    const hints = r.diagnostics.find((d) => d.code === 'data/invalid-value')?.hints;
    expect(hints?.[0]).toBe('did you mean `IIb`? (classes are written in Roman numerals)');
  });

  it('does not generate a product-line parent, and says why', async () => {
    const out = folder({});
    const r = await generate('chain/line.yaml', { cwd: LINES, outDir: out });
    expect(r.value).toBeUndefined();
    expect(r.diagnostics.map((d) => d.code)).toContain('generate/abstract-product');
    expect(hasErrors(r.diagnostics)).toBe(true);
  });
});
