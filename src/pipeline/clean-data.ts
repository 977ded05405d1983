import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { FieldPath } from '../source/field-path.js';
import { formatPath } from '../source/field-path.js';
import type { Data } from '../regulatory/data-path.js';
import type { SourceRef } from '../source/position.js';
import { hasForbiddenCharacters, xmlSafe } from '../transform/xml-safe.js';

/**
 * The device data with every character that XML 1.0 forbids removed from its texts (see
 * transform/xml-safe.ts), and one warning per field that had one, at the place it was
 * written. Runs before the templates, so document-control fields, titles and file
 * properties are clean too.
 */
export function cleanData(
  data: Data,
  file: string,
  locate?: (path: string) => SourceRef | undefined,
): { data: Data; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const walk = (v: unknown, path: FieldPath): unknown => {
    if (typeof v === 'string') {
      if (!hasForbiddenCharacters(v)) return v;
      const field = formatPath(path);
      diagnostics.push({
        severity: 'warning',
        code: 'generate/forbidden-character',
        message: `\`${field}\` contains control or non-characters (such as U+0000 to U+001F, U+FFFE, U+FFFF) that a document cannot hold; they were removed`,
        source: locate?.(field) ?? { file },
        fieldPath: field,
        hints: ['remove the invisible characters from this text (they often come from copying out of another program)'],
      });
      return xmlSafe(v);
    }
    if (Array.isArray(v)) return v.map((item, i) => walk(item, [...path, i]));
    if (v !== null && typeof v === 'object' && !(v instanceof Date)) {
      const out: Record<string, unknown> = {};
      for (const [k, item] of Object.entries(v))
        Object.defineProperty(out, xmlSafe(k), {
          value: walk(item, [...path, k]),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      return out;
    }
    return v;
  };
  const cleaned = walk(data, []);
  return { data: diagnostics.length === 0 ? data : (cleaned as Data), diagnostics };
}
