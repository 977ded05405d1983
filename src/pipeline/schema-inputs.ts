import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * What the device schema is built from, as the build recorded it next to the validator it
 * generated (scripts/build-validator.mjs): the modules that build it (the code reachable from
 * the schema, catalogue and composition modules) and the compiled catalogue, as paths relative
 * to the output folder, and one SHA-256 over their names and contents. While those files hash
 * the same, the schema stored with the validator is the one this code would build, and a run
 * need not build it again. Any edit to one of them (or a new import, which edits its importer)
 * changes the hash.
 */
export interface SchemaInputs {
  readonly files: readonly string[];
  readonly sha256: string;
}

/** SHA-256 over the files' relative names and contents, in the order given. */
export function hashInputs(base: URL, files: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of files)
    hash
      .update(`${file}\0`)
      .update(readFileSync(new URL(file, base)))
      .update('\0');
  return hash.digest('hex');
}

/** True when `inputs` is a recorded description whose files (below `base`) still hash the same. */
export function inputsUnchanged(base: URL, inputs: unknown): boolean {
  if (typeof inputs !== 'object' || inputs === null) return false;
  const { files, sha256 } = inputs as Partial<Record<keyof SchemaInputs, unknown>>;
  if (!Array.isArray(files) || !files.every((f) => typeof f === 'string') || typeof sha256 !== 'string') return false;
  try {
    return hashInputs(base, files) === sha256;
  } catch {
    // A file that is gone cannot be the same.
    return false;
  }
}
