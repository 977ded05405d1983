import { getPath, isSupplied, type Data } from './data-path.js';

/**
 * The regulatory facts of one product, read once from its data. Applicability
 * rules and clause conditions are written against these, never against raw paths.
 */
export interface ProductFacts {
  readonly markets: readonly string[];
  /** `regulatory.markets` names at least one market: without it no market-bound law can be decided. */
  readonly marketsStated: boolean;
  readonly euMarket: boolean;
  readonly usMarket: boolean;
  /** 'MDR' | 'IVDR' | undefined (not a medical device or not stated). */
  readonly deviceRegulation: 'MDR' | 'IVDR' | undefined;
  readonly deviceRegulationStated: boolean;
  readonly deviceClass: string | undefined;
  readonly notifiedBody: boolean;
  readonly aiSystem: boolean;
  readonly aiRiskClass: string | undefined;
  readonly aiHighRiskBasis: string | undefined;
  readonly aiAnnexIIIPoint: string | undefined;
  readonly aiComponentOfProduct: boolean;
  readonly nis2EntityType: string | undefined;
  /** Enterprise size of the manufacturer: micro, small, medium or large (NIS2 Art. 2(1)). */
  readonly nis2Size: string | undefined;
  readonly nis2Sector: string | undefined;
  readonly nis2Rationale: string | undefined;
  /** NIS2 status of the organisations that deploy the product (empty: not stated). */
  readonly nis2DeployerTypes: readonly string[];
  readonly nis2DeployerSectors: readonly string[];
  readonly nis2DeployerRationale: string | undefined;
  readonly deviceRationale: string | undefined;
  readonly aiFeatureName: string | undefined;
  readonly aiRationale: string | undefined;
  readonly aiRiskRationale: string | undefined;
  readonly aiArt50Rationale: string | undefined;
  readonly craCategory: string | undefined;
  readonly craAnnexPoint: string | undefined;
  readonly craRationale: string | undefined;
  /** Harmonised standards, common specifications or a certification scheme applied in full (CRA Art. 32(2)). */
  readonly craStandardsInFull: boolean | undefined;
  /** Conformity-assessment procedure chosen (CRA Art. 32(1)): A, B+C, H or certification-scheme. */
  readonly craModule: string | undefined;
  readonly craNotifiedBodyName: string | undefined;
  readonly craNotifiedBodyNumber: string | undefined;
  readonly craCertificateRef: string | undefined;
  /** The manufacturer's reason why the CRA does not apply (`regulatory.cra.not_applicable`). */
  readonly craNotApplicable: string | undefined;
  /** Member State designation that brings a small or micro manufacturer into NIS2 (Art. 2(2)-(4)). */
  readonly nis2Designation: string | undefined;
  /** Art. 50 situations declared true, by data path (ai.interaction_disclosure.applies, …). */
  readonly aiArt50Situations: readonly string[];
  /** Whether every Art. 50 situation is declared, true or false. */
  readonly aiArt50Declared: boolean;
  readonly fdaSubmission: string | undefined;
  /**
   * Date of placing on the market: `regulatory.placed_on_market` (the EU market), else
   * `product.placing_on_market_date` (the date the declaration of conformity states).
   */
  readonly placedOnMarket: string | undefined;
  readonly softwareOnly: boolean;
  readonly layUsers: boolean;
  readonly mobile: boolean;
  readonly networkConnected: boolean;
  readonly cloudHosting: boolean;
  readonly failsafeMode: boolean;
  readonly personalData: boolean;
  /** Known vulnerabilities still open at release (VEX status affected or under investigation), by id. */
  readonly openVulnerabilities: readonly string[];
  /** Whether the vulnerabilities known at release are recorded at all (a list, or declared none). */
  readonly knownVulnerabilitiesStated: boolean;
}

const OPEN_STATUS = new Set(['affected', 'under-investigation']);

