import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/cli/exit-codes.js';
import { run } from './run.js';

/** `--report text|json` is the one name for how every command reports; old spellings still work, with a warning. */
const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const LINES = fileURLToPath(new URL('../fixtures/lines/', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('--report', () => {
  // generate's --report names the per-product results file of a portfolio run (issue 11's contract).
  it('is offered by validate, coverage and explain, and the old spellings are not advertised', async () => {
    for (const command of ['validate', 'coverage', 'explain']) {
      const help = await run([command, '--help'], ROOT);
      expect(help.stdout.replace(/\s+/g, ' '), command).toMatch(/--report <format> how to report.*text for people, json for programs/);
      expect(help.stdout, command).not.toContain('--json');
    }
    expect((await run(['validate', '--help'], ROOT)).stdout).not.toContain('--format');
  });

  it('validate --report json prints the JSON report and no warning', async () => {
    const r = await run(['validate', '--report', 'json', 'invalid/three-mistakes/product.yaml'], FIXTURES);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as { summary: { errors: number } };
    expect(report.summary.errors).toBe(3);
    expect(r.code).toBe(ExitCode.invalidInput);
  });

  it('validate --format json still works, and warns with the new spelling', async () => {
    const r = await run(['validate', '--format', 'json', 'invalid/three-mistakes/product.yaml'], FIXTURES);
    expect(r.stderr).toBe('techfile: warning: `--format json` is deprecated and will be removed; write `--report json`\n');
    expect((JSON.parse(r.stdout) as { summary: { errors: number } }).summary.errors).toBe(3);
  });

  it('coverage --json still works, and warns with the new spelling', async () => {
    const r = await run(['coverage', 'invalid/three-mistakes/product.yaml', '--json'], FIXTURES);
    expect(r.stderr.split('\n')[0]).toBe('techfile: warning: `--json` is deprecated and will be removed; write `--report json`');
    expect(r.code).toBe(ExitCode.invalidInput);
  });

  it('lets --report win over an old spelling given too', async () => {
    const r = await run(['validate', '--format', 'json', '--report', 'text', 'invalid/three-mistakes/product.yaml'], FIXTURES);
    expect(r.stderr).toContain('(`--report text` given too: it wins)');
    expect(r.stdout).toContain('1 file checked: 0 valid, 1 with errors');
  });

  it('refuses a format that is neither text nor json', async () => {
    const r = await run(['validate', '--report', 'xml', 'invalid/three-mistakes/product.yaml'], FIXTURES);
    expect(r.code).toBe(ExitCode.usage);
    expect(r.stderr).toContain("Allowed choices are text, json");
  });

  it('explain --report json gives the value, where each leaf was written and the chain', async () => {
    const r = await run(['explain', 'chain/x2.yaml', 'support_period', '--report', 'json'], LINES);
    expect(r.code).toBe(ExitCode.ok);
    const json = JSON.parse(r.stdout) as { field: string; value: Record<string, string>; sources: { field: string; file: string; line: number }[]; chain: string[] };
    expect(json.field).toBe('support_period');
    expect(json.value['start_date']).toBe('2026-01-01');
    expect(json.sources).toContainEqual({ field: 'support_period.start_date', file: 'chain/base.yaml', line: 12, column: 15 });
    expect(json.chain).toEqual(['chain/x2.yaml', 'chain/line.yaml', 'chain/base.yaml']);
  });

  it('explain --report json prints the diagnostics of a file that cannot be read as JSON', async () => {
    const r = await run(['explain', 'invalid/syntax-indent.yaml', 'product.name', '--report', 'json'], FIXTURES);
    expect(r.code).toBe(ExitCode.invalidInput);
    const json = JSON.parse(r.stdout) as { diagnostics: { code: string; file: string }[] };
    expect(json.diagnostics.some((d) => d.code === 'data/syntax' && d.file === 'invalid/syntax-indent.yaml')).toBe(true);
  });
});
