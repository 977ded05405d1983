import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/cli/exit-codes.js';

/**
 * The installed bin as a user's shell starts it: a separate process, so it lives in the e2e
 * tier (tests/cli/program.test.ts runs the same program in-process). Only when a build exists
 * (npm ci builds through `prepare`); under CI a missing build is a failure.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'tests/fixtures');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const bin = join(ROOT, 'dist/cli/main.js');
const built = existsSync(bin);
if (!built && process.env['CI'] === 'true')
  throw new Error('CI=true but dist/cli/main.js is missing: run npm run build');
if (!built) console.warn('skipped: dist/cli/main.js not built (run `npm run build` to test the executable)');

/** The timeout guards against a hung process only, not a speed expectation. */
const node = (args: readonly string[], cwd: string) =>
  spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 600_000, killSignal: 'SIGKILL' });

describe('techfile program', () => {
  it.runIf(built)('runs as the built executable with the same exit codes', () => {
    const version = node(['--version'], ROOT);
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toBe(VERSION);
    const invalid = node(['validate', 'invalid/three-mistakes/product.yaml'], FIXTURES);
    expect(invalid.status).toBe(ExitCode.invalidInput);
    expect(invalid.stdout).toContain('(3 errors, 0 warnings)');
  });
});
