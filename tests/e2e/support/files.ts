import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseDocument } from 'yaml';

/** Files below `dir`, relative to it with `/`, sorted. */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
      // The run's manifest.json (inputs and hashes of the documents) is not a document.
      .filter((f) => f !== 'manifest.json')
      .sort()
  );
}

export function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/**
 * Sets values in a YAML file through the yaml library (comments and layout kept), the way a
 * writer would edit one line. Keys are data paths as arrays: ['documents', 'defaults', 'date'].
 */
export function editYaml(path: string, edits: readonly (readonly [readonly (string | number)[], unknown])[]): void {
  const doc = parseDocument(readFileSync(path, 'utf8'));
  for (const [keys, value] of edits) doc.setIn(keys, value);
  writeFileSync(path, String(doc));
}
