import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { InheritHost } from './inherit.js';

/**
 * An InheritHost on the real file system. `cwd` is passed in (not read from the process)
 * so the same inputs give the same output; displayed paths are relative to it.
 */
export function nodeHost(projectRoot: string, cwd: string): InheritHost {
  return {
    projectRoot,
    readFile: (path) => {
      try {
        return readFileSync(path, 'utf8');
      } catch {
        return undefined;
      }
    },
    displayPath: (path) => relative(cwd, path) || '.',
  };
}
