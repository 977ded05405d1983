import type { ProductFacts } from './facts.js';
import type { Decision } from './instruments.js';
import { withRationale } from './reasons.js';

/** CRA product categories (Art. 7 and Annex III: important class I or II; Art. 8 and Annex IV: critical). */
export const CRA_CATEGORIES = ['default', 'important-class-I', 'important-class-II', 'critical'] as const;
export type CraCategory = (typeof CRA_CATEGORIES)[number];

const CATEGORY_TEXT: Readonly<Record<CraCategory, string>> = {
  default: 'default category (not listed in CRA Annex III or IV)',
  'important-class-I': 'important product with digital elements, class I (CRA Art. 7(1), Annex III)',
  'important-class-II': 'important product with digital elements, class II (CRA Art. 7(1), Annex III)',
  critical: 'critical product with digital elements (CRA Art. 8, Annex IV)',
};

/**
 * The conformity-assessment procedure that follows from the category (CRA Art. 32(1)-(4)).
 * Modules are those of CRA Annex VIII.
 */
export const CRA_ROUTES: Readonly<Record<CraCategory, string>> = {
  default:
    'the manufacturer may use internal control (module A, CRA Art. 32(1)(a)) or any other procedure of Art. 32(1)',
  'important-class-I':
    'internal control (module A) is allowed only where the manufacturer has applied in full harmonised standards, common specifications or a European cybersecurity certification scheme at assurance level at least "substantial" covering the essential requirements (CRA Art. 32(2)); otherwise EU-type examination followed by conformity to type based on internal production control (modules B and C) or full quality assurance (module H)',
  'important-class-II':
    'EU-type examination followed by conformity to type based on internal production control (modules B and C) or full quality assurance (module H), or, where available and applicable, a European cybersecurity certification scheme at assurance level at least "substantial" (CRA Art. 32(3))',
  critical:
    'a European cybersecurity certification scheme required under CRA Art. 8(1) at assurance level at least "substantial"; where no such scheme is required, one of the procedures for important class II products (CRA Art. 32(4))',
};

export function isCraCategory(v: string | undefined): v is CraCategory {
  return v !== undefined && (CRA_CATEGORIES as readonly string[]).includes(v);
}

/** The CRA category and route as one decision: applies when the CRA applies. */
export function craCategoryDecision(f: ProductFacts, cra: Decision): Decision {
  if (!cra.applies)
    return { applies: false, reason: cra.reason, ...(cra.undecidedFields ? { undecidedFields: cra.undecidedFields } : {}) };
  if (!isCraCategory(f.craCategory))
    return {
      applies: true,
      reason: 'the CRA category (default, important class I or II, critical) is not yet stated, so the conformity-assessment route (CRA Art. 32) is open.',
      missing: ['regulatory.cra.category'],
    };
  const point = f.craAnnexPoint && f.craCategory !== 'default' ? ` point ${f.craAnnexPoint}` : '';
  const category = CATEGORY_TEXT[f.craCategory].replace(/(Annex (?:III|IV))\)$/, `$1${point})`);
  return {
    applies: true,
    reason: withRationale(`${category}; conformity assessment: ${CRA_ROUTES[f.craCategory]}`, f.craRationale),
    ...(f.craRationale ? {} : { missing: ['regulatory.cra.rationale'] }),
  };
}
