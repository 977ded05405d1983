import type { SourceRef } from '../source/position.js';
import type { SourceFile } from './load.js';
import type { Origin } from './merge.js';
import type { FieldPath } from '../source/field-path.js';
import { formatPath } from '../source/field-path.js';

/**
 * The result of product-line inheritance. `provenance` answers "where was this value
 * written?" for every map, list and leaf of `value` (keyed by `network.ports[2].port`,
 * the root by ''). `chain` lists the files from the one the user named up to the root
 * of the product line, as the user should see them.
 */
export interface ResolvedData {
  readonly value: Record<string, unknown>;
  readonly provenance: Map<string, SourceRef>;
  readonly chain: string[];
  /** Per field path: the file and the path inside that file (for key positions and excerpts). */
  readonly origins: ReadonlyMap<string, Origin<SourceFile>>;
  /** The parsed files of the chain, in `chain` order. */
  readonly sources: readonly SourceFile[];
  /** The named file says `abstract: true`: a product-line parent, not a product. */
  readonly abstract: boolean;
}

export function buildProvenance(origins: ReadonlyMap<string, Origin<SourceFile>>): Map<string, SourceRef> {
  const out = new Map<string, SourceRef>();
  for (const [path, origin] of origins) {
    const range = origin.source.valueRange(origin.path);
    out.set(path, range ? { file: origin.source.file, range } : { file: origin.source.file });
  }
  return out;
}

/**
 * The origin of a field, or of its nearest ancestor that has one (a missing field is
 * reported where its parent mapping was written).
 */
export function nearestOrigin(resolved: ResolvedData, path: FieldPath): { origin: Origin<SourceFile>; exact: boolean } {
  for (let n = path.length; n >= 0; n--) {
    const origin = resolved.origins.get(formatPath(path.slice(0, n)));
    if (origin) return { origin, exact: n === path.length };
  }
  const entry = resolved.sources[0];
  if (!entry) throw new Error('internal error: resolved data without source files');
  return { origin: { source: entry, path: [] }, exact: false };
}

/**
 * The `extends` chain from the named file to the file that supplied a value, for the
 * "= inherited:" line. Empty when the named file itself wrote the value.
 */
export function traceTo(resolved: ResolvedData, file: string): string[] {
  const at = resolved.chain.indexOf(file);
  return at > 0 ? resolved.chain.slice(0, at + 1) : [];
}
