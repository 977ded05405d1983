import { aiStatus, isAiHighRisk, type AiStatus } from './ai-act.js';
import type { Catalogue, Clause, DocType } from './catalogue.js';
import { referenceFor } from './citation.js';
import { CONDITIONS } from './conditions.js';
import type { Data } from './data-path.js';
import { readFacts, type ProductFacts } from './facts.js';
import {
  decideInstruments,
  deviceDecision,
  INSTRUMENT_NAMES,
  type Decision,
  type InstrumentId,
} from './instruments.js';

/** Which laws, documents and clauses apply to one product, each with its reason. */
export interface Applicability {
  readonly facts: ProductFacts;
  readonly aiStatus: AiStatus;
  readonly aiHighRisk: boolean;
  /** Whether the MDS2 form is expected (see `mds2`). */
  readonly mds2: Decision;
  readonly instruments: Readonly<Record<InstrumentId, Decision>>;
  readonly documents: Readonly<Record<DocType, Decision>>;
  /**
   * The decision for one catalogue clause. `doc` matters for NIS2: in the technical
   * documentation its items are the manufacturer's own duties, in the user documents they
   * are the deploying organisations' measures. Without `doc`, either suffices.
   */
  clause(clause: Clause, doc?: string): Decision;
}

function documentsFor(f: ProductFacts): Record<DocType, Decision> {
  const always: Decision = { applies: true, reason: 'every product with digital elements gets this document' };
  return {
    'cyber-techdoc': always,
    'secure-operation': always,
    decommissioning: always,
    'ai-transparency': f.aiSystem
      ? { applies: true, reason: 'the product contains an AI system (AI Act Art. 13, Art. 50)' }
      : { applies: false, reason: 'the product contains no AI system' },
  };
}

/** Art. 50 is the only part of the AI Act that reaches AI systems that are not high-risk. */
function isArt50(clause: Clause): boolean {
  return /^AIA-ART50-/.test(clause.id);
}

/** User documents: NIS2 items there support the deploying organisations. */
const DEPLOYER_DOCS = new Set(['secure-operation', 'decommissioning']);

/**
 * The MDS2 form is filed under FDA in the catalogue, but hospitals worldwide ask for it:
 * it applies to devices that healthcare providers deploy, and to anything sold in the US.
 */
function mds2(f: ProductFacts, fda: Decision): Decision {
  if (fda.applies) return { applies: true, reason: 'MDS2: expected with FDA submissions and by US hospitals' };
  if (f.deviceRegulation && !f.layUsers)
    return {
      applies: true,
      reason: 'MDS2: the manufacturer disclosure statement healthcare providers ask for (ANSI/NEMA HN 1-2019)',
    };
  return {
    applies: false,
    reason:
      'MDS2 is a disclosure form for healthcare-provider IT; the product is neither sold in the US nor deployed by healthcare providers',
  };
}

/**
 * Catalogue items of instrument MDR are written "MDR Annex I 17.2 / IVDR Annex I 16.2": they
 * apply under the product's regulation, and only where that regulation has the item.
 */
function deviceClause(c: Clause, f: ProductFacts): Decision {
  const base = deviceDecision(f);
  const reg = f.deviceRegulation;
  if (!reg) return { ...base, reason: `MDR ${base.reason}` };
  if (referenceFor(c, reg) !== undefined) return { ...base, reason: `${reg} ${base.reason}` };
  const other = reg === 'IVDR' ? 'MDR' : 'IVDR';
  const item = itemName(c, other);
  const device = reg === 'IVDR' ? 'in vitro diagnostic medical device' : 'medical device';
  // Only the catalogue's explicit remark ("no IVDR equivalent") supports saying the law lacks the
  // item; otherwise no counterpart has been identified, which is all the document may claim.
  const reason = new RegExp(`no ${reg} equivalent`).test(c.ref)
    ? `the ${reg} has no counterpart to ${item}; this ${device} is under the ${reg}`
    : `${item} is a requirement of the ${other}, and no ${reg} counterpart is identified in the clause catalogue; this ${device} is under the ${reg}`;
  return { applies: false, reason };
}

