import { aiActDecision } from './ai-act.js';
import { APPLICATION_DATES, citedDate, longDate } from './dates.js';
import { PLACING_ON_MARKET_FIELDS, type ProductFacts } from './facts.js';
import { nis2DeployersDecision, nis2ManufacturerDecision } from './nis2.js';
import { withRationale } from './reasons.js';

/**
 * Instruments decided for each product, each on its own: MDR and IVDR are separate
 * regulations (a device is under one of them, never "MDR / IVDR"), and NIS2 obliges the
 * manufacturer and the deploying organisations as separate entities.
 */
export const INSTRUMENT_IDS = [
  'MDR',
  'IVDR',
  'MDCG',
  'IEC81001',
  'CRA',
  'AIA',
  'NIS2-manufacturer',
  'NIS2-deployers',
  'PLD',
  'FDA',
] as const;
export type InstrumentId = (typeof INSTRUMENT_IDS)[number];

/** Whether an instrument applies to a product, with a one-line reason citing the article. */
export interface Decision {
  readonly applies: boolean;
  readonly reason: string;
  /** Data fields whose absence keeps the decision open (then `applies` is false). */
  readonly undecidedFields?: readonly string[];
  /** Data fields the reason needs and the data lacks although the decision is taken (shown as TBD). */
  readonly missing?: readonly string[];
}

export type DeviceRegulation = 'MDR' | 'IVDR';

export const REGULATION_TITLES: Readonly<Record<DeviceRegulation, string>> = {
  MDR: 'Regulation (EU) 2017/745 on medical devices (MDR)',
  IVDR: 'Regulation (EU) 2017/746 on in vitro diagnostic medical devices (IVDR)',
};

/** The software and IT-security items of Annex I, under each regulation. */
const SECURITY_ITEMS: Readonly<Record<DeviceRegulation, string>> = {
  MDR: 'MDR Annex I sections 17 and 23 set its software, IT-security and information requirements',
  IVDR: 'IVDR Annex I sections 16 and 20 set its software, IT-security and information requirements',
};

function deviceRegulation(f: ProductFacts, which: DeviceRegulation): Decision {
  if (f.deviceRegulation === which) {
    const cls = f.deviceClass ? `class ${f.deviceClass} ` : '';
    const kind = which === 'IVDR' ? 'in vitro diagnostic medical device' : 'medical device';
    return {
      applies: true,
      reason: withRationale(
        `applies: ${cls}${kind} under ${REGULATION_TITLES[which]}; ${SECURITY_ITEMS[which]}`,
        f.deviceRationale,
      ),
    };
  }
  if (f.deviceRegulation !== undefined)
    return {
      applies: false,
      reason: `not applicable: the product is a device under the ${f.deviceRegulation}, not the ${which}`,
    };
  if (!f.deviceRegulationStated)
    return {
      applies: false,
      reason: 'undecided: whether the product is a medical device is not yet stated',
      undecidedFields: ['regulatory.medical_device.regulation'],
    };
  const reason =
    which === 'MDR'
      ? 'not applicable: the product is not a medical device (MDR Art. 2(1))'
      : 'not applicable: the product is not an in vitro diagnostic medical device (IVDR Art. 2(2))';
  return { applies: false, reason: withRationale(reason, f.deviceRationale) };
}

/** The decision of the regulation that applies to the product (or why none does). */
export function deviceDecision(f: ProductFacts): Decision {
  return deviceRegulation(f, f.deviceRegulation ?? 'MDR');
}

function mdcg(f: ProductFacts): Decision {
  if (!f.deviceRegulation) {
    const base = deviceDecision(f);
    return {
      ...base,
      reason: base.reason.replace(/^not applicable:/, 'not applicable (guidance for medical devices):'),
    };
  }
  const items = f.deviceRegulation === 'IVDR' ? 'IVDR Annex I sections 16 and 20' : 'MDR Annex I sections 17 and 23';
  return {
    applies: true,
    reason: `applies: MDCG 2019-16 is the guidance for meeting the cybersecurity requirements of ${items}`,
  };
}

function iec81001(f: ProductFacts, cra: Decision): Decision {
  if (f.deviceRegulation)
    return {
      applies: true,
      reason: `applies as the state of the art for health software security activities (${f.deviceRegulation === 'IVDR' ? 'IVDR Annex I 16.2' : 'MDR Annex I 17.2'}, MDCG 2019-16 §3)`,
    };
  // Only where the CRA applies do the product's security requirements come from it.
  return {
    applies: false,
    reason: cra.applies
      ? 'not applied: the product is not a medical device; its security requirements come from the CRA (IEC 81001-5-1 remains good practice)'
      : 'not applied: the product is not a medical device (IEC 81001-5-1 remains good practice for health software)',
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
      reason:
        'not applicable: the product is an in vitro diagnostic medical device under Regulation (EU) 2017/746 (CRA Art. 2(2)(b))',
    };
  // The manufacturer's own reason (`regulatory.cra.not_applicable`, e.g. a service that is no
  // product with digital elements): the law cannot be decided from the data model's other facts,
  // so the stated reason is honoured and printed for the reader to judge.
  if (f.craNotApplicable !== undefined)
    return {
      applies: false,
      reason: `not applicable, as the manufacturer states: ${f.craNotApplicable.trim().replace(/[.]$/, '')}`,
    };
  if (!f.deviceRegulationStated)
    return {
      applies: false,
      reason:
        'undecided: the CRA does not apply to devices under the MDR or IVDR (CRA Art. 2(2)); state whether the product is one',
      undecidedFields: ['regulatory.medical_device.regulation'],
    };
  if (!f.marketsStated)
    return marketsUndecided('the CRA applies to products made available on the EU market (CRA Art. 2(1))');
  if (!f.euMarket)
    return {
      applies: false,
      reason: 'not applicable: the product is not made available on the EU market (CRA Art. 2(1))',
    };
  return {
    applies: true,
    reason: `applies: product with digital elements made available on the EU market that is not a medical device (CRA Art. 2(1)); its obligations apply from ${citedDate('cra')}, the reporting obligations of Art. 14 from ${citedDate('cra-reporting')}`,
  };
}

