import { APPLICATION_DATES, longDate } from './dates.js';
import type { ProductFacts } from './facts.js';

export const INSTRUMENT_IDS = ['MDR', 'MDCG', 'IEC81001', 'CRA', 'AIA', 'NIS2', 'PLD', 'FDA'] as const;
export type InstrumentId = (typeof INSTRUMENT_IDS)[number];

/** Whether an instrument applies to a product, with a one-line reason citing the article. */
export interface Decision {
  readonly applies: boolean;
  readonly reason: string;
  /** Data fields whose absence keeps the decision open (then `applies` is false). */
  readonly undecidedFields?: readonly string[];
}

const NB_CLASSES = new Set(['Is', 'Im', 'Ir', 'IIa', 'IIb', 'III', 'As', 'B', 'C', 'D']);

function regulationName(r: 'MDR' | 'IVDR'): string {
  return r === 'MDR' ? 'Regulation (EU) 2017/745 (MDR)' : 'Regulation (EU) 2017/746 (IVDR)';
}

/** An AI medical device is high-risk when its conformity assessment needs a notified body (AI Act Art. 6(1)). */
export function isAiHighRisk(f: ProductFacts): boolean {
  if (!f.aiSystem) return false;
  if (f.aiRiskClass === 'high') return true;
  return f.deviceRegulation !== undefined && f.deviceClass !== undefined && NB_CLASSES.has(f.deviceClass);
}

function mdr(f: ProductFacts): Decision {
  if (f.deviceRegulation) {
    const cls = f.deviceClass ? `class ${f.deviceClass} ` : '';
    return {
      applies: true,
      reason: `applies: ${cls}${f.deviceRegulation === 'IVDR' ? 'in vitro diagnostic ' : ''}medical device under ${regulationName(f.deviceRegulation)}; ${f.deviceRegulation === 'IVDR' ? 'Annex I 16 and 20.4' : 'Annex I 17 and 23.4'} set the software and IT-security requirements`,
    };
  }
  if (!f.deviceRegulationStated)
    return {
      applies: false,
      reason: 'undecided: the data does not say whether the product is a medical device',
      undecidedFields: ['regulatory.medical_device.regulation'],
    };
  return { applies: false, reason: 'not applicable: the product is not a medical device under the MDR or IVDR (MDR Art. 2(1))' };
}

function mdcg(f: ProductFacts): Decision {
  const base = mdr(f);
  if (!base.applies) return { ...base, reason: base.reason.replace(/^not applicable:/, 'not applicable (guidance for MDR/IVDR devices):') };
  return { applies: true, reason: 'applies: MDCG 2019-16 is the guidance for meeting MDR/IVDR Annex I cybersecurity requirements' };
}

function iec81001(f: ProductFacts): Decision {
  if (f.deviceRegulation)
    return {
      applies: true,
      reason: 'applies as the state of the art for health software security activities (MDR Annex I 17.2, MDCG 2019-16 §3)',
    };
  return {
    applies: false,
    reason: 'not applied: the product is not a medical device; its security requirements come from the CRA (IEC 81001-5-1 remains good practice)',
  };
}

function cra(f: ProductFacts): Decision {
  if (f.deviceRegulation === 'MDR')
    return {
      applies: false,
      reason: 'not applicable: the product is a medical device under Regulation (EU) 2017/745 (CRA Art. 2(2)(a))',
    };
  if (f.deviceRegulation === 'IVDR')
    return {
      applies: false,
      reason: 'not applicable: the product is an in vitro diagnostic medical device under Regulation (EU) 2017/746 (CRA Art. 2(2)(b))',
    };
  if (!f.deviceRegulationStated)
    return {
      applies: false,
      reason: 'undecided: the CRA does not apply to MDR/IVDR devices (CRA Art. 2(2)); state whether the product is one',
      undecidedFields: ['regulatory.medical_device.regulation'],
    };
  if (!f.euMarket) return { applies: false, reason: 'not applicable: the product is not made available on the EU market (CRA Art. 2(1))' };
  const d = APPLICATION_DATES.craObligations;
  return {
    applies: true,
    reason: `applies: product with digital elements made available on the EU market that is not a medical device (CRA Art. 2(1)); obligations apply from ${longDate(d.date)} (${d.source})`,
  };
}