/** "MDR Annex I 18.8", or "the MDR Annex I 23.4 item on safe disposal" for an unlettered item. */
function itemName(c: Clause, regulation: 'MDR' | 'IVDR'): string {
  const ref = referenceFor(c, regulation) ?? c.ref;
  if (/\bitem on\b/.test(ref)) return `the ${ref}`;
  const described = / - (item on [^(]*?)\s*(?:\(|$)/.exec(c.ref);
  return described?.[1] !== undefined ? `the ${ref} ${described[1]}` : ref;
}

function nis2Clause(
  doc: string | undefined,
  instruments: Readonly<Record<InstrumentId, Decision>>,
): { id: InstrumentId; decision: Decision } {
  const m = instruments['NIS2-manufacturer'];
  const d = instruments['NIS2-deployers'];
  if (doc !== undefined && DEPLOYER_DOCS.has(doc)) return { id: 'NIS2-deployers', decision: d };
  if (doc !== undefined || m.applies || !d.applies) return { id: 'NIS2-manufacturer', decision: m };
  return { id: 'NIS2-deployers', decision: d };
}

export function decideApplicability(data: Data): Applicability {
  const facts = readFacts(data);
  const instruments = decideInstruments(facts);
  const aiHighRisk = isAiHighRisk(facts);
  const status = aiStatus(facts);
  const ctx = { facts, data, craApplies: instruments.CRA.applies, aiHighRisk };
  const mds2Decision = mds2(facts, instruments.FDA);
  const clause = (c: Clause, doc?: string): Decision => {
    let decision: Decision;
    // MDS2 items follow the form's own decision, then their conditions like any clause.
    if (c.id.startsWith('MDS2-')) decision = mds2Decision;
    else if (c.instrument === 'MDR') decision = deviceClause(c, facts);
    else if (c.instrument === 'NIS2') {
      const { id, decision: d } = nis2Clause(doc, instruments);
      decision = { ...d, reason: `${INSTRUMENT_NAMES[id]} ${d.reason}` };
    } else {
      const inst = instruments[c.instrument as InstrumentId] as Decision | undefined;
      const name = INSTRUMENT_NAMES[c.instrument as InstrumentId] ?? c.instrument;
      decision = inst ? { ...inst, reason: `${name} ${inst.reason}` } : { applies: true, reason: 'applies' };
    }
    if (!decision.applies) return decision;
    if (c.instrument === 'AIA' && !aiHighRisk && !isArt50(c))
      return status === 'prohibited'
        ? {
            applies: false,
            reason:
              'AI Act: the system is a prohibited AI practice (Art. 5); it must not be placed on the market, so no high-risk obligation arises',
          }
        : {
            applies: false,
            reason: 'AI Act: not applicable, the AI system is not high-risk (Art. 6); only Art. 50 applies',
          };
    if (c.condition !== undefined) {
      const rule = CONDITIONS[c.condition];
      if (rule && !rule.holds(ctx)) {
        const open = rule.unstated?.(ctx) ?? [];
        if (open.length > 0)
          return {
            applies: false,
            reason: 'undecided: the fact this requirement depends on is not yet stated',
            undecidedFields: open,
          };
        return { applies: false, reason: `condition not met: ${rule.whenNot}` };
      }
    }
    return decision;
  };
  return {
    facts,
    aiStatus: status,
    aiHighRisk,
    mds2: mds2Decision,
    instruments,
    documents: documentsFor(facts),
    clause,
  };
}

/** "CRA: not applicable, the product is …": the one-line decision as writers read it. */
export function describeDecision(id: InstrumentId, d: Decision): string {
  return `${INSTRUMENT_NAMES[id]}: ${d.reason}`;
}

/** The clauses of one document type with their decisions, in catalogue order. */
export function clauseDecisions(
  catalogue: Catalogue,
  app: Applicability,
  doc: DocType,
): { clause: Clause; decision: Decision }[] {
  return catalogue.clauses.filter((c) => c.doc.includes(doc)).map((c) => ({ clause: c, decision: app.clause(c, doc) }));
}
