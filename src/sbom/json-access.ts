import { isRecord } from '../source/field-path.js';

/** Small typed readers for parsed JSON that has already passed its schema. */

export type Json = Readonly<Record<string, unknown>>;

export function isObject(v: unknown): v is Json {
  return isRecord(v);
}

export function objects(v: unknown): Json[] {
  return Array.isArray(v) ? v.filter(isObject) : [];
}

export function text(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

export function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.map(text).filter((s): s is string => s !== undefined) : [];
}

export function field(o: unknown, key: string): unknown {
  return isObject(o) ? o[key] : undefined;
}

/** Drops absent values, so optional properties stay absent (exactOptionalPropertyTypes). */
export function compact<T extends object>(o: { [K in keyof T]: T[K] | undefined }): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
