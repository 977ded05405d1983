import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { locate } from './locate.js';
import { formatPath, getAt, isRecord } from '../source/field-path.js';
import type { ResolvedData } from './provenance.js';

/**
 * Fields that were renamed. A file written for an older schema still validates: the value is
 * read under its new name and a warning names the new one, so writers update at their pace.
 * Only plain keys (no list positions) are renamed; a rename moves the whole subtree.
 */
export interface Rename {
  readonly from: readonly string[];
  readonly to: readonly string[];
}

/** Add a line here when a field is renamed in src/schema (and keep it: old files live long). */
export const RENAMES: readonly Rename[] = [];

function without(root: Record<string, unknown>, path: readonly string[]): Record<string, unknown> {
  const [head, ...rest] = path;
  if (head === undefined) return root;
  const { [head]: child, ...others } = root;
  if (rest.length === 0) return others;
  return isRecord(child) ? { ...others, [head]: without(child, rest) } : root;
}

function withValue(root: Record<string, unknown>, path: readonly string[], value: unknown): Record<string, unknown> {
  const [head, ...rest] = path;
  if (head === undefined) return root;
  if (rest.length === 0) return { ...root, [head]: value };
  const child = root[head];
  return { ...root, [head]: withValue(isRecord(child) ? child : {}, rest, value) };
}

/** Copies provenance and origins of `from…` to `to…`, so diagnostics about the new path point at the old text. */
function movedMap<V>(map: ReadonlyMap<string, V>, from: string, to: string): Map<string, V> {
  const out = new Map(map);
  for (const [key, value] of map) {
    if (key === from) out.set(to, value);
    else if (key.startsWith(`${from}.`) || key.startsWith(`${from}[`)) out.set(to + key.slice(from.length), value);
  }
  return out;
}

export function applyRenames(
  resolved: ResolvedData,
  renames: readonly Rename[] = RENAMES,
): { resolved: ResolvedData; diagnostics: Diagnostic[] } {
  let current = resolved;
  const diagnostics: Diagnostic[] = [];
  for (const r of renames) {
    const old = getAt(current.value, r.from);
    if (old === undefined) continue;
    const from = formatPath(r.from);
    const to = formatPath(r.to);
    const clash = getAt(current.value, r.to) !== undefined;
    diagnostics.push(
      locate(current, r.from, 'key', {
        severity: 'warning',
        code: 'data/renamed-field',
        message: clash
          ? `\`${from}\` has been renamed \`${to}\`, which is also given: \`${from}\` is ignored`
          : `\`${from}\` has been renamed \`${to}\`; it is read as \`${to}\``,
        hints: [clash ? `delete \`${from}\`` : `rename the key to \`${to}\``],
      }),
    );
    const value = without(current.value, r.from);
    current = clash
      ? { ...current, value }
      : {
          ...current,
          value: withValue(value, r.to, old),
          provenance: movedMap(current.provenance, from, to),
          origins: movedMap(current.origins, from, to),
        };
  }
  return { resolved: current, diagnostics };
}
