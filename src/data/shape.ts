import type { Limits } from './limits.js';
import type { FieldPath } from '../source/field-path.js';
import { formatPath } from '../source/field-path.js';

export interface ShapeProblem {
  readonly kind: 'string-length' | 'key-length' | 'depth' | 'list-length' | 'values';
  readonly path: FieldPath;
  readonly message: string;
}

/**
 * Values in one file after alias expansion. Aliases share objects in the parsed value, but
 * every later stage (merge, validation, templates) walks each use, so the expanded size is
 * what costs time and memory. Real device files have a few thousand values (the largest
 * example about 5 000); ten times that is still a device, beyond it an attack or a mistake.
 */
export const MAX_VALUES = 50_000;

/**
 * The first place where a parsed file exceeds a limit (text length, nesting, list length,
 * expanded size), or undefined. Walks depth-first in document order, so the problem
 * reported is the first one a reader meets.
 */
export function checkShape(
  root: unknown,
  limits: Pick<Limits, 'stringLength' | 'depth' | 'listLength'>,
): ShapeProblem | undefined {
  let values = 0;
  const walk = (value: unknown, path: FieldPath): ShapeProblem | undefined => {
    values++;
    if (values > MAX_VALUES) {
      return {
        kind: 'values',
        path,
        message: `the file holds more than ${MAX_VALUES} values once its YAML aliases are expanded`,
      };
    }
    if (typeof value === 'string') {
      return value.length > limits.stringLength
        ? {
            kind: 'string-length',
            path,
            message: `\`${formatPath(path)}\` is ${value.length} characters long; the limit is ${limits.stringLength}`,
          }
        : undefined;
    }
    if (value === null || typeof value !== 'object') return undefined;
    if (path.length >= limits.depth) {
      return {
        kind: 'depth',
        path,
        message: `\`${formatPath(path)}\` is nested more than ${limits.depth} levels deep`,
      };
    }
    if (Array.isArray(value)) {
      if (value.length > limits.listLength) {
        return {
          kind: 'list-length',
          path,
          message: `\`${formatPath(path)}\` has ${value.length} items; the limit is ${limits.listLength}`,
        };
      }
      for (let i = 0; i < value.length; i++) {
        const problem = walk(value[i], [...path, i]);
        if (problem) return problem;
      }
      return undefined;
    }
    if (value instanceof Date) return undefined;
    for (const [key, item] of Object.entries(value)) {
      if (key.length > limits.stringLength) {
        return {
          kind: 'key-length',
          path: [...path, key],
          message: `a key is ${key.length} characters long; the limit is ${limits.stringLength}`,
        };
      }
      const problem = walk(item, [...path, key]);
      if (problem) return problem;
    }
    return undefined;
  };
  return walk(root, []);
}
