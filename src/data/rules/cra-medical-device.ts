import type { Rule } from './rule.js';
import { getAt } from '../../source/field-path.js';

/** CRA Art. 2(2): products under the MDR or IVDR are outside the Cyber Resilience Act. */
export const craExcludedForMedicalDevice: Rule = (data, ctx) => {
  const regulation = getAt(data, ['regulatory', 'medical_device', 'regulation']);
  if (regulation !== 'MDR' && regulation !== 'IVDR') return [];
  const basis = getAt(data, ['regulatory', 'legal_basis']);
  if (!Array.isArray(basis)) return [];
  const at = basis.indexOf('CRA');
  if (at < 0) return [];
  return [
    ctx.at(['regulatory', 'legal_basis', at], {
      code: 'data/cra-excluded-for-medical-device',
      message: `\`CRA\` is listed as legal basis, but the CRA does not apply to devices under the ${regulation} (CRA Art. 2(2))`,
      hints: [
        'remove CRA from `regulatory.legal_basis`; the CRA applies only to companion products that are not devices (describe those in their own file)',
      ],
    }),
  ];
};
