import type { Rule } from './rule.js';
import { getAt } from '../../source/field-path.js';

/** The 23 security capabilities of the MDS2 form (ANSI/NEMA HN 1-2019), by code. */
export const MDS2_CODES: readonly string[] = [
  'MPII',
  'ALOF',
  'AUDT',
  'AUTH',
  'CNFS',
  'CSUP',
  'DIDT',
  'DTBK',
  'EMRG',
  'IGAU',
  'MLDP',
  'NAUT',
  'CONN',
  'PAUT',
  'PLOK',
  'RDMP',
  'SBOM',
  'SAHD',
  'SGUD',
  'STCF',
  'TXCF',
  'TXIG',
  'RMOT',
];

/**
 * A capability list written in the MDS2 vocabulary is read as the MDS2 list: a capability left
 * out reads as forgotten. Each is listed, with `supported: false` where the product lacks it.
 */
export const mds2Capabilities: Rule = (data, ctx) => {
  // The MDS2 form is expected for medical devices and for the US market; elsewhere the codes are only labels.
  const regulation = getAt(data, ['regulatory', 'medical_device', 'regulation']);
  const markets = getAt(data, ['regulatory', 'markets']);
  const expected = regulation === 'MDR' || regulation === 'IVDR' || (Array.isArray(markets) && markets.includes('US'));
  if (!expected) return [];
  const list = getAt(data, ['security', 'capabilities']);
  if (!Array.isArray(list)) return [];
  const codes = new Set(
    (list as unknown[])
      .map((x) => (typeof x === 'object' && x !== null ? (x as Record<string, unknown>).mds2_code : undefined))
      .filter((c): c is string => typeof c === 'string')
      .map((c) => c.trim().toUpperCase()),
  );
  if (codes.size === 0) return [];
  const missing = MDS2_CODES.filter((c) => !codes.has(c));
  if (missing.length === 0) return [];
  return [
    ctx.at(['security', 'capabilities'], {
      severity: 'warning',
      code: 'data/mds2-capabilities-incomplete',
      message: `the security capabilities use the MDS2 codes but leave out ${missing.join(', ')}`,
      hints: ['add each missing capability, with `supported: false` and the reason where the product does not have it'],
    }),
  ];
};
