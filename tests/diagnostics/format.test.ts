import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { formatDiagnostic } from '../../src/diagnostics/format.js';

const at = (line: number, column: number) => ({
  file: 'a.yaml',
  range: { start: { line, column }, end: { line, column } },
});

describe('formatDiagnostic on hostile text', () => {
  it('cuts a 200 kB line to a window around the column, with the caret under the same character', () => {
    const line = `${'a'.repeat(100_000)}X${'b'.repeat(100_000)}`;
    const d: Diagnostic = {
      severity: 'error',
      code: 'data/x',
      message: `value \`${line}\` is wrong`,
      source: at(1, 100_001),
      excerpt: line,
    };
    const out = formatDiagnostic(d);
    expect(out.length).toBeLessThan(1500);
    const [, excerpt, caret] = out.split('\n');
    expect(excerpt!.length).toBeLessThan(140);
    expect(excerpt![caret!.indexOf('^')]).toBe('X');
  });

  it('shows terminal controls escaped in the message, the excerpt and the file name, caret still aligned', () => {
    const d: Diagnostic = {
      severity: 'error',
      code: 'data/x',
      message: 'bad `\u001b[2J`',
      source: { ...at(1, 4), file: 'a\u001b]52;c;x\u0007.yaml' },
      excerpt: 'k: \u001b[2J X',
    };
    const out = formatDiagnostic(d);
    expect(out).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
    expect(out).toContain('\\u001b[2J');
    const [, excerpt, caret] = out.split('\n');
    expect(excerpt!.slice(caret!.indexOf('^'))).toMatch(/^\\u001b\[2J X/);
  });
});
