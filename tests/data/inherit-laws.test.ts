import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { resolveInheritance } from '../../src/data/inherit.js';
import type { FieldPath } from '../../src/source/field-path.js';
import { formatPath, getAt, isRecord } from '../../src/source/field-path.js';
import { memoryHost } from './host.js';

// Generated product-line files: nested maps, plain lists, and lists of records with ids.
const key = fc.constantFrom('a', 'b', 'c', 'name', 'port');
const scalar = fc.oneof(fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/), fc.integer({ min: -5, max: 5000 }), fc.boolean());
const { tree } = fc.letrec((tie) => ({
  tree: fc.dictionary(key, tie('value'), { maxKeys: 4 }),
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(scalar, { maxLength: 3 }),
    fc
      .uniqueArray(fc.record({ id: fc.constantFrom('x', 'y', 'z', 'w'), v: scalar }), {
        selector: (r) => r.id,
        minLength: 1,
        maxLength: 3,
      })
      .map((rs) => rs as unknown),
    tie('tree'),
  ),
}));

function resolvePair(parent: Record<string, unknown>, child: Record<string, unknown>) {
  const host = memoryHost({
    '/project/parent.yaml': stringify(parent),
    '/project/child.yaml': stringify({ extends: './parent.yaml', ...child }),
  });
  const result = resolveInheritance('child.yaml', host);
  expect(result.diagnostics).toEqual([]);
  return result.value!;
}

/** Scalar leaves reachable through maps only (list positions may move when merging by id). */
function mapLeaves(value: unknown, path: FieldPath = []): Array<[FieldPath, unknown]> {
  if (!isRecord(value)) return Array.isArray(value) ? [] : [[path, value]];
  return Object.entries(value).flatMap(([k, v]) => mapLeaves(v, [...path, k]));
}

describe('inheritance laws', () => {
  it('an empty child changes nothing', () => {
    fc.assert(
      fc.property(tree, (parent) => {
        expect(resolvePair(parent, {}).value).toEqual(parent);
      }),
      { numRuns: 150 },
    );
  });

  it('the child wins on every scalar it writes', () => {
    fc.assert(
      fc.property(tree, tree, (parent, child) => {
        const merged = resolvePair(parent, child);
        for (const [path, v] of mapLeaves(child)) {
          expect(getAt(merged.value, path)).toEqual(v);
          expect(merged.provenance.get(formatPath(path))?.file).toBe('child.yaml');
        }
      }),
      { numRuns: 150 },
    );
  });

  it('provenance always points at a file that wrote exactly that value', () => {
    fc.assert(
      fc.property(tree, tree, (parent, child) => {
        const merged = resolvePair(parent, child);
        for (const [path, origin] of merged.origins) {
          const here = getAt(merged.value, pathOf(merged.value, path));
          if (isRecord(here) || Array.isArray(here)) continue;
          // The file named by provenance holds this value at the recorded place ...
          expect(getAt(origin.source.value, origin.path)).toEqual(here);
          // ... and the text at the recorded range reads back as the same value.
          const ref = merged.provenance.get(path);
          expect(ref?.file).toBe(origin.source.file);
          const range = ref!.range!;
          expect(range.start.line).toBe(range.end.line);
          const line = origin.source.line(range.start.line)!;
          expect(parse(line.slice(range.start.column - 1, range.end.column - 1))).toEqual(here);
        }
      }),
      { numRuns: 150 },
    );
  });
});

/** Re-derives the segment array of a formatted path by walking the value (test-only). */
function pathOf(root: unknown, text: string): FieldPath {
  if (text === '') return [];
  return text
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .map((s, i, all) =>
      /^\d+$/.test(s) && Array.isArray(getAt(root, pathOf(root, all.slice(0, i).join('.')))) ? Number(s) : s,
    );
}
