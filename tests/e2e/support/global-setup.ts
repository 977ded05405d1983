import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A folder shared by every e2e test file of this run (see support/generated.ts). */
    e2eSharedDir: string;
  }
}

/**
 * Creates the folder in which the first e2e test file that needs the generated examples
 * generates them, for every other file to read (test files run in separate workers). Nothing is
 * generated here, so a run of one e2e file that does not need the examples stays short.
 */
export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'techfile-e2e-shared-'));
  project.provide('e2eSharedDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
