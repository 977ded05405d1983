import type { Diagnostic } from './diagnostic.js';
import { escapeControls, excerptWindow, shortenValues } from './terminal.js';

/** `file:line:col: error[code]: message`, then the field path, trace and hints, indented. */
export function formatDiagnostic(d: Diagnostic): string {
  const start = d.source?.range?.start;
  const show = (text: string): string => escapeControls(shortenValues(text));
  const where = d.source
    ? start
      ? `${escapeControls(d.source.file)}:${start.line}:${start.column}: `
      : `${escapeControls(d.source.file)}: `
    : '';
  const lines = [`${where}${d.severity}[${d.code}]: ${show(d.message)}`];
  if (d.excerpt !== undefined && start) {
    const gutter = String(start.line);
    // Cut before escaping, then place the caret under the escaped text.
    const window = excerptWindow(d.excerpt, start.column);
    const chars = [...window.text];
    const before = escapeControls(chars.slice(0, Math.max(0, window.column - 1)).join(''));
    lines.push(`  ${gutter} | ${escapeControls(window.text)}`);
    lines.push(`  ${' '.repeat(gutter.length)} | ${' '.repeat([...before].length)}^`);
  }
  if (d.fieldPath !== undefined) lines.push(`  = field: ${show(d.fieldPath)}`);
  if (d.trace && d.trace.length > 0) lines.push(`  = inherited: ${show(d.trace.join(' → '))}`);
  for (const hint of d.hints ?? []) lines.push(`  = hint: ${show(hint)}`);
  return lines.join('\n');
}

export function formatDiagnostics(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map(formatDiagnostic).join('\n\n');
}

/** The same diagnostics as JSON, one object each with flat line/column fields. */
export function diagnosticsToJson(diagnostics: readonly Diagnostic[]): unknown[] {
  return diagnostics.map((d) => ({
    severity: d.severity,
    code: d.code,
    message: d.message,
    file: d.source?.file ?? null,
    line: d.source?.range?.start.line ?? null,
    column: d.source?.range?.start.column ?? null,
    endLine: d.source?.range?.end.line ?? null,
    endColumn: d.source?.range?.end.column ?? null,
    fieldPath: d.fieldPath ?? null,
    hints: d.hints ?? [],
    trace: d.trace ?? [],
  }));
}
