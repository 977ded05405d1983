import { isListSchema, type Schema } from './build.js';

/**
 * Field paths as the catalogue and diagnostics write them: `a.b`, `a[]`, `a[].b`, `a[2].b`,
 * `security.capabilities[automatic_logoff]`. A bracket selects the items of a list: empty
 * (any record), a number (0-based position) or a record id.
 */
export type PathToken = { readonly kind: 'key'; readonly key: string } | { readonly kind: 'item'; readonly selector: string };

const TOKEN = /([^.[\]]+)|\[([^\]]*)\]/g;

export function parsePath(path: string): PathToken[] {
  const out: PathToken[] = [];
  for (const m of path.matchAll(TOKEN)) {
    if (m[1] !== undefined) out.push({ kind: 'key', key: m[1] });
    else out.push({ kind: 'item', selector: m[2] ?? '' });
  }
  return out;
}

export interface PathStep {
  readonly token: PathToken;
  readonly schema: Schema;
}

function asSchema(value: unknown): Schema | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Schema) : undefined;
}

/** The schema nodes visited along `path`, or undefined when some step does not exist. */
export function walkSchemaPath(schema: Schema, path: string): PathStep[] | undefined {
  const steps: PathStep[] = [];
  let current: Schema = schema;
  for (const token of parsePath(path)) {
    let next: Schema | undefined;
    if (token.kind === 'key') {
      next = asSchema(asSchema(current['properties'])?.[token.key]);
    } else if (isListSchema(current)) {
      next = asSchema(current['items']);
    }
    if (next === undefined) return undefined;
    steps.push({ token, schema: next });
    current = next;
  }
  return steps;
}

/**
 * The schema location of a catalogue or data field path: `a[]` is the list itself, `a[].b` a
 * field of its records, `a[x]` (id or index) one record. Undefined when the path is not in the schema.
 */
export function resolveSchemaPath(schema: Schema, path: string): Schema | undefined {
  const steps = walkSchemaPath(schema, path);
  if (steps === undefined) return undefined;
  const last = steps[steps.length - 1];
  if (last === undefined) return schema;
  // `a[]` in the catalogue names the list, not one record of it.
  if (last.token.kind === 'item' && last.token.selector === '') {
    return steps[steps.length - 2]?.schema ?? schema;
  }
  return last.schema;
}
