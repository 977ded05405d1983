import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { getAt, isRecord, type FieldPath } from '../../source/field-path.js';
import type { Rule } from './rule.js';

/**
 * Hexadecimal digits of a hash value by algorithm (names compared without case, hyphens,
 * underscores or spaces). A reader compares the printed value with the file's hash digit by
 * digit: a value of the wrong length can never match, and the check it asks for always fails.
 */
const HEX_DIGITS: Readonly<Record<string, number>> = {
  md5: 32,
  sha1: 40,
  sha224: 56,
  sha256: 64,
  sha384: 96,
  sha512: 128,
  sha3224: 56,
  sha3256: 64,
  sha3384: 96,
  sha3512: 128,
  blake2b256: 64,
  blake2b384: 96,
  blake2b512: 128,
  blake3: 64,
};

const normalise = (algorithm: string): string => algorithm.toLowerCase().replace(/[-_\s]/g, '');

/** What is wrong with `value` as a hash of `algorithm`, or undefined (also for an algorithm not known here). */
function hashProblem(algorithm: string, value: string): string | undefined {
  const digits = HEX_DIGITS[normalise(algorithm)];
  if (digits === undefined) return undefined;
  const hex = value.trim();
  if (!/^[0-9a-fA-F]*$/.test(hex)) return `is not hexadecimal (only 0-9 and a-f)`;
  if (hex.length !== digits) return `has ${hex.length} hexadecimal digits; a ${algorithm} value has ${digits}`;
  return undefined;
}

/**
 * Release file hashes (`release.hashes[]`, algorithm and value) and SBOM component hashes
 * (`ALGORITHM:value` strings) have the length their algorithm gives.
 */
export const hashLength: Rule = (data, ctx) => {
  const out: Diagnostic[] = [];
  const report = (path: FieldPath, algorithm: string, problem: string): void => {
    out.push(
      ctx.at(path, {
        code: 'data/hash-length',
        // A warning: files that validated before keep validating; the value is still printed.
        severity: 'warning',
        message: `the ${algorithm} hash value ${problem}`,
        hints: ['copy the value again from the output of the hash tool (e.g. `sha256sum FILE`)'],
      }),
    );
  };
  const releaseHashes = getAt(data, ['release', 'hashes']);
  if (Array.isArray(releaseHashes))
    releaseHashes.forEach((record, i) => {
      if (!isRecord(record) || typeof record['algorithm'] !== 'string' || typeof record['value'] !== 'string') return;
      const problem = hashProblem(record['algorithm'], record['value']);
      if (problem !== undefined) report(['release', 'hashes', i, 'value'], record['algorithm'], problem);
    });
  const components = getAt(data, ['sbom', 'components']);
  if (Array.isArray(components))
    components.forEach((component, c) => {
      const hashes = isRecord(component) ? component['hashes'] : undefined;
      if (!Array.isArray(hashes)) return;
      hashes.forEach((hash, h) => {
        const m = typeof hash === 'string' ? /^\s*([A-Za-z0-9_\- ]+?)\s*:\s*(\S*)\s*$/.exec(hash) : null;
        if (!m?.[1] || m[2] === undefined) return;
        const problem = hashProblem(m[1], m[2]);
        if (problem !== undefined) report(['sbom', 'components', c, 'hashes', h], m[1], problem);
      });
    });
  return out;
};
