import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

let counter = 0;

/**
 * Writes a file so that it either appears complete or not at all: the bytes go to a
 * temporary name beside the target, then one rename replaces the target. An
 * interrupted run leaves no partial document a writer could mistake for a real one.
 */
export function writeFileAtomic(path: string, bytes: Uint8Array): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  counter += 1;
  const temp = join(dir, `.${basename(path)}.techfile-tmp-${process.pid}-${counter}`);
  try {
    writeFileSync(temp, bytes);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
