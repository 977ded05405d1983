import { APPLICATION_DATES, citedDate, longDate } from './dates.js';
import type { ProductFacts } from './facts.js';
import type { Decision } from './instruments.js';
import { withRationale } from './reasons.js';

/**
 * Where an AI system stands under the AI Act (Regulation (EU) 2024/1689). Each status is a
 * separate decision because each brings different obligations from a different date.
 */
export type AiStatus = 'not-ai-system' | 'prohibited' | 'high-risk-annex-i' | 'high-risk-annex-iii' | 'art50-only';

/** Device classes whose conformity assessment involves a notified body (MDR Art. 52, IVDR Art. 48). */
const NB_CLASSES = new Set(['Is', 'Im', 'Ir', 'IIa', 'IIb', 'III', 'As', 'B', 'C', 'D']);

export function aiStatus(f: ProductFacts): AiStatus {
  if (!f.aiSystem) return 'not-ai-system';
  if (f.aiRiskClass === 'prohibited') return 'prohibited';
  if (f.aiHighRiskBasis === 'annex-III') return 'high-risk-annex-iii';
  // An AI medical device (or AI safety component of one) is high-risk when the MDR or IVDR
  // requires a notified body: both regulations are AI Act Annex I Section A legislation.
  const deviceWithNb = f.deviceRegulation !== undefined && f.deviceClass !== undefined && NB_CLASSES.has(f.deviceClass);
  if (deviceWithNb || f.aiHighRiskBasis === 'annex-I') return 'high-risk-annex-i';
  if (f.aiRiskClass === 'high') return f.deviceRegulation ? 'high-risk-annex-i' : 'high-risk-annex-iii';
  return 'art50-only';
}

export function isAiHighRisk(f: ProductFacts): boolean {
  const s = aiStatus(f);
  return s === 'high-risk-annex-i' || s === 'high-risk-annex-iii';
}

/**
 * AI Act Art. 111(2) for this product (the date is stated, not narrated in the past tense: the file
 * is drawn up before the version is placed on the market): a deployer must be able to tell whether the version it
 * uses is reached by the high-risk obligations, so the rule is applied to the product's own
 * placing-on-market date instead of being quoted in general terms.
 */
function transition(f: ProductFacts): string {
  const cutoff = APPLICATION_DATES['aia-art111-2'].date;
  const publicAuthorities = `in any case, the providers and deployers of a high-risk AI system intended to be used by public authorities must comply with the AI Act by ${citedDate('aia-art111-2-public')}`;
  const pom = f.placedOnMarket;
  if (pom === undefined)
    return `the date of placing on the market of this version is not stated, so it cannot be said whether it falls under the transitional rule for systems placed on the market or put into service before ${citedDate('aia-art111-2')}, under which the AI Act reaches such a system only if its design changes significantly from that date; ${publicAuthorities}`;
  if (pom < cutoff)
    return `the date of placing on the market of this version is ${longDate(pom)}, before ${citedDate('aia-art111-2')}; under that article's transitional rule the AI Act reaches it only if its design changes significantly from that date; ${publicAuthorities}`;
  return `the date of placing on the market of this version is ${longDate(pom)}, not before ${citedDate('aia-art111-2')}, so the transitional rule for systems already on the market does not exempt it`;
}

/** The field the Art. 111(2) conclusion needs, when the data lacks it. */
function transitionMissing(f: ProductFacts): { missing?: readonly string[] } {
  return f.placedOnMarket === undefined ? { missing: ['regulatory.placed_on_market'] } : {};
}

const regName = (f: ProductFacts): string => (f.deviceRegulation === 'IVDR' ? 'the IVDR' : 'the MDR');

/** The AI Act as a whole: whether it reaches the product at all, and by which route. */
export function aiActDecision(f: ProductFacts): Decision {
  const d = aiActRoute(f);
  const rationale = f.aiSystem
    ? [f.aiRationale, f.aiRiskRationale].filter((r) => r !== undefined).join(' ')
    : f.aiRationale;
  return { ...d, reason: withRationale(d.reason, rationale === '' ? undefined : rationale) };
}

/** "the AI system" or "the AI system (marketed as "Smart dosing")". */
function system(f: ProductFacts): string {
  return f.aiFeatureName ? `the AI system (marketed as "${f.aiFeatureName}")` : 'the AI system';
}

