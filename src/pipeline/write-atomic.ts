import { closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { makeDirectory } from './make-dir.js';

let counter = 0;

/** Temporary files this process has open right now (removed on SIGINT/SIGTERM). */
const pending = new Set<string>();

/** `.<name>.techfile-tmp-<pid>-<n>`: the temporary name of an output file being written. */
export const TEMP_PATTERN = /^\..+\.techfile-tmp-(\d+)-\d+$/;

/**
 * Writes a file so that it either appears complete or not at all: the bytes go to a
 * temporary name beside the target, are flushed to the disk (fsync), then one rename
 * replaces the target. An interrupted run leaves no partial document a writer could
 * mistake for a real one; a killed run may leave a temporary file, which the next run
 * in that folder removes (removeStaleTemps).
 */
export function writeFileAtomic(path: string, bytes: Uint8Array): void {
  const dir = dirname(path);
  makeDirectory(dir);
  counter += 1;
  const temp = join(dir, `.${basename(path)}.techfile-tmp-${process.pid}-${counter}`);
  pending.add(temp);
  try {
    const fd = openSync(temp, 'wx', 0o644);
    try {
      let offset = 0;
      while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
    syncFolder(dir);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  } finally {
    pending.delete(temp);
  }
}

/** The rename itself is durable only once the folder is flushed (not possible everywhere). */
function syncFolder(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some file systems refuse fsync on a folder; the file itself was flushed.
  }
}

/** Removes this process's temporary files (a signal handler calls it before exiting). */
export function removePendingTemps(): void {
  for (const temp of pending) rmSync(temp, { force: true });
  pending.clear();
}

/**
 * Removes temporary files left in `dir` and its product folders by runs that were killed
 * (`kill -9`, power loss): a file whose writing process no longer runs. Returns them.
 */
export function removeStaleTemps(dir: string, isRunning: (pid: number) => boolean = processRunning): string[] {
  const removed: string[] = [];
  const scan = (folder: string, depth: number): void => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const full = join(folder, e.name);
      if (e.isDirectory() && depth > 0 && !e.name.startsWith('.')) scan(full, depth - 1);
      const m = TEMP_PATTERN.exec(e.name);
      if (e.isFile() && m && !(Number(m[1]) !== process.pid && isRunning(Number(m[1])))) {
        rmSync(full, { force: true });
        removed.push(full);
      }
    }
  };
  scan(dir, 1);
  return removed;
}

function processRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
