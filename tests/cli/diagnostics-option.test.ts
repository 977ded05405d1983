import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/cli/exit-codes.js';
import { run } from './run.js';

/**
 * `--diagnostics text|json` is the one name for how validate, coverage and explain report; the old
 * spellings (`--report`, `--format`, `--json`) still work on each of them, with a warning.
 */
const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const LINES = fileURLToPath(new URL('../fixtures/lines/', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('--diagnostics', () => {
  // generate's --report names the per-product results file of a portfolio run (issue 11's contract).
  it('is offered by validate, coverage and explain, and the old spellings are not advertised', async () => {
    for (const command of ['validate', 'coverage', 'explain']) {
      const help = await run([command, '--help'], ROOT);
      expect(help.stdout.replace(/\s+/g, ' '), command).toMatch(
        /--diagnostics <format> how to report.*text for people, json for programs/,
      );
      for (const old of ['--json', '--format', '--report']) expect(help.stdout, `${command} ${old}`).not.toContain(old);
    }
  });

  it('validate --diagnostics json prints the JSON report and no warning', async () => {
    const r = await run(['validate', '--diagnostics', 'json', 'invalid/three-mistakes/product.yaml'], FIXTURES);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as { summary: { errors: number } };
    expect(report.summary.errors).toBe(3);
    expect(r.code).toBe(ExitCode.invalidInput);
  });

  it('validate --format json still works, and warns with the new spelling', async () => {
    const r = await run(['validate', '--format', 'json', 'invalid/three-mistakes/product.yaml'], FIXTURES);
    expect(r.stderr).toBe(
      'techfile: warning: `--format json` is deprecated and will be removed; write `--diagnostics json`\n',
    );
    expect((JSON.parse(r.stdout) as { summary: { errors: number } }).summary.errors).toBe(3);
  });

  it('coverage --json still works, and warns with the new spelling', async () => {
    const r = await run(['coverage', 'invalid/three-mistakes/product.yaml', '--json'], FIXTURES);
    expect(r.stderr.split('\n')[0]).toBe(
      'techfile: warning: `--json` is deprecated and will be removed; write `--diagnostics json`',
    );
    expect(r.code).toBe(ExitCode.invalidInput);
  });

  it('every old spelling still works on every command, with a warning naming --diagnostics', async () => {
    const cases: [string[], string][] = [
      [['validate', 'invalid/three-mistakes/product.yaml', '--report', 'json'], '--report json'],
      [['validate', 'invalid/three-mistakes/product.yaml', '--json'], '--json'],
      [['coverage', 'invalid/three-mistakes/product.yaml', '--report', 'json'], '--report json'],
      [['coverage', 'invalid/three-mistakes/product.yaml', '--format', 'json'], '--format json'],
      [['explain', 'invalid/syntax-indent.yaml', 'product.name', '--report', 'json'], '--report json'],
      [['explain', 'invalid/syntax-indent.yaml', 'product.name', '--format', 'json'], '--format json'],
      [['explain', 'invalid/syntax-indent.yaml', 'product.name', '--json'], '--json'],
    ];
    for (const [args, typed] of cases) {
      const r = await run(args, FIXTURES);
      expect(r.stderr.split('\n')[0], args.join(' ')).toBe(
        `techfile: warning: \`${typed}\` is deprecated and will be removed; write \`--diagnostics json\``,
      );
      // The same output as the new spelling (coverage of a file with errors prints only diagnostics).
      const now = await run(
        [...args.slice(0, args.indexOf(typed.split(' ')[0] ?? '')), '--diagnostics', 'json'],
        FIXTURES,
      );
      expect({ stdout: r.stdout, code: r.code }, args.join(' ')).toEqual({ stdout: now.stdout, code: now.code });
    }
  });

  it('lets --diagnostics win over an old spelling given too', async () => {
    const r = await run(
      ['validate', '--report', 'json', '--diagnostics', 'text', 'invalid/three-mistakes/product.yaml'],
      FIXTURES,
    );
    expect(r.stderr).toContain('(`--diagnostics text` given too: it wins)');
    expect(r.stdout).toContain('1 file checked: 0 valid, 1 with errors');
  });

  it('refuses a format that is neither text nor json', async () => {
    const r = await run(['validate', '--diagnostics', 'xml', 'invalid/three-mistakes/product.yaml'], FIXTURES);
    expect(r.code).toBe(ExitCode.usage);
    expect(r.stderr).toContain('Allowed choices are text, json');
  });

  it('explain --diagnostics json gives the value, where each leaf was written and the chain', async () => {
    const r = await run(['explain', 'chain/x2.yaml', 'support_period', '--diagnostics', 'json'], LINES);
    expect(r.code).toBe(ExitCode.ok);
    const json = JSON.parse(r.stdout) as {
      field: string;
      value: Record<string, string>;
      sources: { field: string; file: string; line: number }[];
      chain: string[];
    };
    expect(json.field).toBe('support_period');
    expect(json.value['start_date']).toBe('2026-01-01');
    expect(json.sources).toContainEqual({
      field: 'support_period.start_date',
      file: 'chain/base.yaml',
      line: 12,
      column: 15,
    });
    expect(json.chain).toEqual(['chain/x2.yaml', 'chain/line.yaml', 'chain/base.yaml']);
  });

  it('explain --diagnostics json prints the diagnostics of a file that cannot be read as JSON', async () => {
    const r = await run(['explain', 'invalid/syntax-indent.yaml', 'product.name', '--diagnostics', 'json'], FIXTURES);
    expect(r.code).toBe(ExitCode.invalidInput);
    const json = JSON.parse(r.stdout) as { diagnostics: { code: string; file: string }[] };
    expect(json.diagnostics.some((d) => d.code === 'data/syntax' && d.file === 'invalid/syntax-indent.yaml')).toBe(
      true,
    );
  });
});
