import type { ProductFacts } from './facts.js';
import type { Decision } from './instruments.js';
import { withRationale } from './reasons.js';

/**
 * NIS2 (Directive (EU) 2022/2555) obliges entities, not products. Two separate decisions:
 * the manufacturer as an entity (its own Art. 21 measures and Art. 23 reporting shape the
 * technical documentation) and the organisations that deploy the product (their Art. 21
 * measures shape what the secure-operation document gives them).
 */

const SIZE_RULE =
  'entities of a sector in NIS2 Annex I or II are in scope if medium-sized or larger (NIS2 Art. 2(1)); small and micro enterprises only where a Member State designates them (Art. 2(2)-(4))';

/** Manufacture of medical devices and IVDs: NIS2 Annex II point 5 (other critical sectors). */
const MANUFACTURER_SECTOR =
  'manufacture of medical devices and in vitro diagnostic medical devices is listed in NIS2 Annex II point 5';

const SIZE_WORD: Readonly<Record<string, string>> = {
  micro: 'micro',
  small: 'small',
  medium: 'medium-sized',
  large: 'large',
};

/** The basis of a stated entity type: the size that puts the manufacturer in scope, or the designation that does. */
function statedBasis(f: ProductFacts, type: 'essential' | 'important'): { text: string; missing: readonly string[] } {
  const size = f.nis2Size;
  const designated = f.nis2Designation
    ? `; Member State designation: ${f.nis2Designation.replace(/[.]$/, '')} (NIS2 Art. 2(2)-(4))`
    : '';
  // An Annex II manufacturer is essential only by designation (Art. 3(1)(e)); a small or micro one is in scope only by designation (Art. 2(2)-(4)).
  const needsDesignation =
    size === 'micro' || size === 'small' || (type === 'essential' && f.deviceRegulation !== undefined);
  const sizeText = size ? ` The manufacturer is a ${SIZE_WORD[size] ?? size} enterprise` : '';
  if (needsDesignation && !f.nis2Designation)
    return {
      text: `${sizeText ? `${sizeText.trim()}; ` : ''}${size === 'micro' || size === 'small' ? 'a small or micro enterprise is outside NIS2 unless a Member State designates it (NIS2 Art. 2(1)-(4)), so the designation is to be stated' : 'a manufacturer of an Annex II sector is an essential entity only by Member State designation (NIS2 Art. 3(1)(e)), so the designation is to be stated'}`,
      missing: ['regulatory.nis2.designation'],
    };
  if (f.nis2Designation) return { text: `${sizeText ? sizeText.trim() : 'designated'}${designated}`, missing: [] };
  if (size) return { text: `${sizeText.trim()}, in scope by size (NIS2 Art. 2(1))`, missing: [] };
  return { text: '', missing: ['regulatory.nis2.size'] };
}

export function nis2ManufacturerDecision(f: ProductFacts): Decision {
  const sector = f.deviceRegulation ? `; ${MANUFACTURER_SECTOR}` : f.nis2Sector ? ` (sector: ${f.nis2Sector})` : '';
  const duties = 'its own cybersecurity risk-management measures (NIS2 Art. 21) and incident reporting (Art. 23) apply';
  if (f.nis2EntityType === 'essential' || f.nis2EntityType === 'important') {
    const article = f.nis2EntityType === 'essential' ? 'Art. 3(1)' : 'Art. 3(2)';
    const basis = statedBasis(f, f.nis2EntityType);
    return {
      applies: true,
      reason: withRationale(
        `applies: the manufacturer is an ${f.nis2EntityType} entity (NIS2 ${article})${sector}${basis.text ? `. ${basis.text}` : ''}; ${duties}`,
        f.nis2Rationale,
      ),
      ...(basis.missing.length > 0 ? { missing: basis.missing } : {}),
    };
  }
  if (f.nis2EntityType === 'none')
    return {
      applies: false,
      reason: withRationale(
        'not applicable: the manufacturer is neither an essential nor an important entity (NIS2 Art. 2-3)',
        f.nis2Rationale,
      ),
    };
  // Not stated: derive what the Directive itself decides from sector and size.
  if (f.nis2Size === 'micro' || f.nis2Size === 'small')
    return {
      applies: false,
      reason: withRationale(
        `not applicable: the manufacturer is a ${f.nis2Size} enterprise, outside NIS2 unless a Member State designates it (NIS2 Art. 2(1)-(4))`,
        f.nis2Rationale,
      ),
    };
  if (f.deviceRegulation && (f.nis2Size === 'medium' || f.nis2Size === 'large'))
    return {
      applies: true,
      reason: withRationale(
        `applies: the manufacturer is a ${f.nis2Size} enterprise and ${MANUFACTURER_SECTOR}, so it is an important entity unless a Member State designates it as essential (NIS2 Art. 2(1), Art. 3(1)(e) and 3(2)); ${duties}`,
        f.nis2Rationale,
      ),
    };
  return {
    applies: false,
    reason: `undecided: the manufacturer's NIS2 status is not yet stated; ${SIZE_RULE}`,
    undecidedFields: ['regulatory.nis2.entity_type'],
  };
}

/** What NIS2 says about healthcare providers, stated exactly (Art. 2-3, Annex I point 5). */
export const HEALTHCARE_PROVIDERS_RULE =
  'healthcare providers are a sector of NIS2 Annex I point 5 (health): a large one is an essential entity, a medium-sized one an important entity, and a small or micro one is outside NIS2 unless a Member State designates it (NIS2 Art. 2(1)-(2), Art. 3(1)(a) and 3(2))';

export function nis2DeployersDecision(f: ProductFacts): Decision {
  const support = 'this document supports their own risk-management measures (NIS2 Art. 21(2))';
  const types = f.nis2DeployerTypes;
  const sectors = f.nis2DeployerSectors.length > 0 ? ` (${f.nis2DeployerSectors.join(', ')})` : '';
  if (types.length > 0) {
    const entities = ['essential', 'important'].filter((t) => types.includes(t));
    if (entities.length === 0)
      return {
        applies: false,
        reason: withRationale(
          `not applicable: the organisations that deploy the product${sectors} are not NIS2 entities (NIS2 Art. 2-3)`,
          f.nis2DeployerRationale,
        ),
      };
    return {
      applies: true,
      reason: withRationale(
        `applies to the deployers: organisations that deploy the product${sectors} include ${entities.map((e) => `${e} entities`).join(' and ')} (NIS2 Art. 3); ${support}`,
        f.nis2DeployerRationale,
      ),
    };
  }
  // A door lock has consumers, not patients: "patients" only for a medical device.
  if (f.layUsers)
    return {
      applies: false,
      reason: `not applicable to the users: the product is used by ${f.deviceRegulation ? 'patients or consumers' : 'consumers'}, who are natural persons and not NIS2 entities (NIS2 Art. 2-3)`,
    };
  if (f.deviceRegulation)
    return {
      applies: true,
      reason: `applies to deployers that are NIS2 entities: ${HEALTHCARE_PROVIDERS_RULE}; ${support}`,
    };
  return {
    applies: false,
    reason:
      'not applicable: no organisation that deploys the product is identified as an essential or important entity (NIS2 Art. 2-3)',
  };
}

/** Either decision, for sentences about NIS2 as a whole. */
export function nis2Decision(manufacturer: Decision, deployers: Decision): Decision {
  const applies = manufacturer.applies || deployers.applies;
  const bare = (r: string): string => r.replace(/\.$/, '');
  return { applies, reason: `manufacturer: ${bare(manufacturer.reason)}; deployers: ${bare(deployers.reason)}` };
}
