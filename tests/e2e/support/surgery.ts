import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { SourceRef } from '../../../src/source/position.js';
import { ROOT } from './examples.js';

/**
 * Replaces single-line scalar values in their source files at the exact place the loader
 * recorded (provenance), e.g. one record of a list that a product-line child merged by id.
 * Values are written as JSON strings, which YAML reads as double-quoted scalars.
 */
export function replaceAtSource(edits: readonly { ref: SourceRef; value: string }[]): void {
  const byFile = new Map<string, { ref: SourceRef; value: string }[]>();
  for (const e of edits) {
    if (!e.ref.range) throw new Error(`no position recorded for a value in ${e.ref.file}`);
    if (e.ref.range.start.line !== e.ref.range.end.line)
      throw new Error(`${e.ref.file}:${e.ref.range.start.line}: only single-line values can be replaced`);
    const file = resolve(ROOT, e.ref.file);
    byFile.set(file, [...(byFile.get(file) ?? []), e]);
  }
  for (const [file, list] of byFile) {
    const lines = readFileSync(file, 'utf8').split('\n');
    // Right to left, bottom to top: earlier positions stay valid.
    const sorted = [...list].sort(
      (a, b) =>
        b.ref.range!.start.line - a.ref.range!.start.line || b.ref.range!.start.column - a.ref.range!.start.column,
    );
    for (const { ref, value } of sorted) {
      const { start, end } = ref.range!;
      const line = lines[start.line - 1] ?? '';
      lines[start.line - 1] = `${line.slice(0, start.column - 1)}${JSON.stringify(value)}${line.slice(end.column - 1)}`;
    }
    writeFileSync(file, lines.join('\n'));
  }
}
