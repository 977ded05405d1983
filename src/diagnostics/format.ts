import type { Diagnostic } from './diagnostic.js';

/** `file:line:col: error[code]: message`, then the field path, trace and hints, indented. */
export function formatDiagnostic(d: Diagnostic): string {
  const start = d.source?.range?.start;
  const where = d.source
    ? start
      ? `${d.source.file}:${start.line}:${start.column}: `
      : `${d.source.file}: `
    : '';
  const lines = [`${where}${d.severity}[${d.code}]: ${d.message}`];
  if (d.excerpt !== undefined && start) {
    const gutter = String(start.line);
    lines.push(`  ${gutter} | ${d.excerpt}`);
    lines.push(`  ${' '.repeat(gutter.length)} | ${' '.repeat(Math.max(0, start.column - 1))}^`);
  }
  if (d.fieldPath !== undefined) lines.push(`  = field: ${d.fieldPath}`);
  if (d.trace && d.trace.length > 0) lines.push(`  = inherited: ${d.trace.join(' → ')}`);
  for (const hint of d.hints ?? []) lines.push(`  = hint: ${hint}`);
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
