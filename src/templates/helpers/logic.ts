import type { HelperOptions } from '../context.js';
import { Ref, declaredIn, isMissing, truthy, unwrap } from '../values.js';

/** Sub-expressions for `{{#if (...)}}`. Each drops the trailing Handlebars options argument. */
function args(values: unknown[]): unknown[] {
  return values.slice(0, -1).map(unwrap);
}

export function eqHelper(...values: unknown[]): boolean {
  const [a, b] = args(values);
  return a === b;
}

export function neHelper(...values: unknown[]): boolean {
  const [a, b] = args(values);
  return a !== b;
}

/** `includes list value`: the list contains the value (for a text, contains it as a substring). */
export function includesHelper(...values: unknown[]): boolean {
  const [list, value] = args(values);
  if (Array.isArray(list)) return list.includes(value);
  if (typeof list === 'string' && typeof value === 'string') return list.includes(value);
  return false;
}

export function andHelper(...values: unknown[]): boolean {
  const list = values.slice(0, -1);
  return list.length > 0 && list.every(truthy);
}

export function orHelper(...values: unknown[]): boolean {
  return values.slice(0, -1).some(truthy);
}

export function notHelper(value: unknown, _options: HelperOptions): boolean {
  return !truthy(value);
}

/** The field has a value (false and 0 count as present: they are answers). */
export function presentHelper(value: unknown, _options: HelperOptions): boolean {
  // Declared none / not applicable is an answer, but not a value to show.
  if (value instanceof Ref && value.declared !== undefined) return false;
  const v = unwrap(value);
  return !isMissing(v) && declaredIn(v) === undefined;
}

/**
 * `before a b`: date `a` is earlier than date `b`. Both are ISO dates (YYYY-MM-DD, or YYYY-MM
 * when only the month is known), which order as text; anything else, or a missing date, is false.
 */
export function beforeHelper(...values: unknown[]): boolean {
  const [a, b] = args(values).map((v) => lastDay(v instanceof Date ? v.toISOString().slice(0, 10) : v));
  const iso = /^\d{4}-\d{2}-\d{2}$/;
  return typeof a === 'string' && typeof b === 'string' && iso.test(a) && iso.test(b) && a < b;
}

/** A month (YYYY-MM) reads as its last day: support "until December 2032" lasts all December. */
function lastDay(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const m = /^(\d{4})-(\d{2})$/.exec(v);
  if (!m) return v;
  const last = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
  return `${v}-${String(last).padStart(2, '0')}`;
}