function aiActRoute(f: ProductFacts): Decision {
  const s = aiStatus(f);
  switch (s) {
    case 'not-ai-system':
      return {
        applies: false,
        reason: f.aiFeatureName
          ? `not applicable: the feature marketed as "${f.aiFeatureName}" is not an AI system (AI Act Art. 3(1)), and the product contains no other`
          : 'not applicable: the product contains no AI system (AI Act Art. 3(1))',
      };
    case 'prohibited':
      return {
        applies: true,
        reason: `prohibited: ${system(f)} falls under a prohibited AI practice (AI Act Art. 5), which applies from ${citedDate('aia-prohibitions')}; it must not be placed on the EU market, put into service or used`,
      };
    case 'high-risk-annex-i':
      return {
        applies: true,
        reason: `high-risk under AI Act Art. 6(1): ${system(f)} ${f.aiComponentOfProduct ? 'is a safety component of' : 'is or is part of'} a class ${f.deviceClass ?? '(not stated)'} device whose conformity assessment under ${regName(f)} involves a notified body (Annex I Section A); the high-risk obligations apply from ${citedDate('aia-annex-i')}; ${transition(f)}`,
        ...transitionMissing(f),
      };
    case 'high-risk-annex-iii':
      return {
        applies: true,
        reason: `high-risk under AI Act Art. 6(2): ${system(f)} has a use listed in Annex III${f.aiAnnexIIIPoint ? ` point ${f.aiAnnexIIIPoint}` : ''}; the high-risk obligations apply from ${citedDate('aia-annex-iii')}; ${transition(f)}`,
        ...transitionMissing(f),
      };
    case 'art50-only': {
      // Say what the Art. 50 decision says: "the obligations that fit" only while it is open.
      const art50 = aiArt50Decision(f);
      if (!art50.applies)
        return {
          applies: true,
          reason: `applies, not high-risk (AI Act Art. 6): none of the situations of Art. 50(1)-(4) applies to ${system(f)}, so the AI Act asks no transparency information for it; its general duties, such as the AI literacy of the staff who operate it (Art. 4), remain`,
        };
      return {
        applies: true,
        reason:
          f.aiArt50Situations.length > 0
            ? `applies, not high-risk (AI Act Art. 6): for ${system(f)} only the Art. 50 transparency obligations apply, from ${citedDate('aia-art50')}`
            : `applies, not high-risk (AI Act Art. 6): for ${system(f)} only the Art. 50 transparency obligations that fit the system apply, from ${citedDate('aia-art50')}`,
      };
    }
  }
}

export function aiHighRiskDecision(f: ProductFacts): Decision {
  if (isAiHighRisk(f)) return aiActDecision(f);
  if (!f.aiSystem)
    return { applies: false, reason: 'not applicable: the product contains no AI system (AI Act Art. 3(1))' };
  if (aiStatus(f) === 'prohibited')
    return {
      applies: false,
      reason: 'not applicable: the system is a prohibited AI practice (AI Act Art. 5), not a high-risk system',
    };
  return { applies: false, reason: 'not applicable: the AI system is not high-risk (AI Act Art. 6)' };
}

const SITUATIONS: Readonly<Record<string, string>> = {
  'ai.interaction_disclosure.applies': 'it interacts directly with natural persons (Art. 50(1))',
  'ai.synthetic_content_marking.applies': 'it generates synthetic audio, image, video or text content (Art. 50(2))',
  'ai.emotion_or_biometric.applies': 'it is used for emotion recognition or biometric categorisation (Art. 50(3))',
  'ai.deepfake_disclosure.applies': 'it is used to generate deep fakes (Art. 50(4))',
  'ai.text_disclosure.applies': 'it publishes text on matters of public interest (Art. 50(4))',
};

/** The Art. 50(2) transitional period, concluded for this version when its placing-on-market date is known. */
function markingTransition(f: ProductFacts): string {
  const pom = f.placedOnMarket;
  if (pom === undefined)
    return `; a system placed on the market before that date must meet Art. 50(2) by ${citedDate('aia-art50-2-transition')}`;
  if (pom < APPLICATION_DATES['aia-art50'].date)
    return `; the date of placing on the market of this version is ${longDate(pom)}, before that date, so it must meet Art. 50(2) by ${citedDate('aia-art50-2-transition')}`;
  return `; the date of placing on the market of this version is ${longDate(pom)}, not before that date, so the transitional period for Art. 50(2) does not apply to it`;
}

/** Whether any Art. 50 transparency obligation reaches the system (high-risk or not). */
export function aiArt50Decision(f: ProductFacts): Decision {
  if (!f.aiSystem)
    return { applies: false, reason: 'not applicable: the product contains no AI system (AI Act Art. 3(1))' };
  if (aiStatus(f) === 'prohibited')
    return { applies: false, reason: 'not applicable: the system is a prohibited AI practice (AI Act Art. 5)' };
  if (f.aiArt50Situations.length > 0) {
    const what = f.aiArt50Situations.map((p) => SITUATIONS[p] ?? p).join('; ');
    const transition = f.aiArt50Situations.includes('ai.synthetic_content_marking.applies') ? markingTransition(f) : '';
    return {
      applies: true,
      reason: withRationale(`applies from ${citedDate('aia-art50')}: ${what}${transition}`, f.aiArt50Rationale),
    };
  }
  if (f.aiArt50Declared || f.aiRiskClass === 'minimal')
    return {
      applies: false,
      reason: withRationale(
        'not applicable: none of the situations of AI Act Art. 50(1)-(4) applies to the system',
        f.aiArt50Rationale,
      ),
    };
  return {
    applies: true,
    reason: `applies from ${citedDate('aia-art50')} to the extent the system falls under AI Act Art. 50(1)-(4); which of these situations apply is not yet stated`,
  };
}
