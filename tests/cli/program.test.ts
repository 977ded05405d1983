import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/cli/exit-codes.js';
import type { RegisterCommand } from '../../src/cli/program.js';
import { COMMANDS } from '../../src/cli/program.js';
import { run } from './run.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const VERSION = (JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { version: string }).version;

describe('techfile program', () => {
  it('prints the version from package.json and exits 0', async () => {
    const r = await run(['--version'], ROOT);
    expect(r).toEqual({ code: ExitCode.ok, stdout: `${VERSION}\n`, stderr: '' });
  });

  it('shows help with examples for the program and each command, exit 0', async () => {
    for (const args of [['--help'], ['validate', '--help'], ['schema', '--help'], ['explain', '--help']]) {
      const r = await run(args, ROOT);
      expect(r.code, args.join(' ')).toBe(ExitCode.ok);
      expect(r.stdout, args.join(' ')).toContain('Examples:');
      expect(r.stdout, args.join(' ')).toContain('$ techfile');
    }
  });

  it('treats command-line mistakes as usage errors (exit 2)', async () => {
    const cases = [
      ['bogus'],
      ['validate'],
      ['validate', '--format', 'xml', '.'],
      ['validate', 'no-such-file.yaml'],
      ['explain', 'x.yaml'],
    ];
    for (const args of cases) {
      const r = await run(args, FIXTURES);
      expect(r.code, args.join(' ')).toBe(ExitCode.usage);
      expect(r.stderr, args.join(' ')).not.toBe('');
      expect(r.stdout, args.join(' ')).toBe('');
    }
  });

  it('turns an unexpected exception into an internal-error report (exit 1)', async () => {
    const broken: RegisterCommand = (program) => {
      program.command('boom').action(() => {
        throw new Error('kaboom');
      });
    };
    const r = await run(['boom'], ROOT, [...COMMANDS, broken]);
    expect(r.code).toBe(ExitCode.internal);
    expect(r.stderr).toMatch(/^techfile: internal error: kaboom\n.*please report/);
  });

  it('makes adding a command a registration, visible in help', async () => {
    const extra: RegisterCommand = (program, ctx) => {
      program
        .command('hello')
        .description('say hello')
        .action(() => {
          ctx.io.stdout('hello\n');
          ctx.exit(ExitCode.template);
        });
    };
    expect((await run(['--help'], ROOT, [...COMMANDS, extra])).stdout).toContain('hello');
    expect(await run(['hello'], ROOT, [...COMMANDS, extra])).toEqual({
      code: ExitCode.template,
      stdout: 'hello\n',
      stderr: '',
    });
  });

  it('prints the device JSON Schema', async () => {
    const r = await run(['schema'], ROOT);
    expect(r.code).toBe(ExitCode.ok);
    const schema = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema['additionalProperties']).toBe(false);
    expect(Object.keys(schema['properties'] as object)).toEqual(
      expect.arrayContaining(['product', 'manufacturer', 'extends']),
    );
  });
});
