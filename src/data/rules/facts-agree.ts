import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { FieldPath } from '../../source/field-path.js';
import { getAt } from '../../source/field-path.js';
import type { Rule } from './rule.js';

/**
 * The catalogue asks for some facts in two places (the device class on the declaration of
 * conformity and in the regulatory block; "is an AI system" in the AI block and the AI Act
 * block). Applicability is decided from `regulatory.*`; the copy must say the same, or the
 * documents would contradict each other.
 */
const PAIRS: readonly { copy: FieldPath; source: FieldPath }[] = [
  { copy: ['product', 'device_class'], source: ['regulatory', 'medical_device', 'class'] },
  { copy: ['ai', 'is_ai_system'], source: ['regulatory', 'ai_act', 'ai_system'] },
  { copy: ['ai', 'high_risk_basis'], source: ['regulatory', 'ai_act', 'high_risk_basis'] },
];

export const factsAgree: Rule = (data, ctx) => {
  const out: Diagnostic[] = [];
  for (const { copy, source } of PAIRS) {
    const a = getAt(data, copy);
    const b = getAt(data, source);
    if (a === undefined || b === undefined || a === b) continue;
    out.push(
      ctx.at(copy, {
        severity: 'error',
        code: 'data/facts-disagree',
        message: `\`${copy.join('.')}\` is \`${String(a)}\` but \`${source.join('.')}\` is \`${String(b)}\``,
        hints: [`make both say the same; applicability is decided from \`${source.join('.')}\``],
      }),
    );
  }
  return out;
};
