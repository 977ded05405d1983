// The files the device schema is built from, for scripts/build-validator.mjs: the compiled
// modules reachable by relative imports from the modules that build it, and the compiled
// catalogue. See src/pipeline/schema-inputs.ts for how a run checks them.
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));

/** Relative `import … from './x.js'`, `export … from`, `import('./x.js')` of a compiled module. */
function relativeImports(file) {
  const text = readFileSync(file, 'utf8');
  const found = [...text.matchAll(/(?:from\s*|import\s*\(\s*|import\s*)['"](\.{1,2}\/[^'"]+)['"]/g)];
  return found.map((m) => join(dirname(file), m[1]));
}

export function schemaInputFiles() {
  // pipeline/device-schema.js composes them and is an input itself (pipeline/default-schema.js,
  // which picks the stored schema or that one, does not shape it).
  const entries = ['schema/device-schema.js', 'regulatory/catalogue.js', 'pipeline/catalogue.js'];
  const seen = new Set();
  const queue = entries.map((e) => join(dist, e));
  while (queue.length > 0) {
    const file = queue.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...relativeImports(file));
  }
  const files = [...seen].map((f) => relative(dist, f).split('\\').join('/'));
  return [...files, 'pipeline/device-schema.js', 'regulatory/clauses.json'].sort();
}
