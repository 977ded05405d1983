import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../helpers/clients.js';
import { listFiles, sha256 } from './support/files.js';

/**
 * Worker threads run the compiled CLI (dist/, built by `npm install`/`npm ci` through the
 * `prepare` script), so this test runs the built command. Under CI a missing build fails.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const CLI = join(ROOT, 'dist/cli/main.js');
const built = existsSync(join(ROOT, 'dist/pipeline/generate-worker.js'));
if (!built && process.env['CI'] === 'true')
  throw new Error('CI=true but dist/ is missing: npm ci must run the prepare build');
if (!built) console.warn('SKIPPED: dist/ is not built (run npm run build); the worker-pool test needs it');

const work = mkdtempSync(join(tmpdir(), 'techfile-batch-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function generate(out: string, jobs: number): { status: number; stdout: string } {
  const args = [
    CLI,
    'generate',
    'examples/radiology-ai',
    'examples/wellness-wearable',
    'examples/insulin-pump',
    '--doc',
    'decommissioning',
    '--out',
    out,
    '--jobs',
    String(jobs),
  ];
  return run('node', args, { cwd: ROOT });
}

function hashes(dir: string): Record<string, string> {
  return Object.fromEntries(listFiles(dir).map((f) => [f, sha256(join(dir, f))]));
}

describe.runIf(built)('batch generation on worker threads', () => {
  it('writes the same bytes, and reports in the same order, with one job or several', () => {
    const one = generate(join(work, 'one'), 1);
    const two = generate(join(work, 'two'), 2);
    expect(one.status).toBe(0);
    expect(two.status).toBe(0);
    const written = (stdout: string): string[] =>
      stdout
        .split('\n')
        .filter((l) => l.startsWith('wrote '))
        .map((l) => l.replace(/\/(one|two)\//, '/'));
    expect(written(two.stdout)).toEqual(written(one.stdout));
    expect(written(one.stdout).length).toBe(16);
    const first = hashes(join(work, 'one'));
    expect(Object.keys(first)).toHaveLength(16);
    expect(hashes(join(work, 'two'))).toEqual(first);
  });

  it('refuses a --jobs value that is not a positive whole number', () => {
    expect(generate(join(work, 'bad'), 0).status).toBe(2);
  });
});
