import type { ProductFacts } from './facts.js';
import type { Decision } from './instruments.js';
import { withRationale } from './reasons.js';

/** CRA product categories (Art. 7 and Annex III: important class I or II; Art. 8 and Annex IV: critical). */
export const CRA_CATEGORIES = ['default', 'important-class-I', 'important-class-II', 'critical'] as const;
export type CraCategory = (typeof CRA_CATEGORIES)[number];

/** Conformity-assessment procedures of CRA Art. 32(1) (modules of Annex VIII, or a certification scheme). */
export const CRA_MODULES = ['A', 'B+C', 'H', 'certification-scheme'] as const;
export type CraModule = (typeof CRA_MODULES)[number];

const CATEGORY_TEXT: Readonly<Record<CraCategory, string>> = {
  default: 'default category (not listed in CRA Annex III or IV)',
  'important-class-I': 'important product with digital elements, class I (CRA Art. 7(1), Annex III)',
  'important-class-II': 'important product with digital elements, class II (CRA Art. 7(1), Annex III)',
  critical: 'critical product with digital elements (CRA Art. 8, Annex IV)',
};

/**
 * The conformity-assessment procedures the category allows (CRA Art. 32(1)-(4)).
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

const MODULE_TEXT: Readonly<Record<CraModule, string>> = {
  A: 'internal control (module A, CRA Annex VIII Part I)',
  'B+C':
    'EU-type examination (module B) followed by conformity to EU-type based on internal production control (module C) (CRA Annex VIII Parts II and III)',
  H: 'conformity based on full quality assurance (module H, CRA Annex VIII Part IV)',
  'certification-scheme':
    'a European cybersecurity certification scheme at assurance level at least "substantial" (CRA Art. 32(1)(d))',
};

export function isCraCategory(v: string | undefined): v is CraCategory {
  return v !== undefined && (CRA_CATEGORIES as readonly string[]).includes(v);
}

export function isCraModule(v: string | undefined): v is CraModule {
  return v !== undefined && (CRA_MODULES as readonly string[]).includes(v);
}

/** Whether a category and the standards applied allow internal control (module A), CRA Art. 32(1)-(4). */
export function craModuleAAllowed(category: CraCategory, standardsInFull: boolean | undefined): boolean | undefined {
  if (category === 'default') return true;
  if (category === 'important-class-I') return standardsInFull;
  return false;
}

/** Modules that need a notified body (CRA Art. 32, Annex VIII): all but internal control. */
export const craNeedsNotifiedBody = (m: CraModule): boolean => m === 'B+C' || m === 'H';

interface Route {
  readonly text: string;
  readonly missing: readonly string[];
}

/** The procedure the manufacturer follows, decided from category, standards applied and the module chosen. */
function route(f: ProductFacts, category: CraCategory): Route {
  const moduleA = craModuleAAllowed(category, f.craStandardsInFull);
  const chosen = isCraModule(f.craModule) ? f.craModule : undefined;
  let basis = '';
  if (category === 'important-class-I')
    basis =
      moduleA === true
        ? 'harmonised standards, common specifications or a certification scheme covering the essential requirements were applied in full, so internal control (module A) is allowed (CRA Art. 32(2))'
        : moduleA === false
          ? 'harmonised standards, common specifications or a certification scheme covering all essential requirements were not applied in full, so internal control (module A) is excluded and a notified body is involved: modules B and C or module H (CRA Art. 32(2))'
          : CRA_ROUTES[category];
  else basis = CRA_ROUTES[category];
  if (!chosen) {
    const missing = [
      'regulatory.cra.module',
      ...(category === 'important-class-I' && moduleA === undefined
        ? ['regulatory.cra.harmonised_standards_in_full']
        : []),
    ];
    return { text: `conformity assessment: ${basis}`, missing };
  }
  if (chosen === 'A' && moduleA !== true)
    return {
      text: `conformity assessment: ${basis}; internal control (module A) as stated by the manufacturer is not allowed for this category without harmonised standards, common specifications or a certification scheme applied in full, so the procedure must be reconsidered`,
      missing: moduleA === undefined ? ['regulatory.cra.harmonised_standards_in_full'] : [],
    };
  const nbMissing: string[] = [];
  let nb = '';
  if (craNeedsNotifiedBody(chosen)) {
    const name = f.craNotifiedBodyName;
    const number = f.craNotifiedBodyNumber;
    if (!name) nbMissing.push('regulatory.cra.notified_body.name');
    if (!number) nbMissing.push('regulatory.cra.notified_body.number');
    nb = name ? `; notified body: ${name}${number ? `, identification number ${number}` : ''}` : '';
    if (f.craCertificateRef) nb += `; certificate ${f.craCertificateRef}`;
    else nbMissing.push('regulatory.cra.certificate_ref');
  }
  return {
    text: `conformity assessment: ${basis}; procedure applied: ${MODULE_TEXT[chosen]}${nb}`,
    missing: nbMissing,
  };
}

/** The CRA category and route as one decision: applies when the CRA applies. */
export function craCategoryDecision(f: ProductFacts, cra: Decision): Decision {
  if (!cra.applies)
    return {
      applies: false,
      reason: cra.reason,
      ...(cra.undecidedFields ? { undecidedFields: cra.undecidedFields } : {}),
    };
  if (!isCraCategory(f.craCategory))
    return {
      applies: true,
      reason:
        'the CRA category (default, important class I or II, critical) is not yet stated, so the conformity-assessment route (CRA Art. 32) is open.',
      missing: ['regulatory.cra.category'],
    };
  const point = f.craAnnexPoint && f.craCategory !== 'default' ? ` point ${f.craAnnexPoint}` : '';
  const category = CATEGORY_TEXT[f.craCategory].replace(/(Annex (?:III|IV))\)$/, `$1${point})`);
  const r = route(f, f.craCategory);
  const missing = [...r.missing, ...(f.craRationale ? [] : ['regulatory.cra.rationale'])];
  return {
    applies: true,
    reason: withRationale(`${category}; ${r.text}`, f.craRationale),
    ...(missing.length > 0 ? { missing } : {}),
  };
}
