import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as yamlPackage from 'yaml';

type Yaml = typeof yamlPackage;

/** What load.ts reads of a parse: the value, the errors and warnings, every node's range, the line starts. */
function parsed(y: Yaml, text: string): string {
  const lineCounter = new y.LineCounter();
  const doc = y.parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: false });
  const nodes: unknown[] = [];
  y.visit(doc, (key, node) => {
    const range = (node as { range?: unknown } | null)?.range ?? null;
    nodes.push([key, range, y.isScalar(node) ? node.type : y.isCollection(node) ? node.flow === true : null]);
  });
  const problems = (list: readonly yamlPackage.YAMLError[]) => list.map((e) => [e.code, e.message, e.pos]);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    value = String(error);
  }
  return JSON.stringify({
    value,
    errors: problems(doc.errors),
    warnings: problems(doc.warnings),
    nodes,
    lines: lineCounter.lineStarts,
    printed: typeof value === 'string' ? null : y.stringify(value),
  });
}

const root = join(import.meta.dirname, '..', '..');
const examples = readdirSync(join(root, 'examples'), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => readFileSync(join(root, 'examples', f), 'utf8'));

const broken = [
  'product:\n  name: "unclosed\n',
  'product:\n  name: [a, b\n',
  'product:\n\tname: x\n',
  'product:\n  name: a\n  name: b\n',
  'a: &x [1, 2]\nb: *x\nc: *missing\n',
  'product:\n  name: x\n   model: y\n',
  '---\na: 1\n---\nb: 2\n',
  '%YAML 1.1\n---\nyes: no\n',
  '{"product": {"id": "x", "n": 1.5e3, "t": true}}\n',
  'key: value: other\n',
  '@at: 1\n',
];

describe('the one-file copy of yaml the build makes (dist/data/yaml.bundle.cjs; run `npm run build`)', () => {
  const bundle = createRequire(import.meta.url)(join(root, 'dist', 'data', 'yaml.bundle.cjs')) as Yaml;

  it('exports what the package exports', () => {
    // `default` is the namespace's CommonJS interop, not an export of the package.
    const names = (m: object) =>
      Object.keys(m)
        .filter((k) => k !== 'default')
        .sort();
    expect(names(bundle)).toEqual(names(yamlPackage));
  });

  it('parses the examples and broken files exactly as the package does', () => {
    expect(examples.length).toBeGreaterThan(3);
    for (const text of [...examples, ...broken]) expect(parsed(bundle, text)).toBe(parsed(yamlPackage, text));
  });
});
