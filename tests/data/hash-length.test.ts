import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hashLength } from '../../src/data/rules/hash-length.js';
import { RULES } from '../../src/data/rules/index.js';
import { validate } from '../../src/index.js';

/** A hash value printed for the reader to compare must have its algorithm's length. */
const dir = mkdtempSync(join(tmpdir(), 'techfile-hash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SHA256 = 'c0a8f3e6b2d9417e5a1c8b3f0d6e2a9c4b7f1e5d3a0c8b6e2f4d9a1c7e3b5f08';

async function warnings(extra: string): Promise<string[]> {
  const file = join(dir, 'device.yaml');
  writeFileSync(file, `product:\n  id: a\n  name: A\nmanufacturer:\n  name: M\n${extra}`);
  const r = await validate(file, { cwd: dir });
  return r.diagnostics
    .filter((d) => d.code === 'data/hash-length')
    .map((d) => `${d.severity} ${d.fieldPath} ${d.message}`);
}

describe('hash values', () => {
  it('is a registered rule', () => {
    expect(RULES).toContain(hashLength);
  });

  it('warns at a release hash one digit too long, and accepts the right length in any algorithm spelling', async () => {
    const release = (algorithm: string, value: string) =>
      `release:\n  hashes:\n    - file: x.tar\n      algorithm: "${algorithm}"\n      value: "${value}"\n`;
    expect(await warnings(release('SHA-256', `${SHA256}4`))).toEqual([
      'warning release.hashes[0].value the SHA-256 hash value has 65 hexadecimal digits; a SHA-256 value has 64',
    ]);
    expect(await warnings(release('sha256', SHA256))).toEqual([]);
    expect(await warnings(release('SHA-512', SHA256))).toHaveLength(1);
    expect(await warnings(release('SHA-256', SHA256.replace('c0', 'zz')))).toEqual([
      'warning release.hashes[0].value the SHA-256 hash value is not hexadecimal (only 0-9 and a-f)',
    ]);
    // An algorithm the rule does not know is left alone.
    expect(await warnings(release('Whirlpool', 'abc'))).toEqual([]);
  });

  it('checks SBOM component hashes written as ALGORITHM:value', async () => {
    const sbom = (hash: string) =>
      `sbom:\n  components:\n    - name: m\n      version: "1"\n      hashes: ["${hash}"]\n`;
    expect(await warnings(sbom(`SHA-256:${SHA256}`))).toEqual([]);
    expect(await warnings(sbom(`SHA-256:${SHA256.slice(1)}`))).toEqual([
      'warning sbom.components[0].hashes[0] the SHA-256 hash value has 63 hexadecimal digits; a SHA-256 value has 64',
    ]);
  });
});
