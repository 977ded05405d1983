import { fileURLToPath } from 'node:url';
import type { InheritHost } from '../../src/data/inherit.js';
import { nodeHost } from '../../src/data/node-host.js';

export const LINES = fileURLToPath(new URL('../fixtures/lines/', import.meta.url));
export const INVALID = fileURLToPath(new URL('../fixtures/invalid/', import.meta.url));

/** A host rooted at a fixture folder; shown paths are relative to it. */
export function fixtureHost(root: string): InheritHost {
  return nodeHost(root, root);
}

/** An in-memory host: file name → text, rooted at `/project`. */
export function memoryHost(files: Record<string, string>, root = '/project'): InheritHost {
  return {
    projectRoot: root,
    readFile: (path) => files[path],
    displayPath: (path) => (path.startsWith(`${root}/`) ? path.slice(root.length + 1) : path),
  };
}
