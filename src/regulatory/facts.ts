import { getPath, isSupplied, type Data } from './data-path.js';

/**
 * The regulatory facts of one product, read once from its data. Applicability
 * rules and clause conditions are written against these, never against raw paths.
 */
export interface ProductFacts {
  readonly markets: readonly string[];
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
  readonly fdaSubmission: string | undefined;
  readonly placedOnMarket: string | undefined;
  readonly softwareOnly: boolean;
  readonly layUsers: boolean;
  readonly mobile: boolean;
  readonly networkConnected: boolean;
  readonly cloudHosting: boolean;
  readonly failsafeMode: boolean;
  readonly personalData: boolean;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const bool = (v: unknown): boolean => v === true;

export function readFacts(data: Data): ProductFacts {
  const markets = Array.isArray(getPath(data, 'regulatory.markets'))
    ? (getPath(data, 'regulatory.markets') as unknown[]).filter((m): m is string => typeof m === 'string')
    : [];
  const regulation = str(getPath(data, 'regulatory.medical_device.regulation'));
  return {
    markets,
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
    fdaSubmission: str(getPath(data, 'regulatory.fda.submission_type')),
    placedOnMarket: str(getPath(data, 'regulatory.placed_on_market')),
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
  };
}
