import type { Rule } from './rule.js';
import { getAt } from '../../source/field-path.js';
import type { FieldPath } from '../../source/field-path.js';

/**
 * Classes whose conformity assessment involves no notified body: MDR class I that is not
 * sterile, measuring or a reusable surgical instrument, IVDR class A that is not sterile
 * (MDR Art. 52, IVDR Art. 48). The data holds those facts only in the class code (Is, Im, Ir,
 * As), so only the plain codes are clear cases.
 */
const SELF_CERTIFIED: Readonly<Record<string, { cls: string; not: string; classes: string; facts: string }>> = {
  MDR: {
    cls: 'I',
    not: 'not sterile, without a measuring function and not a reusable surgical instrument',
    classes: 'Is, Im or Ir',
    facts: 'sterility, measuring or reuse',
  },
  IVDR: { cls: 'A', not: 'not sterile', classes: 'As', facts: 'sterility' },
};

/** The field that says the AI system is high-risk through Annex I, or undefined. */
function annexIClaim(data: Readonly<Record<string, unknown>>): FieldPath | undefined {
  const basisPaths: FieldPath[] = [
    ['regulatory', 'ai_act', 'high_risk_basis'],
    ['ai', 'high_risk_basis'],
  ];
  for (const p of basisPaths) if (getAt(data, p) === 'annex-I') return p;
  // "high" with no basis: for a device the AI Act decision takes the Annex I route (src/regulatory/ai-act.ts).
  if (basisPaths.some((p) => getAt(data, p) === 'annex-III')) return undefined;
  if (getAt(data, ['regulatory', 'ai_act', 'risk_class']) === 'high') return ['regulatory', 'ai_act', 'risk_class'];
  if (getAt(data, ['ai', 'high_risk']) === true) return ['ai', 'high_risk'];
  return undefined;
}

/**
 * An AI medical device is high-risk through AI Act Art. 6(1) only where the MDR or IVDR requires a
 * third-party conformity assessment (Art. 6(1)(b)). A self-certified class with an Annex I claim
 * would make the documents say that a notified body assesses a device no notified body assesses.
 */
export const aiAnnexINotifiedBody: Rule = (data, ctx) => {
  if (getAt(data, ['regulatory', 'ai_act', 'ai_system']) === false) return [];
  const regulation = getAt(data, ['regulatory', 'medical_device', 'regulation']);
  const cls = getAt(data, ['regulatory', 'medical_device', 'class']);
  if (typeof regulation !== 'string' || typeof cls !== 'string') return [];
  const self = SELF_CERTIFIED[regulation];
  if (!self || self.cls !== cls) return [];
  const claim = annexIClaim(data);
  if (!claim) return [];
  const field = claim.join('.');
  const value = String(getAt(data, claim));
  return [
    ctx.at(claim, {
      severity: 'warning',
      code: 'data/ai-annex-i-without-notified-body',
      message: `\`${field}\` is \`${value}\`, which makes the AI system high-risk through AI Act Art. 6(1), but a class ${cls} device under the ${regulation} that is ${self.not} is assessed without a notified body, and Art. 6(1)(b) needs a third-party conformity assessment under the ${regulation}; the class code is the only ${self.facts} fact the data holds, so this is checked for class ${cls} only`,
      // Separate hints keep long plain text out from between code spans (the terminal shortens those).
      hints: [
        `if a notified body assesses the device, correct \`regulatory.medical_device.class\` (e.g. ${self.classes} under the ${regulation})`,
        'otherwise the AI system is not high-risk through Annex I: set `regulatory.ai_act.risk_class` to `limited` or `minimal`, or to `high` with `high_risk_basis: annex-III` for a use listed in AI Act Annex III',
        'make `ai.high_risk` and `ai.high_risk_basis` say the same as `regulatory.ai_act`',
      ],
    }),
  ];
};
