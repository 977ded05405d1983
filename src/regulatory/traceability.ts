import type { Catalogue, Clause, DocType } from './catalogue.js';
import { cleanReference, printedId, referenceFor, type DeviceRegulation } from './citation.js';
import type { CoverageEntry, CoverageReport, SectionRef } from './coverage.js';
import { CATALOGUE_INSTRUMENT_NAMES, INSTRUMENT_NAMES } from './instruments.js';

/**
 * The traceability table as data for its template (templates/traceability/document.md): the
 * wording is the template's, the facts are computed here. Addressed and TBD clauses keep one
 * row each; not-applicable clauses are grouped by reason, because a reviewer checks one
 * decision per instrument, not eighty identical rows.
 */

/**
 * Where the table goes. A reviewer of the technical documentation reads it as the appendix of
 * `cyber-techdoc`; the other documents are handed to patients, consumers, hospital IT or AI
 * deployers, who must not have to page through it: their table is a separate controlled file.
 */
export function traceabilityPlacement(doc: DocType): 'appendix' | 'separate' {
  return doc === 'cyber-techdoc' ? 'appendix' : 'separate';
}

export interface TraceabilityRow {
  /** The clause id (not `clause`: that name is a template helper). */
  readonly requirement: string;
  readonly reference: string;
  readonly status: 'addressed' | 'tbd';
  /** Why a TBD row is open: data missing, no section cites it, or applicability undecided. */
  readonly why?: 'missing-data' | 'no-section' | 'undecided';
  /** "4.2 Security updates"; absent when no section addresses the clause. */
  readonly section?: string;
  readonly section_id?: string;
  readonly section_number?: string;
  readonly section_title?: string;
  /** Missing data, each printed by the template as a TBD marker. */
  readonly missing: readonly { readonly field: string; readonly label: string }[];
}

export interface NotApplicableGroup {
  /** "Cyber Resilience Act", or "MDR / IVDR and IEC 81001-5-1" when a reason spans instruments. */
  readonly source: string;
  readonly count: number;
  /** The reason as it reads after "not applicable because". */
  readonly reason: string;
  /** "CRA-AI-P1-1 to CRA-AI-P1-2m, CRA-ART28". */
  readonly clauses: string;
}

export interface TraceabilityView {
  readonly separate: boolean;
  readonly addressed: number;
  readonly tbd: number;
  readonly not_applicable: number;
  readonly applicable: number;
  readonly percent: number;
  readonly rows: readonly TraceabilityRow[];
  readonly not_applicable_groups: readonly NotApplicableGroup[];
}

/** A catalogue field path in a reason is for the writer (see `techfile explain`), not the reader. */
// "(a.b)", "(a.b, c.d)", "(remote_service.enabled is false)", "(integration.apis: none)".
const PATH = String.raw`[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*|\[[^\]\s]*\])+`;
const FIELD_PATHS = new RegExp(
  String.raw`\s*\(${PATH}(?:(?::| is )[^()]*)?(?:,\s*${PATH}(?:(?::| is )[^()]*)?)*\)`,
  'g',
);
const NAMES = [...new Set([...Object.values(INSTRUMENT_NAMES), ...Object.values(CATALOGUE_INSTRUMENT_NAMES)])].sort(
  (a, b) => b.length - a.length,
);

/**
 * A decision reason as it reads after "not applicable because": the instrument name and the
 * "not applicable:" / "condition not met:" prefixes and any data field paths are dropped.
 */
export function becauseText(reason: string): string {
  let out = reason.trim();
  // "MDR Annex I 23.4(g) is a requirement of the MDR…" opens with an item, not the instrument's name.
  const name = NAMES.find(
    (n) =>
      (out.startsWith(`${n} `) && !/^(?:Annex|Art\.|Article)\s/.test(out.slice(n.length + 1))) ||
      out.startsWith(`${n}:`),
  );
  if (name !== undefined) out = out.slice(name.length).replace(/^:?\s*/, '');
  out = out.replace(/^(?:not applicable|not applied|condition not met)(?:\s*\([^)]*\))?\s*[:,]\s*/i, '');
  out = out
    .replace(FIELD_PATHS, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
  return out.replace(/[.;,]\s*$/, '');
}

/**
 * The name a reader knows a clause's source by. MDS2 items are filed under FDA in the catalogue.
 * A device-regulation item is named by the product's regulation (an item only the other
 * regulation has is not listed at all, see `listedId`); "MDR / IVDR" only when the product is under
 * neither.
 */
function sourceName(clause: Clause | undefined, id: string, regulation: DeviceRegulation): string {
  if (id.startsWith('MDS2-')) return 'MDS2 form (ANSI/NEMA HN 1-2019)';
  const instrument = clause?.instrument ?? '';
  if (instrument === 'MDR' && regulation !== undefined) return regulation;
  return CATALOGUE_INSTRUMENT_NAMES[instrument] ?? instrument;
}

/**
 * A clause's id as the record prints it, or undefined for a device-regulation item the product's
 * regulation does not have: MDR and IVDR are different regulations, and the record of a product
 * under one never cites the other, not even as a requirement that does not apply.
 */
function listedId(id: string, catalogue: Catalogue, regulation: DeviceRegulation): string | undefined {
  const clause = catalogue.byId.get(id);
  return clause === undefined ? id : printedId(clause, regulation);
}

function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}

