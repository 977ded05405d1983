// After tsc: make the CLI entry executable so `npx techfile` and the npm bin link run it directly.
import { chmodSync, existsSync } from 'node:fs';

const bin = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(bin)) {
  console.error('post-build: dist/cli/main.js is missing; did tsc fail?');
  process.exit(1);
}
chmodSync(bin, 0o755);

// The YAML parser's files as one, loaded by dist/data/yaml-lib.js in a few ms instead of about 30.
const { buildYamlBundle } = await import('./build-yaml-bundle.mjs');
buildYamlBundle();

// The clause catalogue as JSON, read by dist/pipeline/catalogue.js.
const { buildCatalogue } = await import('./build-catalogue.mjs');
buildCatalogue();

// The device schema's validator, generated once here instead of compiled on every run.
const { buildValidator } = await import('./build-validator.mjs');
buildValidator();

// The shipped templates, compiled once here instead of on every run.
const { buildTemplates } = await import('./build-templates.mjs');
buildTemplates();

// The DOCX parts that never change, made once here instead of by the first document of a run.
const { buildStaticPartsArtefact } = await import('./build-static-parts.mjs');
await buildStaticPartsArtefact();
