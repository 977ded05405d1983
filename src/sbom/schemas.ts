import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The published JSON Schemas imported files are validated against. CycloneDX's come with
 * `@cyclonedx/cyclonedx-library` (kept current with the specification by its maintainers);
 * SPDX 2.3, CSAF 2.0 and the CVSS schemas CSAF refers to are vendored in ./schemas (see its
 * README for sources and licences). Each set is read once per process.
 */

/** A JSON Schema and the schemas it refers to, as the validator (data/json-schema.ts) takes them. */
export interface SchemaSet {
  /** The schema documents validate against. */
  readonly root: object;
  /** Schemas the root refers to, each registered under the address the root uses. */
  readonly refs: readonly { readonly id: string; readonly schema: object }[];
  readonly dialect: 'draft-07' | '2020-12';
}

/** Validates a value against a schema set: problems with their JSON path (passed in by the pipeline, since ajv lives in data/). */
export type JsonValidator = (
  set: SchemaSet,
  value: unknown,
) => readonly { readonly path: string; readonly message: string }[];

export const CYCLONEDX_VERSIONS = ['1.4', '1.5', '1.6', '1.7'] as const;
export type CycloneDxVersion = (typeof CYCLONEDX_VERSIONS)[number];

const require = createRequire(import.meta.url);
const cdxRoot = (): string =>
  join(dirname(require.resolve('@cyclonedx/cyclonedx-library/package.json')), 'res', 'schema');
const VENDORED = new URL('../../src/sbom/schemas/', import.meta.url);

const cache = new Map<string, SchemaSet>();

function json(path: string | URL): object {
  return JSON.parse(readFileSync(path, 'utf8')) as object;
}

function once(key: string, make: () => SchemaSet): SchemaSet {
  let set = cache.get(key);
  if (!set) {
    set = make();
    cache.set(key, set);
  }
  return set;
}

export function cycloneDxSchema(version: CycloneDxVersion): SchemaSet {
  return once(`cdx-${version}`, () => {
    const dir = cdxRoot();
    const base = 'http://cyclonedx.org/schema/';
    const refs = [
      'spdx.SNAPSHOT.schema.json',
      'jsf-0.82.SNAPSHOT.schema.json',
      'cryptography-defs.SNAPSHOT.schema.json',
    ].map((f) => ({
      id: base + f,
      schema: json(join(dir, f)),
    }));
    return { root: json(join(dir, `bom-${version}.SNAPSHOT.schema.json`)), refs, dialect: 'draft-07' };
  });
}

export function spdxSchema(): SchemaSet {
  return once('spdx-2.3', () => ({
    root: json(new URL('spdx-2.3.schema.json', VENDORED)),
    refs: [],
    dialect: 'draft-07',
  }));
}

export function csafSchema(): SchemaSet {
  return once('csaf-2.0', () => ({
    root: json(new URL('csaf-2.0.schema.json', VENDORED)),
    refs: ['cvss-v2.0', 'cvss-v3.0', 'cvss-v3.1'].map((v) => ({
      id: `https://www.first.org/cvss/${v}.json`,
      schema: json(new URL(`${v}.schema.json`, VENDORED)),
    })),
    dialect: '2020-12',
  }));
}
