import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { errnoText } from '../source/read-file.js';

/**
 * `mkdir -p` that cannot loop: Node's recursive mkdir spins forever on some paths (under
 * /proc, mkdir answers ENOENT although the parent exists). Finds the nearest existing
 * ancestor, then creates each missing level once; any error is thrown to the caller.
 */
export function makeDirectory(dir: string): void {
  const missing: string[] = [];
  let at = dir;
  for (;;) {
    try {
      if (!statSync(at).isDirectory()) throw Object.assign(new Error(`not a folder: ${at}`), { code: 'ENOTDIR' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      const parent = dirname(at);
      if (parent === at) break;
      missing.push(at);
      at = parent;
    }
  }
  for (const level of missing.reverse()) {
    try {
      mkdirSync(level);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/**
 * Creates the output folder and checks that a file can be written in it (a probe file named
 * with the process id, removed at once): the problem as text, or undefined.
 */
export function prepareOutputDir(outDir: string, pid: number): string | undefined {
  try {
    makeDirectory(outDir);
    const probe = join(outDir, `.techfile-probe-${pid}`);
    writeFileSync(probe, '');
    rmSync(probe, { force: true });
    return undefined;
  } catch (error) {
    return errnoText(error);
  }
}
