import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../cli/run.js';
import { buildCase, expectCleanOutput, VALIDATE_CASES, type HostileCase } from './corpus.js';

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

interface JsonDiagnostic {
  code: string;
  file: string | null;
  line: number | null;
  column: number | null;
  message: string;
}

async function runCase(c: HostileCase): Promise<{ code: number; diagnostics: JsonDiagnostic[]; text: string }> {
  const root = mkdtempSync(join(tmpdir(), 'techfile-hostile-'));
  roots.push(root);
  buildCase(root, c.files);
  const r = await run([c.command ?? 'validate', ...c.args, '--diagnostics', 'json'], root);
  const text = r.stdout + r.stderr;
  let diagnostics: JsonDiagnostic[] = [];
  if (r.stdout.trim().startsWith('{'))
    diagnostics = (JSON.parse(r.stdout) as { diagnostics: JsonDiagnostic[] }).diagnostics;
  return { code: r.code, diagnostics, text };
}

describe('hostile corpus: validate', () => {
  it('has at least 40 cases, each with an expected exit code', () => {
    expect(VALIDATE_CASES.length).toBeGreaterThanOrEqual(40);
  });

  for (const c of VALIDATE_CASES) {
    it(c.name, async () => {
      const r = await runCase(c);
      expectCleanOutput(r.text);
      expect(r.code, r.text.slice(0, 2000)).toBe(c.exit);
      const codes = r.diagnostics.map((d) => d.code);
      for (const absent of c.absent ?? []) expect(codes).not.toContain(absent);
      if (c.expect) {
        const found = r.diagnostics.filter((d) => d.code === c.expect!.code);
        expect(found.length, `${c.expect.code} in ${codes.join(', ')}`).toBeGreaterThan(0);
        if (c.expect.at) expect(found.map((d) => `${d.file}:${d.line}:${d.column}`)).toContain(c.expect.at);
        else expect(found.every((d) => d.file !== null && d.line !== null && d.column !== null)).toBe(true);
      }
      // Every error names its file and position (a usage error has no diagnostics).
      for (const d of r.diagnostics)
        expect([d.file, d.line, d.column].includes(null), `${d.code} has no position`).toBe(false);
      // Excerpts and quoted values are cut: no message echoes a long input line.
      for (const d of r.diagnostics) expect(d.message.length).toBeLessThan(1200);
      expect(r.text).not.toContain('SECRET-FROM-OUTSIDE');
    });
  }
});
