import type { Rule } from './rule.js';
import { isoDate } from './rule.js';
import { getAt } from '../../source/field-path.js';

/**
 * Security updates must be available while the product is on the market: a support
 * period that ends before the product is placed on the market is a typo or a real gap.
 */
export const supportBeforeMarket: Rule = (data, ctx) => {
  const market = isoDate(getAt(data, ['regulatory', 'placed_on_market']));
  const end = isoDate(getAt(data, ['support_period', 'end_date']));
  if (market === undefined || end === undefined || end > market) return [];
  // The five-year minimum is the CRA's; MDR and IVDR devices are outside the CRA (Art. 2(2)).
  const regulation = getAt(data, ['regulatory', 'medical_device', 'regulation']);
  const device = regulation === 'MDR' || regulation === 'IVDR';
  return [
    ctx.at(['support_period', 'end_date'], {
      code: 'data/support-ends-before-market',
      message: `the support period ends (${end}) before the product is placed on the market (${market})`,
      hints: [
        device
          ? 'set `support_period.end_date` to a date after `regulatory.placed_on_market`: security updates must be available while the device is on the market'
          : 'set `support_period.end_date` to a date after `regulatory.placed_on_market` (CRA Art. 13(8) expects at least five years)',
      ],
    }),
  ];
};
