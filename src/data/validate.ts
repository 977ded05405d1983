import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';
import type Ajv2020 from 'ajv/dist/2020.js';
import { ajvCompiler } from './ajv-compiler.js';
import type { Diagnostic, Result } from '../diagnostics/diagnostic.js';
import { sortDiagnostics } from '../diagnostics/diagnostic.js';
import { collapseErrors } from './ajv-collapse.js';
import { errorToDiagnostic } from './ajv-messages.js';
import { locate } from './locate.js';
import type { ResolvedData } from './provenance.js';
import { RULES } from './rules/index.js';
import type { Rule, RuleContext } from './rules/rule.js';
import { propertyIndex } from './schema-index.js';
import { DATE_OR_MONTH_FORMAT, isDateOrMonth } from '../contract/date-format.js';
import { formats } from './validator-formats.js';

/** The device data once merged and validated; its shape is the schema's (src/schema). */
export type DeviceData = Readonly<Record<string, unknown>>;

/** The JSON Schema plus the labels writers see for its fields. */
export interface DeviceSchema {
  readonly schema: object;
  /** Human label for a schema path such as `network.ports[].port`. */
  readonly fieldLabel?: (path: string) => string;
}

interface Compiled {
  readonly validate: ValidateFunction;
  /** Where each key is allowed: built when the first schema error needs it (10 ms). */
  index: Map<string, string[]> | undefined;
}

const compiled = new WeakMap<object, Compiled>();

/** The device schema's validator as generated at build time, with the hash of the schema it was built from. */
interface Precompiled {
  readonly schemaSha256: string;
  readonly validate: ValidateFunction;
  /** The schema it was generated from, and what that schema was built from (see pipeline/device-schema.ts). */
  readonly schema: object | undefined;
  readonly schemaInputs: unknown;
}

let precompiled: Precompiled | undefined;

/** SHA-256 of a schema's JSON text: the precompiled validator is used only for exactly that schema. */
export function schemaDigest(schema: object): string {
  return createHash('sha256').update(JSON.stringify(schema)).digest('hex');
}

/**
 * schemaDigest, once per schema object: the stored schema is checked when it is handed out and
 * again when it is compiled. Like the compiled validators, this takes a schema in use as unchanged.
 */
const digests = new WeakMap<object, string>();
function digestOf(schema: object): string {
  let digest = digests.get(schema);
  if (digest === undefined) {
    digest = schemaDigest(schema);
    digests.set(schema, digest);
  }
  return digest;
}

/**
 * What the validator generated at build time (scripts/build-validator.mjs) takes from its
 * surroundings: the string formats and a `require` for Ajv's run-time helpers.
 */
export function validatorRuntime(): { readonly formats: object; readonly require: (id: string) => unknown } {
  return { formats, require: createRequire(import.meta.url) };
}

/**
 * Uses the validator generated at build time (what its script returned; see pipeline/
 * validator-script.ts), which spares every run compiling the schema (about a second). Without
 * one (running from the TypeScript sources, as tests do) the schema is compiled at run time, to
 * the same checks.
 */
export function usePrecompiledValidator(made: unknown): void {
  if (precompiled || typeof made !== 'object' || made === null) return;
  const m = made as { validate?: unknown; schemaSha256?: unknown; schema?: object; schemaInputs?: unknown };
  if (typeof m.validate === 'function' && typeof m.schemaSha256 === 'string')
    precompiled = {
      schemaSha256: m.schemaSha256,
      validate: m.validate as ValidateFunction,
      schema: m.schema,
      schemaInputs: m.schemaInputs,
    };
}

/**
 * The schema the build-time validator was generated from, with the description of its inputs the
 * build recorded, once `usePrecompiledValidator` has run; undefined when there is none or its
 * text is not the one the validator was made for. Whether the inputs are still the same is for
 * the caller to check: data/ does not know how the schema is made.
 */
export function precompiledSchema(): { readonly schema: object; readonly inputs: unknown } | undefined {
  if (!precompiled?.schema || digestOf(precompiled.schema) !== precompiled.schemaSha256) return undefined;
  return { schema: precompiled.schema, inputs: precompiled.schemaInputs };
}

/** Ajv options shared by the run-time compiler and the build-time generator. */
export const AJV_OPTIONS = {
  allErrors: true,
  verbose: true,
  strict: true,
  strictTypes: false,
  strictTuples: false,
  strictRequired: false,
  allowUnionTypes: true,
  logger: false,
} as const;

/** Editor annotations a schema may carry; Ajv's strict mode would reject them as unknown keywords. */
const ANNOTATIONS = [
  'markdownDescription',
  'deprecationMessage',
  'errorMessage',
  'x-label',
  'x-example',
  'x-catalogue',
];

/** An Ajv instance set up for the device schema (formats, editor annotations). */
export function deviceAjv(code?: { source: true; esm: true }): InstanceType<typeof Ajv2020.default> {
  // strictTypes/strictRequired only log; a library must not write to the console.
  const { Ajv2020: Ajv, addFormats } = ajvCompiler();
  const ajv = new Ajv({ ...AJV_OPTIONS, ...(code ? { code } : {}) });
  addFormats(ajv);
  ajv.addFormat(DATE_OR_MONTH_FORMAT, { type: 'string', validate: isDateOrMonth });
  ajv.addVocabulary(ANNOTATIONS);
  return ajv;
}

function compile(schema: object): Compiled {
  const cached = compiled.get(schema);
  if (cached) return cached;
  const ready = precompiled && precompiled.schemaSha256 === digestOf(schema) ? precompiled.validate : undefined;
  const result: Compiled = { validate: ready ?? deviceAjv().compile(schema), index: undefined };
  compiled.set(schema, result);
  return result;
}

/**
 * Checks merged device data against the schema and the semantic rules. Each mistake is
 * reported once, where it was written. The value is the data itself: callers decide
 * with `hasErrors` whether to go on.
 */
export function validateDevice(
  resolved: ResolvedData,
  schema: DeviceSchema,
  rules: readonly Rule[] = RULES,
): Result<DeviceData> {
  const compiledSchema = compile(schema.schema);
  const { validate } = compiledSchema;
  validate(resolved.value);
  const label = (path: string): string | undefined => schema.fieldLabel?.(path);
  const errors = collapseErrors(validate.errors ?? []);
  const index =
    errors.length === 0 ? new Map<string, string[]>() : (compiledSchema.index ??= propertyIndex(schema.schema));
  let schemaDiagnostics = errors.map((e) => errorToDiagnostic(e, { resolved, schema: schema.schema, index, label }));
  // An abstract product-line parent is incomplete by design: its children fill the gaps.
  if (resolved.abstract) schemaDiagnostics = schemaDiagnostics.filter((d) => d.code !== 'data/missing-field');

  const ctx: RuleContext = { resolved, at: (path, d, where = 'value') => locate(resolved, path, where, d) };
  // One mistake, one message: a rule stays quiet about a field the schema already rejected.
  const reported = new Set(schemaDiagnostics.map((d) => d.fieldPath));
  const ruleDiagnostics = rules.flatMap((rule) => rule(resolved.value, ctx)).filter((d) => !reported.has(d.fieldPath));
  const diagnostics: Diagnostic[] = sortDiagnostics([...schemaDiagnostics, ...ruleDiagnostics]);
  return { value: resolved.value, diagnostics };
}
