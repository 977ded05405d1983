import { spawn, spawnSync } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * Portfolio runs through the built CLI (dist/, built by `npm install`): worker threads exist
 * only there. A small portfolio: two product lines (abstract parents) of two products each.
 */
const CLI = join(import.meta.dirname, '../../dist/cli/main.js');
const built = existsSync(CLI);
if (!built) console.warn('SKIPPED: dist/cli/main.js is missing; run `npm run build` for the portfolio tests');

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

const LINE = (name: string): string =>
  [
    'abstract: true',
    'product:',
    `  name: ${name}`,
    'manufacturer:',
    '  name: Example GmbH',
    'regulatory:',
    '  markets: [EU]',
    '  medical_device: { regulation: MDR, class: IIa, notified_body: { name: "NB", number: "0123" } }',
    '  legal_basis: [MDR]',
    '  ai_act: { ai_system: false }',
    'documents:',
    '  defaults: { author: "A", approver: "B", version: "1.0", date: 2026-11-02 }',
    '',
  ].join('\n');

const PRODUCTS = ['a1', 'a2', 'b1', 'b2'];

function portfolio(extra: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'techfile-portfolio-'));
  roots.push(root);
  const files: Record<string, string> = {
    'p/lines/a.yaml': LINE('Line A'),
    'p/lines/b.yaml': LINE('Line B'),
    ...extra,
  };
  for (const id of PRODUCTS)
    files[`p/${id}.yaml`] =
      `extends: ./lines/${id[0]}.yaml\nproduct:\n  id: ${id}\n  name: Product ${id.toUpperCase()}\n`;
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const ARGS = ['generate', 'p', '--doc', 'decommissioning', '--format', 'docx'];
/** A product's files: the document and its traceability record, in each format. */
const docs = (id: string, formats: readonly string[] = ['docx']): string[] =>
  formats.flatMap((f) => [`${id}/decommissioning.${f}`, `${id}/decommissioning.traceability.${f}`]).sort();

