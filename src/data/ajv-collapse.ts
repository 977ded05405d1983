import type { ErrorObject } from 'ajv';

/**
 * Ajv with `allErrors` reports one mistake many times: every failing branch of an
 * `anyOf`/`oneOf`, the `anyOf` itself, and the `if` that selected a `then`. A writer
 * should see each mistake once, so this keeps, per alternative, only the branch that
 * came closest, and merges "wrong type in every branch" into one error.
 */
export function collapseErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const alive = new Set(errors.filter((e) => e.keyword !== 'if'));
  const alternatives = [...alive]
    .filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf')
    // Outer alternatives first: discarding a branch also discards the alternatives nested in it.
    .sort((a, b) => a.schemaPath.length - b.schemaPath.length);

  for (const alt of alternatives) {
    if (!alive.has(alt)) continue;
    // oneOf matched more than one branch: a real (schema-level) error, keep it as is.
    if (alt.keyword === 'oneOf' && alt.params['passingSchemas'] != null) continue;
    const prefix = `${alt.schemaPath}/`;
    const branches = new Map<string, ErrorObject[]>();
    for (const e of alive) {
      const branch = branchOf(e, alt, prefix);
      if (branch === undefined) continue;
      branches.set(branch, [...(branches.get(branch) ?? []), e]);
    }
    if (branches.size === 0) continue;
    const shallow = (e: ErrorObject): boolean =>
      e.instancePath === alt.instancePath && ['type', 'const', 'enum'].includes(e.keyword);
    // A branch that fails only on the value itself (wrong type/value) was "not this form at all".
    const deep = [...branches.values()].filter((errs) => !errs.every(shallow));
    alive.delete(alt);
    // A list written as a block (`ports: { https: {…} }`) is not a failed `{ none: … }`: saying
    // "`none` is missing" and "`https` is unknown" would send the writer the wrong way.
    if (branches.has('$defs/declared_none') && isBlockOfRecords(alt.data)) {
      for (const e of [...branches.values()].flat()) alive.delete(e);
      alive.add({ ...alt, keyword: 'type', params: { type: 'array,object' }, message: 'wrong type' });
      continue;
    }
    if (deep.length > 0) {
      // The value has the shape of a branch: report that branch's mistakes (fewest first).
      const best = deep.reduce((a, b) => (b.length < a.length ? b : a));
      for (const errs of branches.values()) if (errs !== best) for (const e of errs) alive.delete(e);
      continue;
    }
    const all = [...branches.values()].flat();
    for (const e of all) alive.delete(e);
    alive.add(mergeShallow(alt, all));
  }
  return dedupe([...alive]);
}

/**
 * The branch of `alt` an error comes from. Ajv reports errors inside a `$ref`'d branch with the
 * schema path of the definition (`#/$defs/declared_none/...`), not below the `anyOf`: those
 * belong to the alternative at the same place in the data.
 */
function branchOf(e: ErrorObject, alt: ErrorObject, prefix: string): string | undefined {
  if (e.schemaPath.startsWith(prefix)) return e.schemaPath.slice(prefix.length).split('/')[0] ?? '';
  const inside = e.instancePath === alt.instancePath || e.instancePath.startsWith(`${alt.instancePath}/`);
  if (inside && e.schemaPath.startsWith('#/$defs/')) return `$defs/${e.schemaPath.split('/')[2] ?? ''}`;
  return undefined;
}

/** Every branch rejected the value itself: one error naming all accepted types/values. */
function mergeShallow(alt: ErrorObject, errs: readonly ErrorObject[]): ErrorObject {
  const values: unknown[] = [];
  const types: string[] = [];
  for (const e of errs) {
    if (e.keyword === 'enum') values.push(...((e.params['allowedValues'] as unknown[] | undefined) ?? []));
    else if (e.keyword === 'const') values.push(e.params['allowedValue']);
    else if (e.keyword === 'type') types.push(...String(e.params['type']).split(','));
  }
  // "one of these values (or empty)": the values are what a writer needs to see.
  if (values.length > 0) {
    return { ...alt, keyword: 'enum', params: { allowedValues: [...new Set(values)] }, message: 'must be one of' };
  }
  return { ...alt, keyword: 'type', params: { type: [...new Set(types)].join(',') }, message: 'wrong type' };
}

/** One error per (kind of mistake, place): `required` may come from several `then` branches. */
function dedupe(errors: readonly ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.keyword}|${e.instancePath}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** `{ https: { port: 443 } }`: entries that are themselves blocks, so not `{ none: "reason" }` misspelt. */
function isBlockOfRecords(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || Object.hasOwn(value, 'none')) return false;
  const entries = Object.values(value);
  return entries.length > 0 && entries.every((v) => typeof v === 'object' && v !== null);
}
