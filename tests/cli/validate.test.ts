import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/cli/exit-codes.js';
import { run } from './run.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

describe('techfile validate', () => {
  it('reports the three mistakes, each with file:line:col, and exits 3', async () => {
    const r = await run(['validate', 'invalid/three-mistakes/product.yaml'], FIXTURES);
    expect(r.code).toBe(ExitCode.invalidInput);
    const heads = r.stdout.split('\n').filter((l) => /: error\[/.test(l));
    expect(heads).toEqual([
      expect.stringMatching(/^invalid\/three-mistakes\/line\.yaml:10:15: error\[data\/invalid-date\]/),
      expect.stringMatching(/^invalid\/three-mistakes\/product\.yaml:9:3: error\[data\/unknown-field\]/),
      expect.stringMatching(/^invalid\/three-mistakes\/product\.yaml:12:17: error\[data\/invalid-value\]/),
    ]);
    expect(r.stdout).toContain('  = field: support_period.start_date');
    expect(r.stdout).toContain('  = inherited: invalid/three-mistakes/product.yaml → invalid/three-mistakes/line.yaml');
    expect(r.stdout).toContain('  = hint: did you mean `name`?');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('1 file checked: 0 valid, 1 with errors (3 errors, 0 warnings)');
  });

  it('prints what the README shows as its example of error messages', async () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### Error messages'));
    const shown = /```\n([\s\S]*?)```/.exec(section)?.[1];
    expect(shown).toBeDefined();
    const r = await run(['validate', 'tests/fixtures/invalid/three-mistakes/product.yaml'], root);
    expect(r.stdout.startsWith(shown ?? '-')).toBe(true);
  });

  it('shows paths relative to the working directory, however the file was named', async () => {
    const r = await run(['validate', join(FIXTURES, 'invalid/bad-id.yaml')], join(FIXTURES, 'invalid'));
    expect(r.stdout).toMatch(/^bad-id\.yaml:3:7: error\[data\/invalid-value\]/);
  });

  it('searches folders and exits 0 when all files are valid', async () => {
    const r = await run(['validate', 'lines/chain', 'lines/idmerge'], FIXTURES);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(ExitCode.ok);
    expect(r.stdout).toBe('6 files checked: 6 valid, 0 with errors (0 errors, 0 warnings)\n');
  });

  it('reports a parent mistake once even when several children inherit it', async () => {
    const r = await run(['validate', 'invalid/three-mistakes'], FIXTURES);
    expect(r.stdout.match(/error\[data\/invalid-date\]/g)).toHaveLength(1);
    expect(r.stdout).toContain('2 files checked: 0 valid, 2 with errors (3 errors, 0 warnings)');
  });

  it('writes JSON with one entry per diagnostic', async () => {
    const r = await run(['validate', '--diagnostics', 'json', 'invalid/three-mistakes/product.yaml'], FIXTURES);
    const report = JSON.parse(r.stdout) as {
      files: Array<{ file: string; valid: boolean }>;
      diagnostics: Array<{ code: string; file: string; line: number; column: number; fieldPath: string }>;
      summary: { errors: number };
    };
    expect(report.files).toEqual([
      { file: 'invalid/three-mistakes/product.yaml', abstract: false, valid: false, errors: 3, warnings: 0 },
    ]);
    expect(report.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.fieldPath}`)).toEqual([
      'invalid/three-mistakes/line.yaml:10:15 support_period.start_date',
      'invalid/three-mistakes/product.yaml:9:3 product.nmae',
      'invalid/three-mistakes/product.yaml:12:17 regulatory.markets[1]',
    ]);
    expect(r.code).toBe(ExitCode.invalidInput);
  });

  describe('in a project folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'techfile-cli-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const device = 'product:\n  id: a\n  name: A\nmanufacturer:\n  name: M\n';
    mkdirSync(join(dir, 'node_modules/x'), { recursive: true });
    mkdirSync(join(dir, '.git'), { recursive: true });
    mkdirSync(join(dir, 'devices/sub'), { recursive: true });
    writeFileSync(join(dir, 'node_modules/x/device.yaml'), 'product: [broken\n');
    writeFileSync(join(dir, '.git/device.yaml'), 'product: [broken\n');
    writeFileSync(join(dir, 'package.json'), '{ "name": "not-a-device" }\n');
    writeFileSync(join(dir, 'devices/b.yml'), device);
    writeFileSync(join(dir, 'devices/sub/a.json'), JSON.stringify({ product: { id: 'b', nmae: 'B' } }, null, 2));

    it('checks device files only, skipping node_modules, dot folders and other JSON', async () => {
      const r = await run(['validate', '.'], dir);
      expect(r.code).toBe(ExitCode.invalidInput);
      expect(r.stdout).toMatch(/^devices\/sub\/a\.json:4:5: error\[data\/unknown-field\]/m);
      expect(r.stdout).not.toContain('node_modules');
      expect(r.stdout).not.toContain('.git');
      expect(r.stdout).toContain('2 files checked: 1 valid, 1 with errors (');
    });

    it('reports a second valid product with the same id, as generate would', async () => {
      mkdirSync(join(dir, 'twins'), { recursive: true });
      writeFileSync(join(dir, 'twins/one.yaml'), device);
      writeFileSync(join(dir, 'twins/two.yaml'), device);
      const r = await run(['validate', 'twins'], dir);
      expect(r.code).toBe(ExitCode.invalidInput);
      expect(r.stdout).toMatch(
        /^twins\/two\.yaml:2:7: error\[generate\/duplicate-product-id\]: product id `a` is also used by twins\/one\.yaml/m,
      );
      expect(r.stdout).toContain('2 files checked: 1 valid, 1 with errors (1 error, 0 warnings)');
      // Each alone is valid.
      expect((await run(['validate', 'twins/two.yaml'], dir)).code).toBe(ExitCode.ok);
    });

    it('refuses a folder without device files as a usage error', async () => {
      mkdirSync(join(dir, 'empty'), { recursive: true });
      const r = await run(['validate', 'empty'], dir);
      expect(r.code).toBe(ExitCode.usage);
      expect(r.stderr).toContain('no device files found in empty');
    });
  });
});
