import { existsSync, readFileSync } from 'node:fs';
import { parseYamlText } from '../data/yaml-text.js';
import { catalogueFromRaw, type Catalogue } from '../regulatory/catalogue.js';

/**
 * The one place the bundled clause catalogue is read; everything else receives it. A build
 * compiles src/regulatory/clauses.yaml to dist/regulatory/clauses.json (scripts/build-catalogue.mjs),
 * so the tool parses no YAML for it; run from the TypeScript sources (the tests), there is no
 * JSON beside this file and the YAML is parsed instead. Both give the same value.
 */
let loaded: Catalogue | undefined;

/**
 * Makes `catalogue` (the bundled one, loaded by another thread and cloned) the one this
 * thread uses: a worker thread then never reads or parses the catalogue again.
 */
export function useLoadedCatalogue(catalogue: Catalogue): void {
  loaded = catalogue;
}

export function loadCatalogue(): Catalogue {
  loaded ??= catalogueFromRaw(readCatalogueFile());
  return loaded;
}

function readCatalogueFile(): unknown {
  const json = new URL('../regulatory/clauses.json', import.meta.url);
  if (existsSync(json)) return JSON.parse(readFileSync(json, 'utf8')) as unknown;
  // src/pipeline and dist/pipeline both sit two levels below the repository root.
  const parsed = parseYamlText(readFileSync(new URL('../../src/regulatory/clauses.yaml', import.meta.url), 'utf8'));
  if (parsed.errors.length > 0)
    throw new Error(`internal error: the bundled clause catalogue does not parse: ${parsed.errors[0]?.message ?? ''}`);
  return parsed.value;
}