function cli(root: string, args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 600_000,
    killSignal: 'SIGKILL',
    env: { ...process.env, TECHFILE_DEBUG: '' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Report {
  products: {
    product: string;
    status: string;
    written: string[];
    skipped: string[];
    diagnostics: { errors: number; warnings: number };
    tbd: number;
  }[];
  totals: Record<string, number>;
}
const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
const statusOf = (report: Report): Record<string, string> =>
  Object.fromEntries(report.products.map((p) => [p.product, p.status]));
const files = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .map((p) => p.split('\\').join('/'))
        .sort()
    : [];
const outputs = (dir: string): string[] => files(dir).filter((f) => /\.(docx|pdf)$/.test(f));
/** stdout without the elapsed time of the summary, the one thing allowed to differ between runs. */
const stable = (stdout: string): string => stdout.replace(/; [\d.]+ s\n/g, '\n');

describe.skipIf(!built)('techfile generate on a portfolio', () => {
  it('skips unchanged products, rebuilds exactly the line whose parent changed, a missing file, and everything with --force', () => {
    const root = portfolio();
    const first = cli(root, [...ARGS, '--out', 'out', '--jobs', '1', '--report', 'r1.json']);
    expect(first.status, first.stderr).toBe(0);
    const r1 = readJson<Report>(join(root, 'r1.json'));
    expect(statusOf(r1)).toEqual({ a1: 'ok', a2: 'ok', b1: 'ok', b2: 'ok' });
    for (const p of r1.products) expect(p.written).toEqual(docs(p.product));
    expect(r1.totals['written']).toBe(8);

    const manifest = readJson<{
      products: Record<string, { inputs: Record<string, string>; outputs: Record<string, string> }>;
    }>(join(root, 'out', 'manifest.json'));
    expect(Object.keys(manifest.products).sort()).toEqual(PRODUCTS);
    expect(Object.keys(manifest.products['a1']?.inputs ?? {})).toEqual(
      expect.arrayContaining(['p/a1.yaml', 'p/lines/a.yaml']),
    );
    expect(Object.keys(manifest.products['a1']?.inputs ?? {})).not.toContain('p/lines/b.yaml');
    expect(Object.keys(manifest.products['a1']?.inputs ?? {}).some((k) => k.endsWith('.md'))).toBe(true);
    // No PDF, no font among the inputs (a font update must not rebuild DOCX files).
    expect(Object.keys(manifest.products['a1']?.inputs ?? {}).some((k) => k.endsWith('.ttf'))).toBe(false);
    const before = Object.fromEntries(outputs(join(root, 'out')).map((f) => [f, readFileSync(join(root, 'out', f))]));

    const second = cli(root, [...ARGS, '--out', 'out', '--report', 'r2.json']);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).not.toMatch(/^wrote /m);
    expect(second.stdout).toContain('8 skipped as unchanged');
    expect(statusOf(readJson<Report>(join(root, 'r2.json')))).toEqual({
      a1: 'unchanged',
      a2: 'unchanged',
      b1: 'unchanged',
      b2: 'unchanged',
    });
    for (const [f, bytes] of Object.entries(before))
      expect(readFileSync(join(root, 'out', f)).equals(bytes), f).toBe(true);

    appendFileSync(join(root, 'p', 'lines', 'b.yaml'), '# the line changed\n');
    unlinkSync(join(root, 'out', 'a2', 'decommissioning.docx'));
    const third = cli(root, [...ARGS, '--out', 'out', '--report', 'r3.json']);
    expect(third.status, third.stderr).toBe(0);
    expect(statusOf(readJson<Report>(join(root, 'r3.json')))).toEqual({
      a1: 'unchanged',
      a2: 'ok',
      b1: 'ok',
      b2: 'ok',
    });

    const forced = cli(root, [...ARGS, '--out', 'out', '--force', '--report', 'r4.json']);
    expect(forced.status, forced.stderr).toBe(0);
    expect(statusOf(readJson<Report>(join(root, 'r4.json')))).toEqual({ a1: 'ok', a2: 'ok', b1: 'ok', b2: 'ok' });
    expect(forced.stdout.split('\n').filter((l) => l.startsWith('wrote '))).toHaveLength(8);
  });

  it('writes the same bytes and the same diagnostics with --jobs 1 and --jobs 2', () => {
    // c1 is invalid: both runs have diagnostics to print, and must print them alike.
    const root = portfolio({ 'p/c1.yaml': 'extends: ./lines/a.yaml\nproduct:\n  id: c1\n  name: [not, a, name]\n' });
    const one = cli(root, [...ARGS, '--out', 'one', '--jobs', '1']);
    const two = cli(root, [...ARGS, '--out', 'two', '--jobs', '2']);
    expect(one.status).toBe(3);
    expect(two.status).toBe(one.status);
    expect(two.stderr).toBe(one.stderr);
    expect(stable(two.stdout.replaceAll('two/', 'one/'))).toBe(stable(one.stdout));
    expect(outputs(join(root, 'two'))).toEqual(outputs(join(root, 'one')));
    expect(outputs(join(root, 'one'))).toEqual(PRODUCTS.flatMap((id) => docs(id)).sort());
    for (const f of outputs(join(root, 'one')))
      expect(readFileSync(join(root, 'two', f)).equals(readFileSync(join(root, 'one', f))), f).toBe(true);
    expect(readFileSync(join(root, 'two', 'manifest.json'), 'utf8')).toBe(
      readFileSync(join(root, 'one', 'manifest.json'), 'utf8'),
    );
  });

  it('isolates a failing product: the others are written, the report says which failed, the exit code says some failed', () => {
    const root = portfolio({ 'p/c1.yaml': 'extends: ./lines/a.yaml\nproduct:\n  id: c1\n  name: [not, a, name]\n' });
    const r = cli(root, [...ARGS, '--out', 'out', '--report', 'report.json']);
    expect(r.status).toBe(3);
    const report = readJson<Report>(join(root, 'report.json'));
    const failed = report.products.filter((p) => p.status === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]?.diagnostics.errors).toBeGreaterThan(0);
    expect(report.totals).toMatchObject({ products: 5, ok: 4, failed: 1, written: 8 });
    expect(outputs(join(root, 'out'))).toEqual(PRODUCTS.flatMap((id) => docs(id)).sort());
    expect(Object.keys(readJson<{ products: object }>(join(root, 'out', 'manifest.json')).products).sort()).toEqual(
      PRODUCTS,
    );
  });

  it('counts the TBDs of the documents --final refused, so the summary says why nothing was written', () => {
    const root = portfolio();
    const draft = cli(root, [...ARGS, '--out', 'draft', '--jobs', '1', '--report', 'draft.json']);
    expect(draft.status, draft.stderr).toBe(0);
    const tbd = readJson<Report>(join(root, 'draft.json')).totals['tbd'] ?? 0;
    expect(tbd).toBeGreaterThan(0);
    const final = cli(root, [...ARGS, '--final', '--out', 'final', '--jobs', '1', '--report', 'final.json']);
    expect(final.status).not.toBe(0);
    const report = readJson<Report>(join(root, 'final.json'));
    expect(report.totals['written']).toBe(0);
    expect(report.totals['tbd']).toBe(tbd);
    expect(final.stdout).toContain(`; ${String(tbd)} TBD;`);
  });

  it('counts the warnings reported when a device file was loaded in its product, built or unchanged', () => {
    // MDR device whose legal basis omits the MDR: a load warning (data/legal-basis-inconsistent).
    const root = portfolio({
      'p/w1.yaml':
        'extends: ./lines/a.yaml\nproduct:\n  id: w1\n  name: Product W\nregulatory:\n  legal_basis: [NIS2]\n',
    });
    for (const run of ['first', 'rerun']) {
      const r = cli(root, [...ARGS, '--out', 'out', '--jobs', '1', '--report', `${run}.json`]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toContain('data/legal-basis-inconsistent');
      const report = readJson<Report>(join(root, `${run}.json`));
      const w1 = report.products.find((p) => p.product === 'w1');
      expect(w1?.status).toBe(run === 'first' ? 'ok' : 'unchanged');
      expect(w1?.diagnostics.warnings).toBe(1);
      expect(report.totals['warnings']).toBe(1);
      expect(r.stdout).toContain('; 1 warning(s);');
    }
  });

  it('records the fonts a PDF embeds among the inputs, each with its hash', () => {
    const root = portfolio();
    const run = cli(root, ['generate', 'p/a1.yaml', '--doc', 'decommissioning', '--format', 'pdf', '--out', 'out']);
    expect(run.status, run.stderr).toBe(0);
    const manifest = readJson<{ products: Record<string, { inputs: Record<string, string> }> }>(
      join(root, 'out', 'manifest.json'),
    );
    const fonts = Object.entries(manifest.products['a1']?.inputs ?? {}).filter(([k]) => k.endsWith('.ttf'));
    expect(fonts.map(([k]) => k.split('/').pop())).toEqual(
      expect.arrayContaining(['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf']),
    );
    expect(new Set(fonts.map(([, sha]) => sha)).size).toBe(fonts.length);
  });

  it('splits a portfolio into shards whose merged manifest is that of the whole run', () => {
    const root = portfolio();
    const whole = cli(root, [...ARGS, '--out', 'whole', '--jobs', '1']);
    const s1 = cli(root, [...ARGS, '--out', 's1', '--shard', '1/2']);
    const s2 = cli(root, [...ARGS, '--out', 's2', '--shard', '2/2']);
    for (const r of [whole, s1, s2]) expect(r.status, r.stderr).toBe(0);
    const in1 = outputs(join(root, 's1'));
    const in2 = outputs(join(root, 's2'));
    expect(in1.filter((f) => in2.includes(f))).toEqual([]);
    expect([...in1, ...in2].sort()).toEqual(outputs(join(root, 'whole')));
    const merged = cli(root, ['manifest', 'merge', 's1/manifest.json', 's2/manifest.json', '--out', 'merged.json']);
    expect(merged.status, merged.stderr).toBe(0);
    expect(readFileSync(join(root, 'merged.json'), 'utf8')).toBe(
      readFileSync(join(root, 'whole', 'manifest.json'), 'utf8'),
    );
    expect(cli(root, [...ARGS, '--out', 's3', '--shard', '3/2']).status).toBe(2);
  });

  it('kill -9 of the run: the rerun completes the portfolio and leaves no temporary file', async () => {
    const root = portfolio();
    const out = join(root, 'out');
    await new Promise<void>((resolve) => {
      const child = spawn(process.execPath, [CLI, ...ARGS, '--format', 'docx,pdf', '--out', 'out', '--jobs', '2'], {
        cwd: root,
        stdio: 'ignore',
        timeout: 600_000,
        killSignal: 'SIGKILL',
      });
      const timer = setInterval(() => {
        // Killed as soon as the first product is written: the others are unfinished.
        if (files(out).some((f) => f.endsWith('.docx'))) child.kill('SIGKILL');
      }, 20);
      child.on('exit', () => {
        clearInterval(timer);
        resolve();
      });
    });
    const rerun = cli(root, [...ARGS, '--format', 'docx,pdf', '--out', 'out']);
    expect(rerun.status, rerun.stderr).toBe(0);
    expect(files(out).filter((f) => f.includes('techfile-tmp'))).toEqual([]);
    const expected = PRODUCTS.flatMap((id) => docs(id, ['docx', 'pdf'])).sort();
    expect(outputs(out)).toEqual(expected);
    for (const f of outputs(out)) {
      const bytes = readFileSync(join(out, f));
      if (f.endsWith('.docx')) expect(() => unzipSync(bytes), f).not.toThrow();
      else expect(bytes.subarray(-8).toString('latin1'), f).toMatch(/%%EOF\s*$/);
    }
    expect(Object.keys(readJson<{ products: object }>(join(out, 'manifest.json')).products).sort()).toEqual(PRODUCTS);
  });
});
