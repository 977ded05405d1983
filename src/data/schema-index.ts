import { isRecord } from '../source/field-path.js';

/**
 * Where each property name is allowed in the schema, e.g. `end_date` →
 * [`support_period.end_date`]. Used to tell a writer that a key is right but misplaced.
 */
export function propertyIndex(schema: object): Map<string, string[]> {
  const index = new Map<string, string[]>();
  const root = schema as Record<string, unknown>;
  const walk = (node: unknown, path: string, depth: number, seenRefs: ReadonlySet<string>): void => {
    if (!isRecord(node) || depth > 10) return;
    let refs = seenRefs;
    const ref = node['$ref'];
    if (typeof ref === 'string' && ref.startsWith('#/') && !seenRefs.has(ref)) {
      refs = new Set([...seenRefs, ref]);
      walk(resolvePointer(root, ref), path, depth + 1, refs);
    }
    const props = node['properties'];
    if (isRecord(props)) {
      for (const [key, sub] of Object.entries(props)) {
        const full = path === '' ? key : `${path}.${key}`;
        index.set(key, [...(index.get(key) ?? []), full]);
        walk(sub, full, depth + 1, refs);
      }
    }
    walk(node['items'], `${path}[]`, depth + 1, refs);
    for (const k of ['allOf', 'anyOf', 'oneOf']) {
      const list = node[k];
      if (Array.isArray(list)) for (const sub of list) walk(sub, path, depth + 1, refs);
    }
    for (const k of ['then', 'else']) walk(node[k], path, depth + 1, refs);
  };
  walk(root, '', 0, new Set());
  for (const [k, paths] of index) index.set(k, [...new Set(paths)].sort());
  return index;
}

/** The property names a schema object allows directly (following one local `$ref`). */
export function allowedKeys(schema: unknown, root: object): string[] {
  if (!isRecord(schema)) return [];
  const keys = new Set<string>();
  const add = (node: unknown): void => {
    if (!isRecord(node)) return;
    if (isRecord(node['properties'])) for (const k of Object.keys(node['properties'])) keys.add(k);
    if (Array.isArray(node['allOf'])) for (const sub of node['allOf']) add(sub);
    const ref = node['$ref'];
    if (typeof ref === 'string' && ref.startsWith('#/')) {
      const target = resolvePointer(root as Record<string, unknown>, ref);
      if (isRecord(target) && isRecord(target['properties']))
        for (const k of Object.keys(target['properties'])) keys.add(k);
    }
  };
  add(schema);
  return [...keys];
}

export function resolvePointer(root: Record<string, unknown>, ref: string): unknown {
  let node: unknown = root;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = isRecord(node) ? node[key] : undefined;
  }
  return node;
}
