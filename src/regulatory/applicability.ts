import type { Catalogue, Clause, DocType } from './catalogue.js';
import { CONDITIONS } from './conditions.js';
import type { Data } from './data-path.js';
import { readFacts, type ProductFacts } from './facts.js';
import { decideInstruments, INSTRUMENT_NAMES, isAiHighRisk, type Decision, type InstrumentId } from './instruments.js';

/** Which laws, documents and clauses apply to one product, each with its reason. */
export interface Applicability {
  readonly facts: ProductFacts;
  readonly aiHighRisk: boolean;
  /** Whether the MDS2 form is expected (see `mds2`). */
  readonly mds2: Decision;
  readonly instruments: Readonly<Record<InstrumentId, Decision>>;
  readonly documents: Readonly<Record<DocType, Decision>>;
  clause(clause: Clause): Decision;
}

function documentsFor(f: ProductFacts): Record<DocType, Decision> {
  const always: Decision = { applies: true, reason: 'every product with digital elements gets this document' };
  return {
    'cyber-techdoc': always,
    'secure-operation': always,
    decommissioning: always,
    'ai-transparency': f.aiSystem
      ? { applies: true, reason: 'the product contains an AI system (AI Act Art. 13, Art. 50)' }
      : { applies: false, reason: 'the product contains no AI system (regulatory.ai_act.ai_system)' },
  };
}

/** Art. 50 is the only part of the AI Act that reaches AI systems that are not high-risk. */
function isArt50(clause: Clause): boolean {
  return /^AIA-ART50-/.test(clause.id);
}

/**
 * The MDS2 form is filed under FDA in the catalogue, but hospitals worldwide ask for it:
 * it applies to devices that healthcare providers deploy, and to anything sold in the US.
 */
function mds2(f: ProductFacts, fda: Decision): Decision {
  if (fda.applies) return { applies: true, reason: 'MDS2: expected with FDA submissions and by US hospitals' };
  if (f.deviceRegulation && !f.layUsers)
    return { applies: true, reason: 'MDS2: the manufacturer disclosure statement healthcare providers ask for (ANSI/NEMA HN 1-2019)' };
  return { applies: false, reason: 'MDS2 is a disclosure form for healthcare-provider IT; the product is neither sold in the US nor deployed by healthcare providers' };
}

export function decideApplicability(data: Data): Applicability {
  const facts = readFacts(data);
  const instruments = decideInstruments(facts);
  const aiHighRisk = isAiHighRisk(facts);
  const ctx = { facts, data, craApplies: instruments.CRA.applies, aiHighRisk };
  const mds2Decision = mds2(facts, instruments.FDA);
  const clause = (c: Clause): Decision => {
    const inst = instruments[c.instrument as InstrumentId] as Decision | undefined;
    const name = INSTRUMENT_NAMES[c.instrument as InstrumentId] ?? c.instrument;
    if (c.id.startsWith('MDS2-')) return mds2Decision;
    if (inst && !inst.applies) return { ...inst, reason: `${name} ${inst.reason}` };
    if (c.instrument === 'AIA' && !aiHighRisk && !isArt50(c))
      return { applies: false, reason: 'AI Act: not applicable, the AI system is not high-risk (Art. 6); only Art. 50 applies' };
    if (c.condition !== undefined) {
      const rule = CONDITIONS[c.condition];
      if (rule && !rule.holds(ctx)) return { applies: false, reason: `condition not met: ${rule.whenNot}` };
    }
    return { applies: true, reason: inst ? `${name} ${inst.reason}` : 'applies' };
  };
  return { facts, aiHighRisk, mds2: mds2Decision, instruments, documents: documentsFor(facts), clause };
}

/** "CRA: not applicable, the product is …": the one-line decision as writers read it. */
export function describeDecision(id: InstrumentId, d: Decision): string {
  return `${INSTRUMENT_NAMES[id]}: ${d.reason}`;
}

/** The clauses of one document type with their decisions, in catalogue order. */
export function clauseDecisions(catalogue: Catalogue, app: Applicability, doc: DocType): { clause: Clause; decision: Decision }[] {
  return catalogue.clauses.filter((c) => c.doc.includes(doc)).map((c) => ({ clause: c, decision: app.clause(c) }));
}
