import type { ErrorObject, ValidateFunction } from 'ajv';
import { formatPath, pointerToPath } from '../source/field-path.js';
import { ajvCompiler } from './ajv-compiler.js';

/**
 * Validation of JSON files that are not device data (SBOMs, VEX and CSAF documents) against
 * their published JSON Schemas. It lives here because ajv is this folder's package; the
 * callers (src/sbom) own the schemas and turn problems into diagnostics.
 */

export interface SchemaSet {
  /** The schema documents validate against. */
  readonly root: object;
  /** Schemas the root refers to, each registered under the address the root uses. */
  readonly refs: readonly { readonly id: string; readonly schema: object }[];
  readonly dialect: 'draft-07' | '2020-12';
}

export interface SchemaProblem {
  /** Where in the file: `components[3].version`, or empty for the whole document. */
  readonly path: string;
  /** What is wrong, in ajv's words (`must be string`), with the allowed values where useful. */
  readonly message: string;
}

/**
 * Formats the published schemas use that ajv-formats does not implement. They are accepted
 * unchecked: an IRI or an internationalised e-mail address is never what makes a bill of
 * materials unusable, and guessing their grammar would reject valid files.
 */
const UNCHECKED_FORMATS = ['iri-reference', 'iri', 'idn-email', 'idn-hostname'];

const compiled = new WeakMap<object, ValidateFunction>();

/**
 * ajv checks `uniqueItems` by comparing every pair of items: quadratic, about 30 s for the
 * 5,000 components of a large SBOM. The published schemas are rewritten to use this keyword
 * instead, which compares a canonical text of each item in a set: linear in the file size.
 */
const UNIQUE = 'x-unique-items';

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (typeof v === 'object' && v !== null) {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

function linearUnique(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(linearUnique);
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) {
    if (k === 'uniqueItems') {
      if (v === true) out[UNIQUE] = true;
    } else out[k] = linearUnique(v);
  }
  return out;
}

function compile(set: SchemaSet): ValidateFunction {
  const cached = compiled.get(set.root);
  if (cached) return cached;
  // Published schemas carry keywords of their own (`license`, `$comment`, `examples`): not strict.
  const options = { allErrors: true, strict: false, logger: false, validateSchema: false } as const;
  const { Ajv2020, AjvDraft07, addFormats } = ajvCompiler();
  const ajv = set.dialect === '2020-12' ? new Ajv2020(options) : new AjvDraft07(options);
  addFormats(ajv);
  for (const f of UNCHECKED_FORMATS) ajv.addFormat(f, true);
  ajv.addKeyword({
    keyword: UNIQUE,
    type: 'array',
    schemaType: 'boolean',
    errors: false,
    validate: (_: boolean, data: unknown[]) => new Set(data.map(canonical)).size === data.length,
  });
  for (const ref of set.refs) ajv.addSchema(linearUnique(asDialect(ref.schema, ref.id)) as object);
  const validate = ajv.compile(linearUnique(set.root) as object);
  compiled.set(set.root, validate);
  return validate;
}

/**
 * A referenced schema under the address the root uses. Its own `$schema` (older drafts such
 * as the CVSS schemas' draft-04) and `id`/`$id` (e.g. with a `?20211103` suffix) are dropped.
 */
function asDialect(schema: object, id: string): object {
  const entries = Object.entries(schema).filter(([k]) => k !== '$schema' && k !== 'id' && k !== '$id');
  return { ...Object.fromEntries(entries), $id: id };
}

function describe(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  if (e.keyword === 'additionalProperties') return `has the unknown property \`${String(p['additionalProperty'])}\``;
  if (e.keyword === UNIQUE) return 'has duplicate items';
  if (e.keyword === 'required') return `lacks the required property \`${String(p['missingProperty'])}\``;
  if (e.keyword === 'enum' && Array.isArray(p['allowedValues'])) {
    const allowed = (p['allowedValues'] as unknown[]).slice(0, 12).map((v) => JSON.stringify(v));
    return `must be one of ${allowed.join(', ')}${(p['allowedValues'] as unknown[]).length > 12 ? ', …' : ''}`;
  }
  return e.message ?? e.keyword;
}

/**
 * Problems of `value` against the schema set, at most `limit`, innermost first. Errors of
 * the alternatives of a oneOf/anyOf are kept only where no deeper error explains them.
 */
export function validateJson(set: SchemaSet, value: unknown, limit = 20): SchemaProblem[] {
  const validate = compile(set);
  if (validate(value)) return [];
  const errors = validate.errors ?? [];
  const seen = new Set<string>();
  const out: SchemaProblem[] = [];
  // Deeper paths first: "components[3].hashes[0].alg must be one of …" beats "components[3] must match oneOf".
  const sorted = [...errors].sort((a, b) => b.instancePath.split('/').length - a.instancePath.split('/').length);
  for (const e of sorted) {
    if (
      (e.keyword === 'oneOf' || e.keyword === 'anyOf' || e.keyword === 'if') &&
      out.some((o) => o.path.startsWith(formatPath(pointerToPath(e.instancePath, value))))
    )
      continue;
    const path = formatPath(pointerToPath(e.instancePath, value));
    const problem = { path, message: describe(e) };
    const key = `${problem.path}\u0000${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(problem);
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)).slice(0, limit);
}
