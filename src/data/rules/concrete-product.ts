import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Rule } from './rule.js';
import { getAt } from '../../source/field-path.js';

const REQUIRED: ReadonlyArray<readonly [string, string]> = [
  ['product', 'id'],
  ['product', 'name'],
  ['manufacturer', 'name'],
];

/**
 * A product (any file without `abstract: true`) must say what it is and who makes it:
 * documents are filed under product.id and every title page names product and
 * manufacturer. Abstract product-line parents may leave these to their children.
 */
export const concreteProduct: Rule = (data, ctx) => {
  if (ctx.resolved.abstract) return [];
  const out: Diagnostic[] = [];
  for (const path of REQUIRED) {
    const value = getAt(data, path);
    if (typeof value === 'string' && value.trim() !== '') continue;
    if (value !== undefined && typeof value !== 'string') continue; // wrong type: the schema reports it
    out.push(
      ctx.at(
        path,
        {
          code: 'data/missing-field',
          message: `required field \`${path.join('.')}\` is missing`,
          hints: [`add \`${path[1]}:\` under \`${path[0]}:\`, or mark a product-line parent with \`abstract: true\``],
        },
        'parent',
      ),
    );
  }
  return out;
};
