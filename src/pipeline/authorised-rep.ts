import type { Applicability } from '../regulatory/applicability.js';
import { answerClause } from '../regulatory/field-requirements.js';
import { templateDecisions } from '../regulatory/template-decisions.js';
import type { Data } from '../regulatory/data-path.js';

/**
 * Whether the manufacturer's details in a document need an EU authorised representative
 * (`{{#applies "authorised-rep"}}`): a medical device under the MDR or the IVDR whose manufacturer
 * is established outside the Union (MDR Art. 11(1), IVDR Art. 11(1)). Where the representative is
 * missing the row then shows a TBD instead of leaving the gap unseen. Whether the country is
 * inside the Union is decided once, by the regulatory field requirements.
 */
export interface AuthorisedRepDecision {
  readonly applies: boolean;
  readonly reason: string;
  readonly missing: readonly string[];
}

export function authorisedRepDecision(data: Data, app: Applicability): AuthorisedRepDecision {
  const md = templateDecisions(app).MD;
  if (!md.applies)
    return { applies: false, reason: 'the product is not a medical device under the MDR or the IVDR', missing: [] };
  const answer = answerClause(data, ['authorised_rep.name']);
  if (answer.missing.length === 0 && answer.notApplicable.length === 0)
    return { applies: true, reason: 'the manufacturer names its authorised representative', missing: [] };
  if (answer.notApplicable.length > 0) return { applies: false, reason: answer.notApplicable.join('; '), missing: [] };
  if (answer.missing.includes('manufacturer.country'))
    return {
      applies: false,
      reason: 'undecided: the country where the manufacturer is established is not stated',
      missing: ['manufacturer.country'],
    };
  return {
    applies: true,
    reason:
      'the manufacturer is established outside the Union and needs an authorised representative (MDR Art. 11(1), IVDR Art. 11(1))',
    missing: [],
  };
}
