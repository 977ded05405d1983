import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Catalogue } from '../regulatory/catalogue.js';
import { toCataloguePath } from '../regulatory/data-path.js';
import type { SourceRef } from '../source/position.js';
import type { BuiltDocument } from './build-document.js';

/** Catalogue clause ids of one document type that need a data path (or something below it). */
export function clausesNeeding(catalogue: Catalogue, docType: string, dataPath: string): string[] {
  const path = toCataloguePath(dataPath);
  return catalogue.clauses
    .filter((c) => c.doc.includes(docType))
    .filter((c) => c.fields.some((f) => f === path || f.startsWith(`${path}.`) || f.startsWith(`${path}[`) || path.startsWith(`${f}.`)))
    .map((c) => c.id);
}

/** Where a missing field would go: the nearest enclosing field that the data does have. */
export type Locate = (fieldPath: string) => SourceRef | undefined;

function parentPath(path: string): string | undefined {
  if (path === '') return undefined;
  const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
  return cut <= 0 ? '' : path.slice(0, cut);
}

function nearest(locate: Locate | undefined, path: string, file: string): SourceRef {
  for (let p: string | undefined = path; p !== undefined; p = parentPath(p)) {
    const found = locate?.(p);
    if (found) return found;
  }
  return { file };
}

/**
 * `--final` refuses a document that still has a TBD: one error per missing field, naming
 * every clause of the document that needs it, and one per clause that is TBD for another
 * reason (no section addresses it).
 */
export function finalCheck(built: BuiltDocument, catalogue: Catalogue, file: string, locate?: Locate): Diagnostic[] {
  const doc = built.document.meta.docType;
  const tbd = built.coverage.entries.filter((e) => e.status === 'tbd');
  const fields = new Map<string, { label: string; clauses: Set<string> }>();
  const add = (field: string, label: string, clauses: readonly string[]): void => {
    const entry = fields.get(field) ?? { label, clauses: new Set<string>() };
    for (const c of clauses) entry.clauses.add(c);
    fields.set(field, entry);
  };
  // Only clauses that apply to this product can "need" a field.
  const applicable = new Set(built.coverage.entries.filter((e) => e.status !== 'not-applicable').map((e) => e.id));
  for (const p of built.placeholders) add(p.field, p.label, clausesNeeding(catalogue, doc, p.field).filter((id) => applicable.has(id)));
  for (const e of tbd) for (const m of e.missing) add(m, m, [e.id]);

  const out: Diagnostic[] = [];
  for (const [field, { label, clauses }] of fields) {
    const ids = [...clauses].sort();
    out.push({
      severity: 'error',
      code: 'final/tbd',
      message: `${doc}: ${label === field ? `\`${field}\`` : label} is still TBD${ids.length > 0 ? ` (needed by ${ids.join(', ')})` : ''}`,
      source: nearest(locate, field, file),
      fieldPath: field,
      hints: [`supply \`${field}\` in ${file} or in its product-line parent, or generate a draft without --final`],
    });
  }
  for (const e of tbd) {
    if (e.missing.length > 0) continue;
    out.push({
      severity: 'error',
      code: 'final/clause-tbd',
      message: `${doc}: clause ${e.id} (${e.ref}) is not addressed: ${e.reason}`,
      source: { file },
      hints: ['add a section citing the clause to the template, or supply the facts that decide whether it applies'],
    });
  }
  return out;
}