function aia(f: ProductFacts): Decision {
  if (!f.aiSystem) return { applies: false, reason: 'not applicable: the product contains no AI system (AI Act Art. 3(1))' };
  if (isAiHighRisk(f)) {
    if (f.deviceRegulation) {
      const d = APPLICATION_DATES.aiActHighRiskAnnexI;
      return {
        applies: true,
        reason: `high-risk: AI system in a class ${f.deviceClass ?? '?'} device that requires a notified body (Art. 6(1), Annex I Section A); obligations apply from ${longDate(d.date)} (${d.source})`,
      };
    }
    return {
      applies: true,
      reason: `high-risk: AI system listed in Annex III${f.aiAnnexIIIPoint ? ` point ${f.aiAnnexIIIPoint}` : ''} (Art. 6(2))`,
    };
  }
  const d = APPLICATION_DATES.aiActArt50;
  return {
    applies: true,
    reason: `applies, not high-risk: only the Art. 50 transparency obligations that fit the system apply, from ${longDate(d.date)} (${d.source})`,
  };
}

function nis2(f: ProductFacts): Decision {
  // The catalogue's NIS2 items in these documents are Art. 21 measures that the deploying
  // organisation takes; the manufacturer's own NIS2 duties are organisational (`process`).
  if (f.layUsers)
    return {
      applies: false,
      reason: `not applicable: the product is used by patients or consumers, who are not NIS2 entities (NIS2 Art. 2-3)${
        f.nis2EntityType && f.nis2EntityType !== 'none' ? `; the manufacturer's own duties as an ${f.nis2EntityType} entity are organisational` : ''
      }`,
    };
  if (f.deviceRegulation)
    return {
      applies: true,
      reason: 'applies to the deployers: healthcare providers are essential entities (NIS2 Annex I point 5); these instructions support their Art. 21 measures',
    };
  if (f.nis2EntityType === 'essential' || f.nis2EntityType === 'important')
    return { applies: true, reason: `applies: the manufacturer is an ${f.nis2EntityType} entity (NIS2 Art. 3)` };
  return { applies: false, reason: 'not applicable: neither the manufacturer nor the intended deployers are NIS2 entities' };
}

function pld(f: ProductFacts): Decision {
  const d = APPLICATION_DATES.pldProducts;
  if (!f.euMarket) return { applies: false, reason: 'not applicable: the product is not placed on the EU market (PLD Art. 2(1))' };
  if (f.placedOnMarket !== undefined && f.placedOnMarket <= d.date)
    return {
      applies: false,
      reason: `not applicable: placed on the market on ${longDate(f.placedOnMarket)}, not after ${longDate(d.date)}; Directive 85/374/EEC continues to apply (PLD Art. 2(1), Art. 21)`,
    };
  return {
    applies: true,
    reason: `applies: software is a product (PLD Art. 4(1)) and the product is placed on the EU market after ${longDate(d.date)} (${d.source})`,
  };
}

function fda(f: ProductFacts): Decision {
  if (!f.usMarket) return { applies: false, reason: 'not applicable: the US is not among the product\'s markets' };
  if (f.fdaSubmission === 'none') return { applies: false, reason: 'not applicable: no FDA premarket submission is planned' };
  const sub = f.fdaSubmission ? ` (${f.fdaSubmission === '510k' ? '510(k)' : f.fdaSubmission} submission)` : '';
  return {
    applies: true,
    reason: `applies: the product is marketed in the US${sub}; FDA premarket cybersecurity guidance and FD&C Act section 524B for cyber devices`,
  };
}

export function decideInstruments(f: ProductFacts): Record<InstrumentId, Decision> {
  return { MDR: mdr(f), MDCG: mdcg(f), IEC81001: iec81001(f), CRA: cra(f), AIA: aia(f), NIS2: nis2(f), PLD: pld(f), FDA: fda(f) };
}

export const INSTRUMENT_NAMES: Record<InstrumentId, string> = {
  MDR: 'MDR / IVDR',
  MDCG: 'MDCG 2019-16',
  IEC81001: 'IEC 81001-5-1',
  CRA: 'Cyber Resilience Act',
  AIA: 'AI Act',
  NIS2: 'NIS2 Directive',
  PLD: 'Product Liability Directive',
  FDA: 'FDA (US)',
};
