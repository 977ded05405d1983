import { clauseDecisions, type Applicability } from './applicability.js';
import type { Catalogue, DocType } from './catalogue.js';
import { answerField, getPath, isSupplied, type Data, type Declaration } from './data-path.js';

/**
 * Fields a clause names that the law asks for only under a condition: an authorised
 * representative only for a manufacturer established outside the Union, remote-service
 * details only when there is remote service. Where the condition does not hold the field is
 * not required (no TBD); where the fact that decides it is missing, that fact is what is missing.
 */
interface Requirement {
  /** Catalogue paths governed (the path itself or anything below it). */
  readonly prefix: string;
  /** The field that decides whether the requirement holds. */
  readonly decidedBy: string;
  /** true: required; false: not required, with the reason; undefined: the deciding fact is missing. */
  readonly required: (
    data: Data,
  ) => { readonly required: true } | { readonly required: false; readonly reason: string } | undefined;
}

/** EU Member States, ISO 3166-1 alpha-2 (Greece also as EL, the EU's own code). */
const EU_MEMBER_STATES = new Set([
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'EL',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
]);

/** The EEA states outside the EU (Iceland, Liechtenstein, Norway). */
const EEA_EFTA_STATES = new Set(['IS', 'LI', 'NO']);

const REQUIREMENTS: readonly Requirement[] = [
  {
    prefix: 'authorised_rep',
    decidedBy: 'manufacturer.country',
    required: (data) => {
      const country = getPath(data, 'manufacturer.country');
      if (typeof country !== 'string' || country.trim() === '') return undefined;
      const code = country.trim().toUpperCase();
      // The MDR and the IVDR apply in the EEA EFTA states through the EEA Agreement, so a
      // manufacturer there needs no representative for them; the AI Act's Art. 22 is kept to
      // the Union, so an AI system keeps the requirement.
      const regulation = getPath(data, 'regulatory.medical_device.regulation');
      const device = regulation === 'MDR' || regulation === 'IVDR';
      if (EEA_EFTA_STATES.has(code) && device && getPath(data, 'regulatory.ai_act.ai_system') === false)
        return {
          required: false,
          reason: `the manufacturer is established in an EEA state (${country.trim()}), where the ${regulation} applies through the EEA Agreement; an authorised representative is needed only for a manufacturer established outside the EEA (${regulation} Art. 11(1))`,
        };
      if (!EU_MEMBER_STATES.has(code)) return { required: true };
      return {
        required: false,
        reason:
          `the manufacturer is established in an EU Member State (${country.trim()}); an authorised ` +
          'representative is needed only for a manufacturer established outside the Union (MDR Art. 11(1), IVDR Art. 11(1), AI Act Art. 22(1))',
      };
    },
  },
  {
    prefix: 'remote_service',
    decidedBy: 'remote_service.enabled',
    required: (data) => {
      const enabled = getPath(data, 'remote_service.enabled');
      if (enabled === true) return { required: true };
      if (enabled === false) return { required: false, reason: 'the product offers no remote service' };
      return undefined;
    },
  },
];

function governing(field: string): Requirement | undefined {
  return REQUIREMENTS.find(
    (r) =>
      field !== r.decidedBy &&
      (field === r.prefix || field.startsWith(`${r.prefix}.`) || field.startsWith(`${r.prefix}[`)),
  );
}

/** How far the data answers the fields of one clause. */
export interface ClauseAnswer {
  /** Data paths still to be supplied. */
  readonly missing: readonly string[];
  /** Why parts of the clause do not apply: declarations and conditions that do not hold. */
  readonly notApplicable: readonly string[];
  /** Some field has content beyond the facts that decided the conditions. */
  readonly content: boolean;
}

/** The writer's reason as the reader sees it: the data path it was declared at never reaches a document. */
function declarationReason(d: Declaration): string {
  return d.reason;
}

export function answerClause(data: Data, fields: readonly string[]): ClauseAnswer {
  const missing = new Set<string>();
  const notApplicable = new Set<string>();
  const deciders = new Set<string>();
  const supplied: string[] = [];
  for (const field of fields) {
    const answer = answerField(data, field);
    for (const d of answer.declared) notApplicable.add(declarationReason(d));
    if (answer.missing.length === 0) {
      if (answer.declared.length === 0) supplied.push(field);
      continue;
    }
    const requirement = governing(field);
    const decision = requirement?.required(data);
    if (requirement === undefined || decision?.required === true) {
      for (const m of answer.missing) missing.add(m);
    } else if (decision === undefined) {
      // Undecided: the deciding fact is what the writer must supply (once, not per field).
      if (!isSupplied(getPath(data, requirement.decidedBy))) missing.add(requirement.decidedBy);
    } else {
      notApplicable.add(decision.reason);
      deciders.add(requirement.decidedBy);
    }
  }
  return {
    missing: [...missing],
    notApplicable: [...notApplicable],
    content: supplied.some((f) => !deciders.has(f)),
  };
}

/**
 * The data paths that clauses of one document need, that apply to this product, and that are
 * still missing: the gaps a template must show as TBD rather than leave out.
 */
export function missingForDocument(
  catalogue: Catalogue,
  applicability: Applicability,
  doc: DocType,
  data: Data,
): Set<string> {
  const out = new Set<string>();
  for (const { clause, decision } of clauseDecisions(catalogue, applicability, doc)) {
    // A clause left open by an unstated fact (`platform.mobile`): the fact is the gap, so a
    // section guarded by it shows a TBD instead of vanishing.
    for (const path of decision.undecidedFields ?? []) out.add(path);
    if (!decision.applies) continue;
    for (const path of answerClause(data, clause.fields).missing) out.add(path);
  }
  return out;
}
