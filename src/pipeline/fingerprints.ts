import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Fingerprints } from '../model/nodes.js';

let version: string | undefined;

/** The installed techfile version (package.json sits two levels above src/pipeline and dist/pipeline). */
export function packageVersion(): string {
  version ??=
    (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string })
      .version ?? '0.0.0';
  return version;
}

/** JSON with object keys sorted at every level: the same data always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  // JSON.stringify gives undefined for a function or symbol, whatever its declared type says.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
  return JSON.stringify(value) ?? 'null';
}

/**
 * The fingerprints that tie a document to its inputs: the merged device data (after
 * product-line inheritance, so a change in a parent file shows), the templates and the tool.
 */
export function fingerprintsOf(data: unknown, templatesFingerprint: string): Fingerprints {
  return {
    generator: `techfile ${packageVersion()}`,
    dataSha256: createHash('sha256').update(canonicalJson(data)).digest('hex'),
    templatesSha256: templatesFingerprint,
  };
}
