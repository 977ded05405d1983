// The data `techfile coverage` shows, apart from how it is printed: where each missing field
// belongs in the device file, and the JSON report of `--diagnostics json`.
import type { MissingField } from '../regulatory/missing.js';
import type { SourceRef } from '../source/position.js';
import { nearest } from './final-check.js';
import type { Coverage } from './library.js';

/** Where a missing field belongs: its first instance, or the nearest parent the device file has. */
export function missingFieldAt(
  field: MissingField,
  provenance: ReadonlyMap<string, SourceRef>,
  file: string,
): SourceRef {
  return nearest((p) => provenance.get(p), field.instances[0] ?? field.path, file);
}

/**
 * The JSON report of a product's coverage: instruments, decisions, documents, one entry per
 * clause and document type, the references to confirm, and with `withMissing` each missing
 * field once (ranked, with its position) and the clauses no section addresses.
 */
export function coverageReport(
  c: Coverage,
  file: string,
  provenance: ReadonlyMap<string, SourceRef>,
  withMissing: boolean,
): Record<string, unknown> {
  return {
    product: c.product,
    file,
    instruments: c.instruments,
    decisions: c.decisions,
    documents: c.documents.map(({ entries: _entries, ...d }) => d),
    clauses: c.documents.flatMap((d) =>
      d.entries.map((e) => ({
        id: e.id,
        doc: e.doc,
        ref: e.ref,
        status: e.status,
        section: e.section,
        missing: e.missing,
        reason: e.reason,
        verified: e.verified,
      })),
    ),
    referencesToConfirm: c.referencesToConfirm,
    ...(withMissing
      ? {
          missing: c.missing.fields.map((f) => {
            const at = missingFieldAt(f, provenance, file);
            return {
              ...f,
              file: at.file,
              line: at.range?.start.line ?? null,
              column: at.range?.start.column ?? null,
            };
          }),
          unaddressed: c.missing.unaddressed,
        }
      : {}),
  };
}
