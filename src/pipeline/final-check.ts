import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Catalogue } from '../regulatory/catalogue.js';
import { toCataloguePath } from '../regulatory/data-path.js';
import type { BuiltDocument } from './build-document.js';

/** Catalogue clause ids of one document type that need a data path (or something below it). */
export function clausesNeeding(catalogue: Catalogue, docType: string, dataPath: string): string[] {
  const path = toCataloguePath(dataPath);
  return catalogue.clauses
    .filter((c) => c.doc.includes(docType))
    .filter((c) => c.fields.some((f) => f === path || f.startsWith(`${path}.`) || f.startsWith(`${path}[`) || path.startsWith(`${f}.`)))
    .map((c) => c.id);
}

/**
 * `--final` refuses a document that still has a TBD: one error per missing field, naming
 * the clauses that need it, and one per clause that is still TBD for another reason.
 */
export function finalCheck(built: BuiltDocument, catalogue: Catalogue, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const doc = built.document.meta.docType;
  const seen = new Set<string>();
  for (const p of built.placeholders) {
    if (seen.has(p.field)) continue;
    seen.add(p.field);
    const clauses = clausesNeeding(catalogue, doc, p.field);
    out.push({
      severity: 'error',
      code: 'final/tbd',
      message: `${doc}: ${p.label} is still TBD${clauses.length > 0 ? ` (needed by ${clauses.join(', ')})` : ''}`,
      source: { file },
      fieldPath: p.field,
      hints: [`supply \`${p.field}\` in ${file} or in its product-line parent, or generate a draft without --final`],
    });
  }
  for (const e of built.coverage.entries) {
    if (e.status !== 'tbd') continue;
    const open = e.missing.filter((m) => !seen.has(m));
    if (open.length === 0 && e.section !== null) continue;
    for (const m of open) seen.add(m);
    out.push({
      severity: 'error',
      code: 'final/clause-tbd',
      message: `${doc}: clause ${e.id} (${e.ref}) is not addressed: ${open.length > 0 ? `missing ${open.join(', ')}` : e.reason}`,
      source: { file },
      ...(open[0] !== undefined ? { fieldPath: open[0] } : {}),
      hints: open.length > 0 ? [`supply ${open.map((m) => `\`${m}\``).join(', ')}`] : ['add a section citing the clause to the template'],
    });
  }
  return out;
}
