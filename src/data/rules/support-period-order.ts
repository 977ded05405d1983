import type { Rule } from './rule.js';
import { isoDate } from './rule.js';
import { getAt } from '../../source/field-path.js';

/** The support period must end after it starts (CRA Art. 13(8): at least five years, as a rule). */
export const supportPeriodOrder: Rule = (data, ctx) => {
  const start = isoDate(getAt(data, ['support_period', 'start_date']));
  const end = isoDate(getAt(data, ['support_period', 'end_date']));
  if (start === undefined || end === undefined || end > start) return [];
  return [
    ctx.at(['support_period', 'end_date'], {
      code: 'data/support-period-order',
      message: `the support period ends (${end}) ${end === start ? 'on the day' : 'before'} it starts (${start})`,
      hints: ['check `support_period.start_date` and `support_period.end_date`: the end date must be later'],
    }),
  ];
};
