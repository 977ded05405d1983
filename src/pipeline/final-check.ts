import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Catalogue } from '../regulatory/catalogue.js';
import { describeMissing, rankMissing, summariseMissing, type DocumentGaps } from '../regulatory/missing.js';
import { fieldLabel } from '../schema/device-schema.js';
import type { SourceRef } from '../source/position.js';
import type { BuiltDocument } from './build-document.js';

export { clausesNeeding } from '../regulatory/missing.js';

/** Where a missing field would go: the nearest enclosing field that the data does have. */
export type Locate = (fieldPath: string) => SourceRef | undefined;

function parentPath(path: string): string | undefined {
  if (path === '') return undefined;
  const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
  return cut <= 0 ? '' : path.slice(0, cut);
}

/** The nearest enclosing field the data has, so a missing field is reported where it belongs. */
export function nearest(locate: Locate | undefined, path: string, file: string): SourceRef {
  // The root is no place: a missing top-level block is reported against the file.
  for (let p: string | undefined = path; p !== undefined && p !== ''; p = parentPath(p)) {
    const found = locate?.(p);
    if (found) return found;
  }
  return { file };
}

/** What `--final` refuses in one document, or undefined when it has no TBD left. */
export function finalGaps(built: BuiltDocument): DocumentGaps | undefined {
  const open = built.placeholders.length > 0 || built.coverage.entries.some((e) => e.status === 'tbd');
  return open
    ? { doc: built.document.meta.docType, entries: built.coverage.entries, placeholders: built.placeholders }
    : undefined;
}

/** Codes of the `--final` report: printed in rank order, one line each, after other diagnostics. */
export const FINAL_REPORT_CODES: readonly string[] = ['final/tbd', 'final/clause-tbd', 'final/summary'];

/**
 * The `--final` report of one product: one error per missing field across all its documents,
 * the fields that unlock the most clauses first; one per clause no section addresses; then a
 * summary. The order is the ranking: print these in the order given.
 */
export function finalReport(
  gaps: readonly DocumentGaps[],
  catalogue: Catalogue,
  file: string,
  locate?: Locate,
): Diagnostic[] {
  if (gaps.length === 0) return [];
  const { fields, unaddressed } = rankMissing(catalogue, gaps, fieldLabel);
  const out: Diagnostic[] = fields.map((f) => ({
    severity: 'error',
    code: 'final/tbd',
    message: describeMissing(f, false),
    source: nearest(locate, f.instances[0] ?? f.path, file),
    fieldPath: f.path,
    hints: [`supply \`${f.path}\` in ${file} or in its product-line parent, or generate a draft without --final`],
  }));
  for (const c of unaddressed)
    out.push({
      severity: 'error',
      code: 'final/clause-tbd',
      message: `clause ${c.id} (${c.ref}) of ${c.doc} is addressed by no section: ${c.reason}`,
      source: { file },
      hints: ['add a section citing the clause to the template, or supply the facts that decide whether it applies'],
    });
  out.push({
    severity: 'info',
    code: 'final/summary',
    message: `${file}: ${summariseMissing(fields, unaddressed).replace(/\.$/, '')}`,
    source: { file },
  });
  return out;
}

/** `--final` for one document on its own (the report of a product with one document). */
export function finalCheck(built: BuiltDocument, catalogue: Catalogue, file: string, locate?: Locate): Diagnostic[] {
  const gaps = finalGaps(built);
  return gaps ? finalReport([gaps], catalogue, file, locate) : [];
}

/**
 * The `--final` report as printed: one line per missing field and per unaddressed clause,
 * `file:line:col: message`, then the summary line. Field paths and fixes are in the JSON form.
 */
export function formatFinalReport(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => {
      if (d.code === 'final/summary') return `Summary: ${d.message}.`;
      const start = d.source?.range?.start;
      const where = d.source ? (start ? `${d.source.file}:${start.line}:${start.column}: ` : `${d.source.file}: `) : '';
      return `${where}${d.severity}[${d.code}]: ${d.message}`;
    })
    .join('\n');
}
