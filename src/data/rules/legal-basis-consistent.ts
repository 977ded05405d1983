import type { Rule } from './rule.js';
import { getAt } from '../../source/field-path.js';

/** A device under the MDR/IVDR that does not name that regulation as legal basis is almost always an omission. */
export const legalBasisConsistent: Rule = (data, ctx) => {
  const regulation = getAt(data, ['regulatory', 'medical_device', 'regulation']);
  const basis = getAt(data, ['regulatory', 'legal_basis']);
  if ((regulation !== 'MDR' && regulation !== 'IVDR') || !Array.isArray(basis)) return [];
  if (basis.includes(regulation)) return [];
  return [
    ctx.at(['regulatory', 'legal_basis'], {
      severity: 'warning',
      code: 'data/legal-basis-inconsistent',
      message: `the device is under the ${regulation}, but \`${regulation}\` is not in \`regulatory.legal_basis\``,
      hints: [`add ${regulation} to \`regulatory.legal_basis\``],
    }),
  ];
};
