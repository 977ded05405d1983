import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { deviceSchema } from '../../src/pipeline/device-schema.js';
import { hashInputs, inputsUnchanged } from '../../src/pipeline/schema-inputs.js';
import { runValidatorScript } from '../../src/pipeline/validator-script.js';

const folders: string[] = [];
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

/** A folder with the given files, as a URL ending in `/`. */
function folder(files: Record<string, string>): URL {
  const dir = mkdtempSync(join(tmpdir(), 'techfile-schema-inputs-'));
  folders.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return pathToFileURL(`${dir}/`);
}

describe('the schema stored at build time is used only while its inputs are unchanged', () => {
  const files = { 'schema/a.js': 'export const a = 1;\n', 'regulatory/clauses.json': '{"clauses":[]}\n' };
  const names = Object.keys(files);

  it('unchanged files match the recorded hash', () => {
    const base = folder(files);
    expect(inputsUnchanged(base, { files: names, sha256: hashInputs(base, names) })).toBe(true);
  });

  it('an edited, a missing or a renamed file does not', () => {
    const recorded = { files: names, sha256: hashInputs(folder(files), names) };
    expect(inputsUnchanged(folder({ ...files, 'schema/a.js': 'export const a = 2;\n' }), recorded)).toBe(false);
    expect(inputsUnchanged(folder({ 'schema/a.js': files['schema/a.js'] }), recorded)).toBe(false);
    const moved = folder({
      'schema/b.js': files['schema/a.js'],
      'regulatory/clauses.json': files['regulatory/clauses.json'],
    });
    expect(inputsUnchanged(moved, { ...recorded, files: ['schema/b.js', 'regulatory/clauses.json'] })).toBe(false);
  });

  it('a record of another shape does not', () => {
    const base = folder(files);
    for (const bad of [
      undefined,
      null,
      'x',
      { files: names },
      { files: [1], sha256: 'x' },
      { files: 'a', sha256: 'x' },
    ])
      expect(inputsUnchanged(base, bad)).toBe(false);
  });

  it("the build's validator stores the schema the sources build, and its inputs as they are now (run `npm run build`)", () => {
    const dist = new URL('../../dist/', import.meta.url);
    const generated = runValidatorScript(new URL('data/', dist)) as { schema: object; schemaInputs: unknown };
    expect(JSON.stringify(generated.schema)).toBe(JSON.stringify(deviceSchema()));
    expect(inputsUnchanged(dist, generated.schemaInputs)).toBe(true);
  });
});
