import { readFileSync } from 'node:fs';
import { parseYamlText } from '../data/yaml-text.js';

/**
 * The clause catalogue (src/regulatory/clauses.yaml, a copy of the regulatory team's
 * shared catalogue). It is the coverage denominator: templates cite these ids.
 */
export type DocType = 'cyber-techdoc' | 'secure-operation' | 'decommissioning' | 'ai-transparency';
export const DOC_TYPES: readonly DocType[] = [
  'cyber-techdoc',
  'secure-operation',
  'decommissioning',
  'ai-transparency',
];

export type Verification = 'legal-text' | 'guidance-text' | 'quoted-in-guidance' | 'secondary' | 'unverified';

export interface Clause {
  readonly id: string;
  /** Instrument id: CRA, AIA, MDR, MDCG, IEC81001, FDA, NIS2, PLD. */
  readonly instrument: string;
  readonly ref: string;
  readonly summary: string;
  readonly doc: readonly string[];
  /** Catalogue field paths, e.g. `network.ports[].port`. */
  readonly fields: readonly string[];
  readonly verified: Verification;
  readonly condition?: string;
  readonly note?: string;
}

export interface Instrument {
  readonly id: string;
  readonly title: string;
  readonly citation: string;
  readonly applicability: string;
}

export interface Catalogue {
  readonly instruments: readonly Instrument[];
  readonly clauses: readonly Clause[];
  readonly byId: ReadonlyMap<string, Clause>;
}

interface RawClause {
  id: string;
  ref: string;
  summary: string;
  doc: string[];
  fields?: string[];
  verified: Verification;
  condition?: string;
  note?: string;
}
interface RawInstrument {
  id: string;
  title: string;
  citation: string;
  applicability: string;
  clauses: RawClause[];
}

let cached: Catalogue | undefined;

/**
 * Makes `catalogue` (the bundled one, loaded by another thread and cloned) the one this
 * thread uses: a worker thread then never parses clauses.yaml again.
 */
export function useLoadedCatalogue(catalogue: Catalogue): void {
  cached = catalogue;
}

/** Loads the bundled catalogue once per process (once per thread). */
export function loadCatalogue(): Catalogue {
  if (cached) return cached;
  const file = new URL('../../src/regulatory/clauses.yaml', import.meta.url);
  const parsed = parseYamlText(readFileSync(file, 'utf8'));
  if (parsed.errors.length > 0) throw new Error(`internal error: the bundled clause catalogue does not parse: ${parsed.errors[0]?.message ?? ''}`);
  const raw = parsed.value as { instruments: RawInstrument[] };
  const clauses: Clause[] = [];
  const instruments: Instrument[] = [];
  for (const inst of raw.instruments) {
    instruments.push({
      id: inst.id,
      title: inst.title,
      citation: inst.citation,
      applicability: inst.applicability,
    });
    for (const c of inst.clauses) {
      clauses.push({
        id: c.id,
        instrument: inst.id,
        ref: c.ref,
        summary: c.summary,
        doc: c.doc,
        fields: c.fields ?? [],
        verified: c.verified,
        ...(c.condition !== undefined ? { condition: c.condition } : {}),
        ...(c.note !== undefined ? { note: c.note } : {}),
      });
    }
  }
  cached = { instruments, clauses, byId: new Map(clauses.map((c) => [c.id, c])) };
  return cached;
}

/** Clauses that belong to one of the four generated document types. */
export function clausesForDoc(catalogue: Catalogue, doc: DocType): Clause[] {
  return catalogue.clauses.filter((c) => c.doc.includes(doc));
}

/**
 * Clause ids per catalogue field path. Paths are normalised: `a.b[].c` and
 * `security.capabilities[automatic_logoff]` keep their catalogue spelling.
 */
export function clausesByField(catalogue: Catalogue, docs: readonly string[] = DOC_TYPES): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const c of catalogue.clauses) {
    if (!c.doc.some((d) => docs.includes(d))) continue;
    for (const f of c.fields) {
      const list = out.get(f) ?? [];
      list.push(c.id);
      out.set(f, list);
    }
  }
  return out;
}

/**
 * A reference as it reads in running text: the catalogue's remarks about how a reference
 * was checked ("(no matching … heading seen)", "(letter believed to be (v))") belong in the
 * traceability appendix, not in a sentence.
 */
export function proseRef(ref: string): string {
  return ref.replace(/\s*\((?:[^()]|\([^()]*\))*\b(?:seen|believed)\b(?:[^()]|\([^()]*\))*\)\s*$/, '');
}
