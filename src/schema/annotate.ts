import { isListSchema, type Schema } from './build.js';
import { readableKey } from './words.js';

/**
 * Completes the hand-written schema: every property gets a `title` (its short label) and every
 * catalogue-backed property gets the ids of the clauses it serves appended to its description,
 * computed from the catalogue so the schema never drifts from it.
 */
export function annotate(schema: Schema, clausesByPath: ReadonlyMap<string, readonly string[]>): Schema {
  return visit(schema, '', clausesByPath);
}

function clauseSuffix(ids: readonly string[]): string {
  return ids.length === 0 ? '' : ` Clauses: ${ids.join(', ')}.`;
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

function visit(node: Schema, path: string, clauses: ReadonlyMap<string, readonly string[]>): Schema {
  const out: Schema = { ...node };
  const props = node['properties'] as Record<string, Schema> | undefined;
  if (props !== undefined) {
    const next: Record<string, Schema> = {};
    for (const [key, child] of Object.entries(props)) {
      const childPath = path === '' ? key : `${path}.${key}`;
      next[key] = property(child, key, childPath, clauses);
    }
    out['properties'] = next;
  }
  const items = node['items'] as Schema | undefined;
  if (items !== undefined) {
    out['items'] = wellKnownRecords(visit(items, `${path}[]`, clauses), path, clauses);
  }
  return out;
}

function property(child: Schema, key: string, path: string, clauses: ReadonlyMap<string, readonly string[]>): Schema {
  const visited = visit(child, path, clauses);
  const isList = isListSchema(child);
  const ids = unique([...(clauses.get(path) ?? []), ...(isList ? (clauses.get(`${path}[]`) ?? []) : [])]);
  const description = String(child['description'] ?? '') + clauseSuffix(ids);
  const { title: _ignored, description: _old, ...rest } = visited;
  return { title: typeof child['title'] === 'string' ? child['title'] : readableKey(key), description, ...rest };
}

/** `security.capabilities[automatic_logoff]`: clauses that name one record of a list by its id. */
function wellKnownRecords(items: Schema, listPath: string, clauses: ReadonlyMap<string, readonly string[]>): Schema {
  const prefix = `${listPath}[`;
  const named: string[] = [];
  for (const [path, ids] of clauses) {
    if (!path.startsWith(prefix) || !path.endsWith(']')) continue;
    const id = path.slice(prefix.length, -1);
    if (id === '' || id.includes('[')) continue;
    named.push(`\`${id}\` (Clauses: ${unique(ids).join(', ')})`);
  }
  if (named.length === 0) return items;
  named.sort();
  const description = `${String(items['description'] ?? '')} Records with these ids serve further clauses: ${named.join('; ')}.`;
  return { ...items, description };
}
