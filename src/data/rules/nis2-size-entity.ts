import type { Rule } from './rule.js';
import { getAt } from '../../source/field-path.js';

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/**
 * NIS2 reaches a small or micro enterprise only where a Member State designates it
 * (NIS2 Art. 2(1)-(4)): an essential or important status beside such a size needs the designation.
 */
export const nis2SizeEntity: Rule = (data, ctx) => {
  const type = str(getAt(data, ['regulatory', 'nis2', 'entity_type']));
  if (type !== 'essential' && type !== 'important') return [];
  const size = str(getAt(data, ['regulatory', 'nis2', 'size'])) ?? str(getAt(data, ['organisation', 'size_category']));
  if (size !== 'small' && size !== 'micro') return [];
  if (str(getAt(data, ['regulatory', 'nis2', 'designation']))) return [];
  return [
    ctx.at(['regulatory', 'nis2', 'entity_type'], {
      severity: 'warning',
      code: 'data/nis2-size-entity',
      message: `the manufacturer is stated to be an ${type} entity under NIS2 but is a ${size} enterprise, which NIS2 reaches only by Member State designation (NIS2 Art. 2(1)-(4))`,
      hints: [
        'state the designation in `regulatory.nis2.designation`, or correct the size or `regulatory.nis2.entity_type` (none for a small or micro manufacturer that is not designated)',
      ],
    }),
  ];
};
