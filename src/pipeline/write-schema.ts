import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { clausesByEveryField } from '../regulatory/catalogue.js';
import { schemaJson } from '../schema/emit.js';
import { fieldMapMarkdown } from '../schema/field-map.js';
import { loadCatalogue } from './catalogue.js';

/**
 * Regenerates the committed schema artefacts: src/schema/device.schema.json (the file editors
 * point `$schema` at) and docs/field-map.md. Run after a build: `node dist/pipeline/write-schema.js`.
 * Both src/pipeline and dist/pipeline sit two levels below the repository root, so the same
 * relative addresses work from either.
 */
export function schemaFileUrl(): URL {
  return new URL('../../src/schema/device.schema.json', import.meta.url);
}

export function fieldMapFileUrl(): URL {
  return new URL('../../docs/field-map.md', import.meta.url);
}

/** Writes both files; returns their paths. */
export function writeSchemaFiles(): string[] {
  const clauseIds = clausesByEveryField(loadCatalogue());
  const targets: [URL, string][] = [
    [schemaFileUrl(), schemaJson(clauseIds)],
    [fieldMapFileUrl(), fieldMapMarkdown(clauseIds)],
  ];
  return targets.map(([target, text]) => {
    writeFileSync(target, text);
    return fileURLToPath(target);
  });
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const path of writeSchemaFiles()) console.log(`wrote ${path}`);
}
