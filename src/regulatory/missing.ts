import type { Catalogue } from './catalogue.js';
import type { CoverageEntry } from './coverage.js';
import { toCataloguePath } from './data-path.js';

/**
 * Missing facts, ranked: each field the documents of one product still lack, once, with the
 * clauses and documents that need it. A writer completing a dossier fills the fields that
 * unlock the most clauses first, so the list is sorted that way.
 */
export interface MissingField {
  /** Catalogue spelling: `network.ports[].port` stands for every port that lacks one. */
  readonly path: string;
  readonly label: string;
  /** The concrete data paths that are missing (`network.ports[0].port`, …), in document order. */
  readonly instances: readonly string[];
  /** Applicable clauses that need the field, sorted. */
  readonly clauses: readonly string[];
  /** Documents that need it (a clause or a TBD placeholder), in the order first met. */
  readonly documents: readonly string[];
  /** TBD placeholders printed for it across the documents. */
  readonly placeholders: number;
}

/** An open clause that no data can close: no section of the document addresses it. */
export interface UnaddressedClause {
  readonly id: string;
  readonly doc: string;
  readonly ref: string;
  readonly reason: string;
}

/** What one generated document leaves open: its coverage entries and the TBD placeholders it printed. */
export interface DocumentGaps {
  readonly doc: string;
  readonly entries: readonly CoverageEntry[];
  readonly placeholders: readonly { readonly field: string; readonly label: string }[];
}

/** Catalogue clause ids of one document type that need a data path (or something below or above it). */
export function clausesNeeding(catalogue: Catalogue, docType: string, dataPath: string): string[] {
  const path = toCataloguePath(dataPath);
  return catalogue.clauses
    .filter((c) => c.doc.includes(docType))
    .filter((c) =>
      c.fields.some(
        (f) => f === path || f.startsWith(`${path}.`) || f.startsWith(`${path}[`) || path.startsWith(`${f}.`),
      ),
    )
    .map((c) => c.id);
}

interface Acc {
  label: string | undefined;
  instances: string[];
  clauses: Set<string>;
  documents: string[];
  placeholders: number;
}

/**
 * Ranks the missing fields of one product. `label` names a field path for a reader (the
 * schema's labels); a field's own placeholder label is used when the path has no better one.
 */
export function rankMissing(
  catalogue: Catalogue,
  docs: readonly DocumentGaps[],
  label: (path: string) => string,
): { fields: MissingField[]; unaddressed: UnaddressedClause[] } {
  const byPath = new Map<string, Acc>();
  const add = (field: string, doc: string, clauses: readonly string[], placeholder: boolean): void => {
    const key = toCataloguePath(field);
    const acc = byPath.get(key) ?? {
      label: undefined,
      instances: [],
      clauses: new Set<string>(),
      documents: [],
      placeholders: 0,
    };
    if (!acc.instances.includes(field)) acc.instances.push(field);
    for (const c of clauses) acc.clauses.add(c);
    if (!acc.documents.includes(doc)) acc.documents.push(doc);
    if (placeholder) acc.placeholders++;
    byPath.set(key, acc);
  };
  const unaddressed: UnaddressedClause[] = [];
  for (const d of docs) {
    // Only clauses that apply to this product can "need" a field.
    const applicable = new Set(d.entries.filter((e) => e.status !== 'not-applicable').map((e) => e.id));
    for (const p of d.placeholders)
      add(
        p.field,
        d.doc,
        clausesNeeding(catalogue, d.doc, p.field).filter((id) => applicable.has(id)),
        true,
      );
    for (const e of d.entries) {
      if (e.status !== 'tbd') continue;
      if (e.missing.length === 0) unaddressed.push({ id: e.id, doc: d.doc, ref: e.ref, reason: e.reason });
      for (const m of e.missing) add(m, d.doc, [e.id], false);
    }
  }
  const fields = [...byPath.entries()].map(([path, a]): MissingField => ({
    path,
    label: label(path),
    instances: a.instances,
    clauses: [...a.clauses].sort(),
    documents: a.documents,
    placeholders: a.placeholders,
  }));
  fields.sort(
    (a, b) =>
      b.clauses.length - a.clauses.length ||
      b.documents.length - a.documents.length ||
      b.placeholders - a.placeholders ||
      (a.path < b.path ? -1 : a.path > b.path ? 1 : 0),
  );
  return { fields, unaddressed };
}

/** "network port number" → "Network port number"; "mDS2" never happens because acronyms stay. */
function capitalise(s: string): string {
  return s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1);
}

function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/**
 * One sentence per missing field: "Port number of each network port (`network.ports[].port`) is
 * missing in 3 entries; 4 clauses need it (A, B, C and D) in 2 documents (cyber-techdoc and
 * secure-operation)." With `sentence: false` it opens as written and has no full stop, as
 * diagnostics do.
 */
export function describeMissing(f: MissingField, sentence = true): string {
  const where = f.instances.length > 1 ? ` is missing in ${f.instances.length} entries` : ' is missing';
  const docs = `${count(f.documents.length, 'document', 'documents')} (${listWords(f.documents)})`;
  const need =
    f.clauses.length === 0
      ? `; no applicable clause needs it, but it is shown as TBD in ${docs}`
      : `; ${count(f.clauses.length, 'clause needs', 'clauses need')} it (${listWords(f.clauses)}) in ${docs}`;
  const text = `${f.label} (\`${f.path}\`)${where}${need}`;
  return sentence ? `${capitalise(text)}.` : text;
}

/** "12 fields are missing …": the closing line of a missing-facts report. */
export function summariseMissing(fields: readonly MissingField[], unaddressed: readonly UnaddressedClause[]): string {
  const clauses = new Set(fields.flatMap((f) => f.clauses));
  const top = fields.slice(0, Math.min(5, fields.length));
  const topClauses = new Set(top.flatMap((f) => f.clauses));
  const parts = [
    `${fields.length} missing ${fields.length === 1 ? 'field keeps' : 'fields keep'} ${clauses.size} ${clauses.size === 1 ? 'clause' : 'clauses'} open`,
  ];
  if (fields.length > top.length && topClauses.size > 0)
    parts.push(`the first ${top.length} alone unlock ${topClauses.size} of them`);
  if (unaddressed.length > 0)
    parts.push(
      `${unaddressed.length} ${unaddressed.length === 1 ? 'clause is' : 'clauses are'} addressed by no section of the templates`,
    );
  return `${parts.join('; ')}.`;
}
