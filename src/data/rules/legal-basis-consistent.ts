import type { Rule } from './rule.js';
import { getAt } from '../../source/field-path.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';

/**
 * `regulatory.legal_basis` against the facts that decide applicability: a device under the
 * MDR/IVDR that does not name that regulation, or a product outside both on the EU market that
 * names neither the CRA nor a reason why it does not apply (`regulatory.cra.not_applicable`),
 * is almost always an omission; a stated reason beside `CRA` as legal basis is a contradiction.
 */
export const legalBasisConsistent: Rule = (data, ctx) => {
  const regulation = getAt(data, ['regulatory', 'medical_device', 'regulation']);
  const basis = getAt(data, ['regulatory', 'legal_basis']);
  if (!Array.isArray(basis)) return [];
  const out: Diagnostic[] = [];
  if ((regulation === 'MDR' || regulation === 'IVDR') && !basis.includes(regulation))
    out.push(
      ctx.at(['regulatory', 'legal_basis'], {
        severity: 'warning',
        code: 'data/legal-basis-inconsistent',
        message: `the device is under the ${regulation}, but \`${regulation}\` is not in \`regulatory.legal_basis\``,
        hints: [`add ${regulation} to \`regulatory.legal_basis\``],
      }),
    );
  if (regulation !== 'none') return out;
  const markets = getAt(data, ['regulatory', 'markets']);
  const craReason = getAt(data, ['regulatory', 'cra', 'not_applicable']);
  const stated = typeof craReason === 'string' && craReason.trim() !== '';
  const at = basis.indexOf('CRA');
  if (stated && at >= 0)
    out.push(
      ctx.at(['regulatory', 'legal_basis', at], {
        severity: 'warning',
        code: 'data/legal-basis-inconsistent',
        message:
          '`CRA` is listed as legal basis, but `regulatory.cra.not_applicable` states that the CRA does not apply',
        hints: [
          'remove CRA from `regulatory.legal_basis`, or remove `regulatory.cra.not_applicable` if the CRA applies',
        ],
      }),
    );
  else if (!stated && at < 0 && Array.isArray(markets) && markets.includes('EU'))
    out.push(
      ctx.at(['regulatory', 'legal_basis'], {
        severity: 'warning',
        code: 'data/legal-basis-inconsistent',
        message:
          'the product is not a medical device and is placed on the EU market, so the CRA applies to it (CRA Art. 2(1)), but `CRA` is not in `regulatory.legal_basis`',
        hints: [
          'add CRA to `regulatory.legal_basis`',
          'or, if the product is no product with digital elements made available on the market (e.g. a service only), say why in `regulatory.cra.not_applicable`',
        ],
      }),
    );
  return out;
};
