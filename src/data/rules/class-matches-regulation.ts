import type { Rule } from './rule.js';
import { getAt } from '../../source/field-path.js';

const CLASSES: Record<string, readonly string[]> = {
  MDR: ['I', 'Is', 'Im', 'Ir', 'IIa', 'IIb', 'III'],
  IVDR: ['A', 'As', 'B', 'C', 'D'],
};

/** MDR classes (Annex VIII) and IVDR classes (Annex VIII) are different sets; a mix-up is a copy-paste error. */
export const classMatchesRegulation: Rule = (data, ctx) => {
  const regulation = getAt(data, ['regulatory', 'medical_device', 'regulation']);
  const cls = getAt(data, ['regulatory', 'medical_device', 'class']);
  if (typeof regulation !== 'string' || typeof cls !== 'string') return [];
  const accepted = CLASSES[regulation];
  if (!accepted || accepted.includes(cls)) return [];
  return [
    ctx.at(['regulatory', 'medical_device', 'class'], {
      code: 'data/class-regulation-mismatch',
      message: `class \`${cls}\` is not one of the ${regulation} classes`,
      hints: [`write one of the ${regulation} classes: ${accepted.join(', ')}`],
    }),
  ];
};
