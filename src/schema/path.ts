import { isRecord, pathTokens, type PathToken } from '../source/field-path.js';
import { isListSchema, type Schema } from './build.js';

/**
 * Walking the schema along a field path as the catalogue and diagnostics write it (the
 * notation is source/field-path.ts's): a key steps into `properties`, a bracket into a list's
 * `items`, whether it selects every record (`[]`), one by position (`[2]`) or one by id.
 */

export interface PathStep {
  readonly token: PathToken;
  readonly schema: Schema;
}

function asSchema(value: unknown): Schema | undefined {
  return isRecord(value) ? value : undefined;
}

/** The schema nodes visited along `path`, or undefined when some step does not exist. */
export function walkSchemaPath(schema: Schema, path: string): PathStep[] | undefined {
  const steps: PathStep[] = [];
  let current: Schema = schema;
  const tokens = pathTokens(path);
  if (tokens === undefined) return undefined;
  for (const token of tokens) {
    let next: Schema | undefined;
    if (token.kind === 'key') {
      const properties = asSchema(current['properties']);
      // Own keys only: a field named `constructor` is not in the schema.
      next =
        properties !== undefined && Object.hasOwn(properties, token.key) ? asSchema(properties[token.key]) : undefined;
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
