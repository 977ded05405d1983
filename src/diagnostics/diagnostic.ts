import type { SourceRef } from '../source/position.js';

export type Severity = 'error' | 'warning' | 'info';

/**
 * The one error/warning type of techfile. Every stage returns diagnostics as data;
 * only bugs throw. Each user-facing diagnostic answers: where (file:line:col and the
 * field path or template), what (message), and how to fix it (hints).
 */
export interface Diagnostic {
  readonly severity: Severity;
  /** Stable code, `area/kebab-name`, e.g. `data/unknown-field`. */
  readonly code: string;
  /** One short sentence, lower-case start, no final full stop; names in backticks. */
  readonly message: string;
  /** Where the problem was written. */
  readonly source?: SourceRef;
  /** Dotted field path in the device data, e.g. `network.ports[2].protocol`. */
  readonly fieldPath?: string;
  /** Imperative fixes: "write the date as YYYY-MM-DD". */
  readonly hints?: readonly string[];
  /** Origin chain: the product-line `extends` chain or the template/partial stack. */
  readonly trace?: readonly string[];
  /** The offending source line, for the human format. */
  readonly excerpt?: string;
}

export interface Result<T> {
  readonly value: T;
  readonly diagnostics: readonly Diagnostic[];
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Sort by file, line, column, then code, so output order never depends on discovery order. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => {
    const fa = a.source?.file ?? '';
    const fb = b.source?.file ?? '';
    if (fa !== fb) return fa < fb ? -1 : 1;
    const la = a.source?.range?.start.line ?? 0;
    const lb = b.source?.range?.start.line ?? 0;
    if (la !== lb) return la - lb;
    const ca = a.source?.range?.start.column ?? 0;
    const cb = b.source?.range?.start.column ?? 0;
    if (ca !== cb) return ca - cb;
    return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
  });
}
