import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCase, device, expectCleanOutput } from './corpus.js';

/*
 * What only a real process shows: kill -9 between write and rename, signals, and worker
 * threads (--jobs). These run the built CLI (dist/, built by `npm install`).
 */
const CLI = join(import.meta.dirname, '../../dist/cli/main.js');
const built = existsSync(CLI);
if (!built && process.env['CI'] === 'true')
  throw new Error('CI=true but dist/cli/main.js is missing: run npm run build');
if (!built) console.warn('SKIPPED: dist/cli/main.js is missing; run `npm run build` for the process tests');

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

function project(count: number): string {
  const root = mkdtempSync(join(tmpdir(), 'techfile-process-'));
  roots.push(root);
  for (let i = 0; i < count; i++) buildCase(root, { [`p/d${i}.yaml`]: device('', `product-${i}`) });
  return root;
}

const entries = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }) : [];
const temps = (dir: string): string[] => entries(dir).filter((e) => e.includes('techfile-tmp'));

function cli(args: readonly string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 600_000,
    killSignal: 'SIGKILL',
    env: { ...process.env, TECHFILE_DEBUG: '' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every output file is whole: DOCX packages unzip, PDFs end with %%EOF. */
function expectComplete(out: string): void {
  for (const e of entries(out)) {
    const path = join(out, e);
    if (e.endsWith('.docx')) expect(() => unzipSync(readFileSync(path)), e).not.toThrow();
    if (e.endsWith('.pdf')) expect(readFileSync(path).subarray(-8).toString('latin1'), e).toMatch(/%%EOF\s*$/);
  }
}

/**
 * Starts generate and SIGKILLs it the moment a temporary file appears (between write and
 * rename). Returns whether a temporary file was left behind by the killed process.
 */
function killDuringWrite(root: string, out: string): Promise<boolean> {
  mkdirSync(out, { recursive: true });
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [CLI, 'generate', 'p', '--out', out, '--jobs', '1', '--doc', 'decommissioning'],
      { cwd: root, stdio: 'ignore', timeout: 600_000, killSignal: 'SIGKILL' },
    );
    const watchers = new Map<string, ReturnType<typeof watch>>();
    const onEvent = (dir: string) => (_event: string, name: string | Buffer | null) => {
      const n = String(name ?? '');
      if (n.includes('techfile-tmp')) child.kill('SIGKILL');
      const sub = join(dir, n);
      if (!n.startsWith('.') && !watchers.has(sub) && existsSync(sub) && !n.includes('.')) {
        try {
          watchers.set(sub, watch(sub, onEvent(sub)));
        } catch {
          // The folder went away again: nothing to watch.
        }
      }
    };
    watchers.set(out, watch(out, onEvent(out)));
    child.on('exit', () => {
      for (const w of watchers.values()) w.close();
      resolve(temps(out).length > 0);
    });
  });
}

describe.skipIf(!built)('a killed or interrupted run', () => {
  it('kill -9 between write and rename: the next run removes the temporary file and writes every file whole', async () => {
    const root = project(2);
    const out = join(root, 'out');
    let leftOver = false;
    for (let attempt = 0; attempt < 5 && !leftOver; attempt++) {
      rmSync(out, { recursive: true, force: true });
      leftOver = await killDuringWrite(root, out);
    }
    // The kill landed between write and rename at least once, so the rerun has something to clean.
    expect(leftOver).toBe(true);
    expectComplete(out);
    const r = cli(['generate', 'p', '--out', out, '--jobs', '1', '--doc', 'decommissioning'], root);
    expectCleanOutput(r.stdout + r.stderr);
    expect(r.status, r.stderr).toBe(0);
    expect(temps(out)).toEqual([]);
    expectComplete(out);
    expect(entries(out).filter((e) => /\.(docx|pdf)$/.test(e)).length).toBeGreaterThanOrEqual(4);
  });

  it('SIGTERM stops the run with 143 and leaves no temporary file', async () => {
    const root = project(2);
    const out = join(root, 'out');
    mkdirSync(out);
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, [CLI, 'generate', 'p', '--out', out, '--jobs', '1'], {
        cwd: root,
        stdio: 'ignore',
        timeout: 600_000,
        killSignal: 'SIGKILL',
      });
      const w = watch(out, () => {
        w.close();
        child.kill('SIGTERM');
      });
      child.on('exit', (c) => resolve(c));
    });
    expect(code).toBe(143);
    expect(temps(out)).toEqual([]);
    expectComplete(out);
  });

  it('--jobs 2 reports failing products like one-by-one runs, without an unhandled rejection', async () => {
    const root = project(0);
    buildCase(root, {
      'p/a.yaml': device('network:\n  diagrams:\n    - { id: d, title: D, file: d.png }\n', 'prod-a'),
      'p/b.yaml': device('network:\n  diagrams:\n    - { id: d, title: D, file: d.png }\n', 'prod-b'),
      'p/d.png': { link: '/dev/zero' },
    });
    const args = ['generate', 'p', '--doc', 'secure-operation', '--format', 'docx', '--out', 'out'];
    const one = cli([...args, '--jobs', '1'], root);
    for (let i = 0; i < 2; i++) {
      const two = cli([...args, '--jobs', '2'], root);
      expectCleanOutput(two.stdout + two.stderr);
      expect(two.status).toBe(3);
      expect(two.stderr).toBe(one.stderr);
      // The summary's elapsed time is the one thing allowed to differ.
      expect(two.stdout.replace(/; [\d.]+ s\n/g, '\n')).toBe(one.stdout.replace(/; [\d.]+ s\n/g, '\n'));
    }
    expect(one.stderr).toContain('p/a.yaml:15:');
    expect(one.stderr).toContain('p/b.yaml:15:');
  });
});