/** A market-bound instrument while `regulatory.markets` names no market: a gap, never "not applicable". */
function marketsUndecided(rule: string): Decision {
  return {
    applies: false,
    reason: `undecided: ${rule}; the product's markets are not yet stated`,
    undecidedFields: ['regulatory.markets'],
  };
}

function pld(f: ProductFacts): Decision {
  if (!f.marketsStated) return marketsUndecided(`the PLD applies to products placed on the EU market (PLD Art. 2(1))`);
  if (!f.euMarket)
    return { applies: false, reason: 'not applicable: the product is not placed on the EU market (PLD Art. 2(1))' };
  const date = f.placedOnMarket;
  if (date === undefined)
    return {
      applies: false,
      reason: `undecided: the PLD applies to products placed on the market or put into service after ${citedDate('pld')}; the date of placing on the market is not yet stated`,
      undecidedFields: [PLACING_ON_MARKET_FIELDS[0]],
    };
  const stated = `its date of placing on the market is ${longDate(date)}`;
  if (date <= APPLICATION_DATES.pld.date)
    return {
      applies: false,
      reason: `not applicable: the PLD applies to products placed on the market or put into service after ${citedDate('pld')}; ${stated}, so Directive 85/374/EEC continues to apply to it (PLD Art. 21)`,
    };
  return {
    applies: true,
    reason: `applies: software is a product (PLD Art. 4(1)), and the PLD applies to products placed on the market or put into service after ${citedDate('pld')}; ${stated}`,
  };
}

function fda(f: ProductFacts): Decision {
  if (!f.marketsStated)
    return marketsUndecided('FDA premarket cybersecurity requirements apply to devices marketed in the US');
  if (!f.usMarket) return { applies: false, reason: "not applicable: the US is not among the product's markets" };
  if (f.fdaSubmission === 'none')
    return { applies: false, reason: 'not applicable: no FDA premarket submission is planned' };
  const sub = f.fdaSubmission ? ` (${f.fdaSubmission === '510k' ? '510(k)' : f.fdaSubmission} submission)` : '';
  return {
    applies: true,
    reason: `applies: the product is marketed in the US${sub}; FDA premarket cybersecurity guidance and FD&C Act section 524B for cyber devices`,
  };
}

export function decideInstruments(f: ProductFacts): Record<InstrumentId, Decision> {
  const craDecision = cra(f);
  return {
    MDR: deviceRegulation(f, 'MDR'),
    IVDR: deviceRegulation(f, 'IVDR'),
    MDCG: mdcg(f),
    IEC81001: iec81001(f, craDecision),
    CRA: craDecision,
    AIA: aiActDecision(f),
    'NIS2-manufacturer': nis2ManufacturerDecision(f),
    'NIS2-deployers': nis2DeployersDecision(f),
    PLD: pld(f),
    FDA: fda(f),
  };
}

export const INSTRUMENT_NAMES: Record<InstrumentId, string> = {
  MDR: 'MDR',
  IVDR: 'IVDR',
  MDCG: 'MDCG 2019-16',
  IEC81001: 'IEC 81001-5-1',
  CRA: 'Cyber Resilience Act',
  AIA: 'AI Act',
  'NIS2-manufacturer': 'NIS2 Directive (manufacturer)',
  'NIS2-deployers': 'NIS2 Directive (deploying organisations)',
  PLD: 'Product Liability Directive',
  FDA: 'FDA (US)',
};

/**
 * The name of a catalogue instrument, for lists of catalogue items: the catalogue files MDR and
 * IVDR items together (written "MDR Annex I 17.2 / IVDR Annex I 16.2") and NIS2 items once.
 * Decisions never use these combined names; each item is decided under one regulation.
 */
export const CATALOGUE_INSTRUMENT_NAMES: Readonly<Record<string, string>> = {
  MDR: 'MDR / IVDR',
  MDCG: INSTRUMENT_NAMES.MDCG,
  IEC81001: INSTRUMENT_NAMES.IEC81001,
  CRA: INSTRUMENT_NAMES.CRA,
  AIA: INSTRUMENT_NAMES.AIA,
  NIS2: 'NIS2 Directive',
  PLD: INSTRUMENT_NAMES.PLD,
  FDA: INSTRUMENT_NAMES.FDA,
};
