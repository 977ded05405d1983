import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { PathSegment } from '../../source/field-path.js';
import { formatPath, isRecord } from '../../source/field-path.js';
import type { Rule } from './rule.js';

/**
 * Records in a list are identified by `id` (product-line merging matches on it, and the
 * catalogue refers to `security.capabilities[automatic_logoff]`): two records with the
 * same id make both ambiguous.
 */
export const uniqueIds: Rule = (data, ctx) => {
  const out: Diagnostic[] = [];
  const walk = (node: unknown, path: PathSegment[]): void => {
    if (Array.isArray(node)) {
      const seen = new Map<string, number>();
      node.forEach((item, i) => {
        if (isRecord(item) && (typeof item['id'] === 'string' || typeof item['id'] === 'number')) {
          const id = String(item['id']);
          const first = seen.get(id);
          if (first === undefined) seen.set(id, i);
          else
            out.push(
              ctx.at([...path, i, 'id'], {
                code: 'data/duplicate-id',
                message: `id \`${id}\` is used twice in \`${formatPath(path)}\` (also by item ${first + 1})`,
                hints: ['give each record its own id, or merge the two records'],
              }),
            );
        }
        walk(item, [...path, i]);
      });
    } else if (isRecord(node)) {
      for (const [k, v] of Object.entries(node)) walk(v, [...path, k]);
    }
  };
  walk(data, []);
  return out;
};
