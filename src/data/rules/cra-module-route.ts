import type { Rule } from './rule.js';
import { getAt } from '../../source/field-path.js';

/**
 * Internal control (module A) is allowed for an important class I product only where harmonised
 * standards, common specifications or a certification scheme were applied in full (CRA Art. 32(2)),
 * and never for class II or critical products (Art. 32(3)-(4)).
 */
export const craModuleRoute: Rule = (data, ctx) => {
  const category = getAt(data, ['regulatory', 'cra', 'category']);
  if (getAt(data, ['regulatory', 'cra', 'module']) !== 'A') return [];
  const inFull = getAt(data, ['regulatory', 'cra', 'harmonised_standards_in_full']);
  let problem: string | undefined;
  if (category === 'important-class-I' && inFull !== true)
    problem =
      'internal control (module A) is chosen for an important class I product without harmonised standards, common specifications or a certification scheme applied in full (CRA Art. 32(2))';
  else if (category === 'important-class-II' || category === 'critical')
    problem = `internal control (module A) is not an allowed procedure for a ${category === 'critical' ? 'critical' : 'important class II'} product (CRA Art. 32(3)-(4))`;
  if (!problem) return [];
  return [
    ctx.at(['regulatory', 'cra', 'module'], {
      severity: 'warning',
      code: 'data/cra-module-not-allowed',
      message: problem,
      hints: [
        'choose B+C or H (with `regulatory.cra.notified_body`), or set `regulatory.cra.harmonised_standards_in_full: true` if such standards were applied in full',
      ],
    }),
  ];
};