/** "CRA-AII-8" → family "CRA-AII": ids that differ only after the last hyphen. */
function family(id: string): string {
  const cut = id.lastIndexOf('-');
  return cut <= 0 ? id : id.slice(0, cut);
}

/**
 * Ids listed compactly. `order` is every clause id of the catalogue in its order; a run of
 * three or more ids of one family that are neighbours in `order` (no other catalogue clause
 * between them) is written "first to last", so a range never spans a clause that is not in
 * `ids`, not even one that belongs to another document.
 */
export function compactIds(ids: readonly string[], order: readonly string[]): string {
  const wanted = new Set(ids);
  const position = new Map(order.map((id, i) => [id, i]));
  const sorted = [...wanted].sort((a, b) => (position.get(a) ?? Infinity) - (position.get(b) ?? Infinity));
  const parts: string[] = [];
  let run: string[] = [];
  const flush = (): void => {
    if (run.length >= 3) parts.push(`${run[0] ?? ''} to ${run[run.length - 1] ?? ''}`);
    else parts.push(...run);
    run = [];
  };
  for (const id of sorted) {
    const prev = run[run.length - 1];
    const adjacent =
      prev !== undefined &&
      family(prev) === family(id) &&
      position.get(prev) !== undefined &&
      position.get(id) === (position.get(prev) ?? -2) + 1;
    if (!adjacent) flush();
    run.push(id);
  }
  flush();
  return parts.join(', ');
}

/**
 * Not-applicable clauses grouped by their reason, in catalogue order of each group's first
 * clause: one line per instrument (the instrument-level decisions) or per distinct condition.
 */
export function notApplicableGroups(
  entries: readonly CoverageEntry[],
  catalogue: Catalogue,
  regulation?: DeviceRegulation,
): NotApplicableGroup[] {
  const order = catalogue.clauses.flatMap((c) => printedId(c, regulation) ?? []);
  const groups = new Map<string, CoverageEntry[]>();
  for (const e of entries) {
    if (e.status !== 'not-applicable' || listedId(e.id, catalogue, regulation) === undefined) continue;
    const key = becauseText(e.reason);
    const list = groups.get(key) ?? [];
    list.push(e);
    groups.set(key, list);
  }
  return [...groups].map(([reason, list]) => {
    const names = [...new Set(list.map((e) => sourceName(catalogue.byId.get(e.id), e.id, regulation)))];
    return {
      source: joinNames(names),
      count: list.length,
      reason,
      clauses: compactIds(
        list.map((e) => listedId(e.id, catalogue, regulation) ?? e.id),
        order,
      ),
    };
  });
}

/**
 * A clause's reference as the documents print it: the clean reference under the product's
 * regulation; an MDR item without an IVDR counterpart keeps its cleaned catalogue reference
 * rather than an empty cell.
 */
export function printedReference(clause: Clause, regulation: DeviceRegulation): string {
  return referenceFor(clause, regulation) ?? cleanReference(clause.ref);
}

function rowOf(
  e: CoverageEntry,
  catalogue: Catalogue,
  regulation: DeviceRegulation,
  sections: ReadonlyMap<string, SectionRef>,
): TraceabilityRow {
  const clause = catalogue.byId.get(e.id);
  const reference = clause ? printedReference(clause, regulation) : cleanReference(e.ref);
  const section = e.sectionId !== null ? sections.get(e.sectionId) : undefined;
  const where =
    section !== undefined
      ? {
          section: e.section ?? section.title,
          section_id: section.id,
          ...(section.number !== undefined ? { section_number: section.number } : {}),
          section_title: section.title,
        }
      : {};
  const missing = e.missing.map((field) => ({ field, label: field }));
  const requirement = listedId(e.id, catalogue, regulation) ?? e.id;
  if (e.status === 'addressed') return { requirement, reference, status: 'addressed', ...where, missing: [] };
  const why =
    section === undefined && e.missing.length === 0
      ? 'no-section'
      : /\bundecided:/.test(e.reason)
        ? 'undecided'
        : 'missing-data';
  return { requirement, reference, status: 'tbd', why, ...where, missing };
}

/**
 * The template data of one document's traceability table. `label` turns a missing field path
 * into the words the TBD marker shows (the schema's field labels).
 */
export function traceabilityView(input: {
  readonly report: CoverageReport;
  readonly catalogue: Catalogue;
  readonly regulation: DeviceRegulation;
  readonly sections: readonly SectionRef[];
  readonly separate: boolean;
  readonly label: (field: string) => string;
}): TraceabilityView {
  const { report } = input;
  const sections = new Map(input.sections.map((s) => [s.id, s]));
  const rows = report.entries
    .filter((e) => e.status !== 'not-applicable')
    .map((e) => rowOf(e, input.catalogue, input.regulation, sections))
    .map((r) => ({ ...r, missing: r.missing.map((m) => ({ field: m.field, label: input.label(m.field) })) }));
  const s = report.summary;
  const groups = notApplicableGroups(report.entries, input.catalogue, input.regulation);
  return {
    separate: input.separate,
    addressed: s.addressed,
    tbd: s.tbd,
    // Counted from the groups: an item only the other device regulation has is not listed.
    not_applicable: groups.reduce((n, g) => n + g.count, 0),
    applicable: s.addressed + s.tbd,
    percent: s.percent,
    rows,
    not_applicable_groups: groups,
  };
}