function openVulnerabilities(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  const out: string[] = [];
  for (const item of v as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const rec = item as Record<string, unknown>;
    if (typeof rec.status === 'string' && OPEN_STATUS.has(rec.status))
      out.push(typeof rec.id === 'string' ? rec.id : '(no id)');
  }
  return out;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const bool = (v: unknown): boolean => v === true;
const optBool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : [];

/** A section declared not applicable with a reason (`not_applicable: "…"` beside `applies`). */
function notApplicable(data: Data, flagPath: string): boolean {
  const section = flagPath.replace(/\.applies$/, '');
  return str(getPath(data, `${section}.not_applicable`)) !== undefined;
}

/** The Art. 50(1)-(4) situations, as the data declares them. */
export const ART50_FLAGS: readonly string[] = [
  'ai.interaction_disclosure.applies',
  'ai.synthetic_content_marking.applies',
  'ai.emotion_or_biometric.applies',
  'ai.deepfake_disclosure.applies',
  'ai.text_disclosure.applies',
];

/** The fields that state when the product is placed on the market, the EU-specific one first. */
export const PLACING_ON_MARKET_FIELDS = ['regulatory.placed_on_market', 'product.placing_on_market_date'] as const;

function placingOnMarket(data: Data): string | undefined {
  for (const field of PLACING_ON_MARKET_FIELDS) {
    const v = str(getPath(data, field));
    if (v !== undefined) return v;
  }
  return undefined;
}

export function readFacts(data: Data): ProductFacts {
  const markets = Array.isArray(getPath(data, 'regulatory.markets'))
    ? (getPath(data, 'regulatory.markets') as unknown[]).filter((m): m is string => typeof m === 'string')
    : [];
  const regulation = str(getPath(data, 'regulatory.medical_device.regulation'));
  return {
    markets,
    marketsStated: markets.length > 0,
    euMarket: markets.includes('EU'),
    usMarket: markets.includes('US'),
    deviceRegulation: regulation === 'MDR' || regulation === 'IVDR' ? regulation : undefined,
    deviceRegulationStated: regulation !== undefined,
    deviceClass: str(getPath(data, 'regulatory.medical_device.class')),
    notifiedBody: isSupplied(getPath(data, 'regulatory.medical_device.notified_body')),
    aiSystem: bool(getPath(data, 'regulatory.ai_act.ai_system')),
    aiRiskClass: str(getPath(data, 'regulatory.ai_act.risk_class')),
    aiHighRiskBasis: str(getPath(data, 'regulatory.ai_act.high_risk_basis')),
    aiAnnexIIIPoint: str(getPath(data, 'regulatory.ai_act.annex_iii_point')),
    aiComponentOfProduct: bool(getPath(data, 'regulatory.ai_act.component_of_product')),
    nis2EntityType: str(getPath(data, 'regulatory.nis2.entity_type')),
    // `organisation.size_category` (the catalogue's process field) says the same where the NIS2 block is silent.
    nis2Size: str(getPath(data, 'regulatory.nis2.size')) ?? str(getPath(data, 'organisation.size_category')),
    nis2Sector: str(getPath(data, 'regulatory.nis2.sector')),
    nis2Rationale: str(getPath(data, 'regulatory.nis2.rationale')),
    nis2DeployerTypes: strings(getPath(data, 'regulatory.nis2.deployers.entity_types')),
    nis2DeployerSectors: strings(getPath(data, 'regulatory.nis2.deployers.sectors')),
    nis2DeployerRationale: str(getPath(data, 'regulatory.nis2.deployers.rationale')),
    deviceRationale: str(getPath(data, 'regulatory.medical_device.rationale')),
    aiFeatureName: str(getPath(data, 'regulatory.ai_act.feature_name')),
    aiRationale: str(getPath(data, 'regulatory.ai_act.rationale')),
    aiRiskRationale: str(getPath(data, 'regulatory.ai_act.risk_rationale')),
    aiArt50Rationale: str(getPath(data, 'regulatory.ai_act.art50_rationale')),
    craCategory: str(getPath(data, 'regulatory.cra.category')),
    craAnnexPoint: str(getPath(data, 'regulatory.cra.annex_iii_point')),
    craRationale: str(getPath(data, 'regulatory.cra.rationale')),
    craStandardsInFull: optBool(getPath(data, 'regulatory.cra.harmonised_standards_in_full')),
    craModule: str(getPath(data, 'regulatory.cra.module')),
    craNotifiedBodyName: str(getPath(data, 'regulatory.cra.notified_body.name')),
    craNotifiedBodyNumber: str(getPath(data, 'regulatory.cra.notified_body.number')),
    craCertificateRef: str(getPath(data, 'regulatory.cra.certificate_ref')),
    craNotApplicable: str(getPath(data, 'regulatory.cra.not_applicable')),
    nis2Designation: str(getPath(data, 'regulatory.nis2.designation')),
    aiArt50Situations: ART50_FLAGS.filter((p) => getPath(data, p) === true),
    aiArt50Declared: ART50_FLAGS.every((p) => typeof getPath(data, p) === 'boolean' || notApplicable(data, p)),
    fdaSubmission: str(getPath(data, 'regulatory.fda.submission_type')),
    placedOnMarket: placingOnMarket(data),
    softwareOnly: bool(getPath(data, 'product.software_only')),
    layUsers: bool(getPath(data, 'product.lay_users')),
    mobile: bool(getPath(data, 'platform.mobile')),
    networkConnected:
      isSupplied(getPath(data, 'network.interfaces')) ||
      isSupplied(getPath(data, 'network.ports')) ||
      isSupplied(getPath(data, 'network.data_flows')),
    cloudHosting: isSupplied(getPath(data, 'it_requirements.cloud_hosting')),
    failsafeMode: isSupplied(getPath(data, 'security.failsafe_mode')),
    personalData: bool(getPath(data, 'data_processing.personal_data')),
    openVulnerabilities: openVulnerabilities(getPath(data, 'techdoc.known_vulnerabilities')),
    knownVulnerabilitiesStated: getPath(data, 'techdoc.known_vulnerabilities') !== undefined,
  };
}
