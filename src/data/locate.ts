import type { Diagnostic, Severity } from '../diagnostics/diagnostic.js';
import type { Range } from '../source/position.js';
import type { FieldPath } from '../source/field-path.js';
import { formatPath } from '../source/field-path.js';
import type { ResolvedData } from './provenance.js';
import { nearestOrigin, traceTo } from './provenance.js';

/** The what and how of a diagnostic; `locate` adds the where. */
export interface DiagnosticCore {
  readonly code: string;
  readonly message: string;
  readonly hints: readonly string[];
  readonly severity?: Severity;
}

/**
 * Places a diagnostic about a field of the merged data: at the key (unknown fields), at
 * the key of the parent mapping (missing fields) or at the value. A value inherited from
 * a parent file points into that file, with the `extends` chain as trace.
 */
export function locate(
  resolved: ResolvedData,
  path: FieldPath,
  where: 'key' | 'parent' | 'value',
  d: DiagnosticCore,
): Diagnostic {
  const target = where === 'parent' ? path.slice(0, -1) : path;
  const { origin } = nearestOrigin(resolved, target);
  const range: Range | undefined =
    where === 'value' ? origin.source.valueRange(origin.path) : origin.source.keyRange(origin.path);
  const trace = traceTo(resolved, origin.source.file);
  const excerpt = range ? origin.source.line(range.start.line) : undefined;
  return {
    severity: d.severity ?? 'error',
    code: d.code,
    message: d.message,
    source: range ? { file: origin.source.file, range } : { file: origin.source.file },
    fieldPath: formatPath(path),
    hints: d.hints,
    ...(trace.length > 0 ? { trace } : {}),
    ...(excerpt !== undefined ? { excerpt: excerpt.replace(/\t/g, ' ') } : {}),
  };
}
