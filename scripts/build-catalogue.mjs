// The clause catalogue compiled to JSON (dist/regulatory/clauses.json), so the built tool reads
// it without parsing YAML (pipeline/catalogue.ts). The YAML stays the source writers edit.
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';

export function buildCatalogue() {
  const source = new URL('../src/regulatory/clauses.yaml', import.meta.url);
  const target = new URL('../dist/regulatory/clauses.json', import.meta.url);
  writeFileSync(target, `${JSON.stringify(parse(readFileSync(source, 'utf8')))}\n`);
}
