import type { Catalogue, Clause, DocType } from './catalogue.js';
import { clauseDecisions, type Applicability } from './applicability.js';
import type { Data } from './data-path.js';
import { answerClause } from './field-requirements.js';

export type ClauseStatus = 'addressed' | 'tbd' | 'not-applicable';

/** A section of a generated document, as the traceability appendix cites it. */
export interface SectionRef {
  readonly id: string;
  /** "4.2" or undefined for unnumbered headings. */
  readonly number?: string;
  readonly title: string;
  readonly clauses: readonly string[];
}

export interface CoverageEntry {
  readonly id: string;
  readonly doc: DocType;
  readonly ref: string;
  readonly verified: string;
  readonly status: ClauseStatus;
  /** "4.2 Security updates", or null when no section addresses the clause. */
  readonly section: string | null;
  readonly sectionId: string | null;
  /** Data paths that must be supplied before the clause counts as addressed. */
  readonly missing: readonly string[];
  readonly reason: string;
}

export interface CoverageSummary {
  readonly doc: DocType;
  readonly addressed: number;
  readonly tbd: number;
  readonly notApplicable: number;
  /** Addressed share of applicable clauses, 0-100, one decimal; 100 when nothing applies. */
  readonly percent: number;
}

export interface CoverageReport {
  readonly entries: readonly CoverageEntry[];
  readonly summary: CoverageSummary;
}

export function sectionLabel(s: SectionRef): string {
  return s.number ? `${s.number} ${s.title}` : s.title;
}

/**
 * Decides the status of every catalogue clause of one document type, from the
 * product's applicability, the sections that cite the clause and the data supplied.
 */
export function computeCoverage(input: {
  readonly catalogue: Catalogue;
  readonly applicability: Applicability;
  readonly doc: DocType;
  readonly data: Data;
  readonly sections: readonly SectionRef[];
}): CoverageReport {
  const sectionOf = new Map<string, SectionRef>();
  for (const s of input.sections) for (const id of s.clauses) if (!sectionOf.has(id)) sectionOf.set(id, s);

  const entries: CoverageEntry[] = clauseDecisions(input.catalogue, input.applicability, input.doc).map(
    ({ clause, decision }) => {
      const section = sectionOf.get(clause.id);
      const base = {
        id: clause.id,
        doc: input.doc,
        ref: clause.ref,
        verified: clause.verified,
        section: section ? sectionLabel(section) : null,
        sectionId: section?.id ?? null,
      };
      if (!decision.applies) {
        if (decision.undecidedFields && decision.undecidedFields.length > 0)
          return { ...base, status: 'tbd', missing: decision.undecidedFields, reason: decision.reason };
        // The writer's own reason (a group declared not applicable) says more than the condition.
        const declared = answerClause(input.data, clause.fields);
        const reason =
          !declared.content && declared.missing.length === 0 && declared.notApplicable.length > 0
            ? declared.notApplicable.join('; ')
            : decision.reason;
        return { ...base, status: 'not-applicable', missing: [], reason };
      }
      const answer = answerClause(input.data, clause.fields);
      const missing = answer.missing;
      // Everything the clause asks for is declared none / not applicable, or required only
      // under a condition that does not hold: the clause does not apply, for those reasons.
      if (missing.length === 0 && !answer.content && answer.notApplicable.length > 0)
        return { ...base, status: 'not-applicable', missing: [], reason: answer.notApplicable.join('; ') };
      if (!section)
        return { ...base, status: 'tbd', missing, reason: 'no section of this document addresses the clause' };
      if (missing.length > 0)
        return { ...base, status: 'tbd', missing, reason: 'data needed to address the clause is missing' };
      const parts =
        answer.notApplicable.length > 0 ? `; not applicable in part: ${answer.notApplicable.join('; ')}` : '';
      return { ...base, status: 'addressed', missing: [], reason: decision.reason + parts };
    },
  );
  const count = (s: ClauseStatus) => entries.filter((e) => e.status === s).length;
  const addressed = count('addressed');
  const tbd = count('tbd');
  const applicable = addressed + tbd;
  return {
    entries,
    summary: {
      doc: input.doc,
      addressed,
      tbd,
      notApplicable: count('not-applicable'),
      percent: applicable === 0 ? 100 : Math.round((addressed / applicable) * 1000) / 10,
    },
  };
}

/** A cited reference that the catalogue marks unverified: printed without its unverified detail. */
export interface ReferenceToConfirm {
  readonly id: string;
  /** As the documents print it (the clean reference under the product's regulation). */
  readonly printed: string;
  /** As the catalogue records it, with the detail that is still to be checked. */
  readonly catalogueRef: string;
  /** The catalogue's note on what is unverified, when it has one. */
  readonly note?: string;
  /** The document types that cite it, in the order given. */
  readonly docs: readonly DocType[];
}

/**
 * The references a writer must confirm before release: clauses the catalogue marks
 * `unverified` that apply to the product in at least one of its documents. The documents
 * cite them without the doubtful detail (a letter "believed to be (z)"); this list is where
 * that detail goes instead, for `techfile coverage` and the `--final` warning.
 */
export function referencesToConfirm(
  reports: readonly CoverageReport[],
  catalogue: Catalogue,
  printed: (clause: Clause) => string,
): ReferenceToConfirm[] {
  const found = new Map<string, { clause: Clause; docs: DocType[] }>();
  for (const report of reports)
    for (const e of report.entries) {
      if (e.verified !== 'unverified' || e.status === 'not-applicable') continue;
      const clause = catalogue.byId.get(e.id);
      if (!clause) continue;
      const entry = found.get(e.id) ?? { clause, docs: [] };
      if (!entry.docs.includes(e.doc)) entry.docs.push(e.doc);
      found.set(e.id, entry);
    }
  return [...found.values()].map(({ clause, docs }) => ({
    id: clause.id,
    printed: printed(clause),
    catalogueRef: clause.ref,
    ...(clause.note !== undefined ? { note: clause.note } : {}),
    docs,
  }));
}
