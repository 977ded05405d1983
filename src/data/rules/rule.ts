import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { DiagnosticCore } from '../locate.js';
import type { FieldPath } from '../../source/field-path.js';
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

/**
 * A date as YYYY-MM-DD for comparison, or undefined; invalid dates are the schema's business.
 * A month (YYYY-MM) reads as its last day: support "until December 2027" lasts all December.
 */
export function isoDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const month = /^(\d{4})-(\d{2})$/.exec(value);
  if (!month) return undefined;
  const last = new Date(Date.UTC(Number(month[1]), Number(month[2]), 0)).getUTCDate();
  return `${value}-${String(last).padStart(2, '0')}`;
}
