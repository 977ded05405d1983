import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { DiagnosticCore } from '../locate.js';
import type { FieldPath } from '../path.js';
import type { ResolvedData } from '../provenance.js';

/** What a semantic rule may use besides the data: where fields were written. */
export interface RuleContext {
  readonly resolved: ResolvedData;
  /** A diagnostic at the value of `path` (or at the parent mapping's key for a missing field). */
  at(path: FieldPath, d: DiagnosticCore, where?: 'key' | 'parent' | 'value'): Diagnostic;
}

/**
 * A cross-field check the schema cannot express. Rules see data that may not have
 * passed the schema, so they check the type of everything they read.
 */
export type Rule = (data: Readonly<Record<string, unknown>>, ctx: RuleContext) => Diagnostic[];

/** An ISO date string (YYYY-MM-DD) or undefined; invalid dates are the schema's business. */
export function isoDate(value: unknown): string | undefined {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
}
