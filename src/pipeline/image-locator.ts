import type { SourceRef } from '../source/position.js';
import { formatPath, type FieldPath } from '../source/field-path.js';
import type { Data } from '../regulatory/data-path.js';
import type { Locate } from './final-check.js';

/**
 * Where the data names an image: the first `file` field whose value is the image path, so
 * image diagnostics point at the line a writer has to change.
 */
export function imageLocator(
  data: Data,
  locate: Locate | undefined,
): (src: string) => { ref: SourceRef; field: string } | undefined {
  if (!locate) return () => undefined;
  const fields = new Map<string, string>();
  const walk = (v: unknown, path: FieldPath): void => {
    if (typeof v === 'string') {
      if (path[path.length - 1] === 'file' && !fields.has(v)) fields.set(v, formatPath(path));
    } else if (Array.isArray(v)) v.forEach((item, i) => walk(item, [...path, i]));
    else if (v !== null && typeof v === 'object') for (const [k, item] of Object.entries(v)) walk(item, [...path, k]);
  };
  walk(data, []);
  return (src) => {
    const field = fields.get(src);
    const ref = field === undefined ? undefined : locate(field);
    return field !== undefined && ref ? { ref, field } : undefined;
  };
}
