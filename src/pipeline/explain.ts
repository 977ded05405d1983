import { resolveInheritance } from '../data/inherit.js';
import type { Limits } from '../data/limits.js';
import { nodeHost } from '../data/node-host.js';
import type { PathSegment } from '../source/field-path.js';
import { formatPath, isRecord, parsePath } from '../source/field-path.js';
import type { ResolvedData } from '../data/provenance.js';
import { toYamlText } from '../data/yaml-text.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { closestName } from '../diagnostics/suggest.js';
import { walkSchemaPath } from '../schema/path.js';
import { defaultDeviceSchema } from './default-schema.js';
import type { SourceRef } from '../source/position.js';

/**
 * `techfile explain`: the final value of one field of a device file and which file of the
 * product line supplied each part. The CLI prints the outcome; this walks the inherited data.
 */
export type ExplainOutcome =
  | { readonly kind: 'not-a-path' }
  | { readonly kind: 'invalid'; readonly diagnostics: readonly Diagnostic[] }
  | {
      readonly kind: 'missing';
      readonly chain: readonly string[];
      readonly suggestion?: string;
      /** The field exists in the device schema (its label): it is only not written yet. */
      readonly schemaField?: string;
    }
  | { readonly kind: 'found'; readonly text: string; readonly json: object };

export interface ExplainRequest {
  /** The device file (absolute) and the folder no file may be read outside of. */
  readonly file: string;
  readonly projectRoot: string;
  readonly cwd: string;
  readonly limits: Limits;
  /** The field path as the user typed it. */
  readonly field: string;
}

export async function explainField(req: ExplainRequest): Promise<ExplainOutcome> {
  const wanted = parsePath(req.field);
  if (!wanted || wanted.length === 0) return { kind: 'not-a-path' };
  const { value: resolved, diagnostics } = resolveInheritance(req.file, nodeHost(req.projectRoot, req.cwd, req.limits));
  if (!resolved || hasErrors(diagnostics)) return { kind: 'invalid', diagnostics };
  const found = locatePath(resolved.value, wanted);
  if ('missing' in found) {
    // A field of the schema that is not written yet needs no "did you mean" (that would name a
    // field that is set, e.g. `start_date` for `rationale`).
    const schema = await defaultDeviceSchema();
    // The schema's notation: any list item is `[]` (`network.ports[].port`).
    const path = wanted
      .map((s) => (typeof s === 'string' ? `.${s}` : '[]'))
      .join('')
      .replace(/^\./, '');
    const known = walkSchemaPath(schema.schema as Record<string, unknown>, path) !== undefined;
    return {
      kind: 'missing',
      chain: resolved.chain,
      ...(known
        ? { schemaField: schema.fieldLabel?.(path) ?? path }
        : found.suggestion !== undefined
          ? { suggestion: found.suggestion }
          : {}),
    };
  }
  return {
    kind: 'found',
    text: explainText(resolved, found.path, found.value),
    json: explainJson(resolved, found.path, found.value),
  };
}

type Located = { path: PathSegment[]; value: unknown } | { missing: true; suggestion?: string };

/** Follows a user's path through the merged value; `[id]` picks a record by its id. */
function locatePath(root: unknown, wanted: ReadonlyArray<PathSegment | { id: string }>): Located {
  const path: PathSegment[] = [];
  let node = root;
  for (const step of wanted) {
    if (typeof step === 'object') {
      const items: unknown[] = Array.isArray(node) ? node : [];
      const at = items.findIndex((item) => isRecord(item) && String(item['id']) === step.id);
      if (at < 0) {
        const ids = items.filter(isRecord).map((item) => String(item['id']));
        return suggestion(path, ids, (id) => `[${id}]`, step.id);
      }
      path.push(at);
      node = items[at];
    } else if (typeof step === 'number') {
      if (!Array.isArray(node) || step >= node.length) return { missing: true };
      path.push(step);
      node = node[step];
    } else {
      if (!isRecord(node) || !Object.hasOwn(node, step)) {
        return suggestion(path, isRecord(node) ? Object.keys(node) : [], (k) => `.${k}`, step);
      }
      path.push(step);
      node = node[step];
    }
  }
  return { path, value: node };
}

function suggestion(at: PathSegment[], options: string[], spell: (o: string) => string, typed: string): Located {
  if (options.length === 0) return { missing: true };
  const near = closestName(typed, options) ?? typed;
  const prefix = formatPath(at);
  const text = `${prefix}${spell(near)}`.replace(/^\./, '');
  return { missing: true, suggestion: text };
}

function explainText(resolved: ResolvedData, path: PathSegment[], value: unknown): string {
  const key = formatPath(path);
  const where = (ref: SourceRef | undefined): string =>
    ref ? `${ref.file}${ref.range ? `:${ref.range.start.line}:${ref.range.start.column}` : ''}` : '(unknown)';
  const lines: string[] = [];
  if (!isRecord(value) && !Array.isArray(value)) {
    lines.push(`${key}: ${toYamlText(value).trimEnd()}`, `  from ${where(resolved.provenance.get(key))}`);
  } else {
    lines.push(
      `${key}:`,
      ...toYamlText(value)
        .trimEnd()
        .split('\n')
        .map((l) => `  ${l}`),
      '',
      'where each value was written:',
    );
    const leaves = [...resolved.provenance].filter(
      ([p]) => (p.startsWith(`${key}.`) || p.startsWith(`${key}[`)) && isLeaf(resolved, p),
    );
    const width = Math.max(0, ...leaves.map(([p]) => p.length));
    for (const [p, ref] of leaves) lines.push(`  ${p.padEnd(width)}  ${where(ref)}`);
    if (leaves.length === 0) lines.push(`  ${key}  ${where(resolved.provenance.get(key))}`);
  }
  lines.push(`chain: ${resolved.chain.join(' → ')}`);
  return `${lines.join('\n')}\n`;
}

/** The same facts as explainText, for programs: every leaf below the field with where it was written. */
function explainJson(resolved: ResolvedData, path: PathSegment[], value: unknown): object {
  const key = formatPath(path);
  const leaves = [...resolved.provenance].filter(
    ([p]) => p === key || ((p.startsWith(`${key}.`) || p.startsWith(`${key}[`)) && isLeaf(resolved, p)),
  );
  const sources = (isRecord(value) || Array.isArray(value) ? leaves.filter(([p]) => p !== key) : leaves).map(
    ([p, ref]) => ({
      field: p,
      file: ref.file,
      line: ref.range?.start.line ?? null,
      column: ref.range?.start.column ?? null,
    }),
  );
  return { field: key, value, sources, chain: resolved.chain };
}

/** A provenance entry with no entries below it: a scalar (or an empty list or map). */
function isLeaf(resolved: ResolvedData, path: string): boolean {
  for (const p of resolved.provenance.keys()) if (p.startsWith(`${path}.`) || p.startsWith(`${path}[`)) return false;
  return true;
}
