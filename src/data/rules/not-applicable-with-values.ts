import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { PathSegment } from '../../source/field-path.js';
import { formatPath, isRecord } from '../../source/field-path.js';
import type { Rule } from './rule.js';

/**
 * A group declared `not_applicable` that also has values says two things at once: documents
 * print the values where they exist, and the reason elsewhere. Usually a leftover: warn.
 */
export const notApplicableWithValues: Rule = (data, ctx) => {
  const out: Diagnostic[] = [];
  const walk = (node: unknown, path: PathSegment[]): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, [...path, i]));
      return;
    }
    if (!isRecord(node)) return;
    const others = Object.keys(node).filter((k) => k !== 'not_applicable');
    if (typeof node['not_applicable'] === 'string' && others.length > 0 && path.length > 0) {
      out.push(
        ctx.at([...path, 'not_applicable'], {
          severity: 'warning',
          code: 'data/not-applicable-with-values',
          message: `\`${formatPath(path)}\` is declared not applicable but also gives ${others.map((k) => `\`${k}\``).join(', ')}`,
          hints: [
            'remove `not_applicable` if the group applies (in a product-line child, `not_applicable:` left empty removes the inherited one), or remove the other fields if it does not',
          ],
        }),
      );
    }
    for (const [k, v] of Object.entries(node)) walk(v, [...path, k]);
  };
  walk(data, []);
  return out;
};
