import type { Rule } from './rule.js';
import { getAt, isRecord } from '../../source/field-path.js';

/** A high-risk AI system needs the `ai` block: AI Act Art. 13 (instructions) and Annex IV (technical documentation). */
export const aiBlockMissing: Rule = (data, ctx) => {
  if (getAt(data, ['regulatory', 'ai_act', 'risk_class']) !== 'high') return [];
  if (isRecord(data['ai'])) return [];
  return [
    ctx.at(['regulatory', 'ai_act', 'risk_class'], {
      code: 'data/ai-block-missing',
      message: 'the product is a high-risk AI system, but the `ai` block is missing (AI Act Art. 13, Annex IV)',
      hints: ['add an `ai:` block describing intended purpose, performance, data sets and human oversight'],
    }),
  ];
};
