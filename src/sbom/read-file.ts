import { closeSync, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';

/** Larger files are refused: a 5,000-component SBOM is about 5 MB; 64 MB leaves room and bounds memory. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

export type ReadOutcome =
  | { readonly ok: true; readonly text: string }
  | {
      readonly ok: false;
      readonly problem: 'not-relative' | 'outside' | 'missing' | 'not-a-file' | 'too-large' | 'unreadable';
      readonly detail?: string;
    };

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/**
 * Reads a data file the device data names (an SBOM or VEX file), as UTF-8 text. The name is
 * resolved against each folder in `dirs` in turn (the device file's, then its parents'); the
 * file is taken by its real path (symbolic links followed) and must lie inside `root`, be a
 * regular file and be at most `cap` bytes. The checks run on the opened descriptor, so the
 * file cannot be swapped between check and read.
 */
export function readInputFile(name: string, dirs: readonly string[], root: string, cap = MAX_INPUT_BYTES): ReadOutcome {
  if (name.trim() === '' || isAbsolute(name) || /^[a-z][a-z0-9+.-]*:/i.test(name))
    return { ok: false, problem: 'not-relative' };
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    return { ok: false, problem: 'missing' };
  }
  let sawOutside = false;
  for (const dir of dirs) {
    let real: string;
    try {
      real = realpathSync(resolve(dir, name));
    } catch {
      continue;
    }
    if (!inside(realRoot, real)) {
      sawOutside = true;
      continue;
    }
    let fd: number;
    try {
      fd = openSync(real, 'r');
    } catch (e) {
      return { ok: false, problem: 'unreadable', detail: e instanceof Error ? e.message : String(e) };
    }
    try {
      const stat = fstatSync(fd);
      if (!stat.isFile()) return { ok: false, problem: 'not-a-file' };
      if (stat.size > cap) return { ok: false, problem: 'too-large', detail: `${stat.size} bytes` };
      const buffer = Buffer.alloc(stat.size);
      let read = 0;
      while (read < stat.size) {
        const n = readSync(fd, buffer, read, stat.size - read, read);
        if (n === 0) break;
        read += n;
      }
      return { ok: true, text: buffer.subarray(0, read).toString('utf8') };
    } catch (e) {
      return { ok: false, problem: 'unreadable', detail: e instanceof Error ? e.message : String(e) };
    } finally {
      closeSync(fd);
    }
  }
  return { ok: false, problem: sawOutside ? 'outside' : 'missing' };
}
