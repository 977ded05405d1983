import { declarationOf, getPath, isSupplied, type Data, type Declaration } from './data-path.js';
import type { ProductFacts } from './facts.js';

/**
 * The catalogue's clause conditions (free text in clauses.yaml `condition`) as
 * predicates on the product. Every condition text in the catalogue must be listed
 * here; a test checks it, so a new catalogue condition cannot be silently ignored.
 */
export interface ConditionContext {
  readonly facts: ProductFacts;
  readonly data: Data;
  readonly craApplies: boolean;
  readonly aiHighRisk: boolean;
}

interface ConditionRule {
  readonly holds: (c: ConditionContext) => boolean;
  /** How the condition reads when it does not hold, for the not-applicable reason. */
  readonly whenNot: string;
  /**
   * The fact fields whose absence leaves the condition open: while the data does not state the
   * fact, the clause is undecided (a TBD row naming the field), never silently not applicable.
   * "The device has no network connection" is a claim; a missing `network` section is not one.
   */
  readonly unstated?: (c: ConditionContext) => readonly string[];
}

/**
 * `path` when the data does not state it at all: a declared none / not applicable states it, and
 * so does a group declared not applicable around a yes/no flag (`ai.continuous_learning:
 * { not_applicable: "…" }` for `ai.continuous_learning.enabled`).
 */
const unstatedField =
  (path: string, yesNo = false) =>
  (c: ConditionContext): readonly string[] => {
    const v = getPath(c.data, path);
    if (yesNo ? typeof v === 'boolean' : v !== undefined) return [];
    const group = path.includes('.') ? getPath(c.data, path.slice(0, path.lastIndexOf('.'))) : undefined;
    const declared = typeof group === 'object' && group !== null && 'not_applicable' in group;
    return declared ? [] : [path];
  };

export const NETWORK_FIELDS = ['network.interfaces', 'network.ports', 'network.data_flows'] as const;

/**
 * The writer's declaration that the product has no network interface at all (`network.interfaces:
 * { none: "…" }` or `network: { not_applicable: "…" }`, with no port or data flow supplied), if the
 * data makes one. The template decision `network` and the conditions that a network presupposes
 * (a cloud component) read it here, so that one declaration settles them all.
 */
export function noNetworkDeclared(data: Data): Declaration | undefined {
  if (NETWORK_FIELDS.some((p) => isSupplied(getPath(data, p)))) return undefined;
  return (
    declarationOf(getPath(data, 'network.interfaces'), 'network.interfaces') ??
    declarationOf(getPath(data, 'network'), 'network')
  );
}

const flag = (path: string) => (c: ConditionContext) => getPath(c.data, path) === true;
const always: ConditionRule = { holds: () => true, whenNot: '' };

export const CONDITIONS: Readonly<Record<string, ConditionRule>> = {
  // Art. 50(5) says how the information of Art. 50(1)-(4) is given: with none of them it has nothing to govern.
  // Undeclared situations keep it applicable, so the gap shows as missing data rather than vanishing.
  'one of the situations of Art. 50(1)-(4) applies': {
    holds: (c) => c.facts.aiArt50Situations.length > 0 || !c.facts.aiArt50Declared,
    whenNot:
      'Art. 50(5) governs how the information of Art. 50(1)-(4) is given, and none of Art. 50(1)-(4) applies to the system',
  },
  // AI Act Art. 11(2): one documentation set only for Annex I Section A products; of those
  // techfile documents the medical devices (MDR and IVDR are points 11 and 12).
  'AI system in a product covered by Annex I Section A legislation (MDR or IVDR)': {
    holds: (c) => c.facts.deviceRegulation !== undefined,
    whenNot:
      'AI Act Art. 11(2) concerns AI systems in products covered by the legislation of Annex I Section A, such as the MDR or the IVDR; this product is not a medical device',
  },
  // "Where applicable" qualifiers: applicable unless the writer justifies otherwise in the text.
  'where applicable': always,
  'when appropriate': always,
  'where relevant': always,
  'product intended for integration into other products with digital elements': {
    holds: flag('integration.intended_for_integration'),
    whenNot: 'the product is not intended for integration into other products',
    unstated: unstatedField('integration.intended_for_integration', true),
  },
  'manufacturer decides to share the SBOM with users (optional under the CRA)': {
    holds: flag('sbom.available_to_users'),
    whenNot: 'the manufacturer does not make the SBOM available to users',
  },
  'notified body involved': {
    holds: (c) => c.facts.notifiedBody,
    whenNot: 'no notified body is involved',
  },
  'simplified declaration shipped instead of the full one': {
    holds: () => false,
    whenNot: 'techfile does not produce a simplified declaration',
  },
  'hardware product': {
    holds: (c) => !c.facts.softwareOnly,
    whenNot: 'the product is software only',
  },
  'product in CRA scope and a high-risk AI system (rare for medical devices because of Art. 2(2))': {
    holds: (c) => c.craApplies && c.aiHighRisk,
    whenNot: 'the product is not both in CRA scope and a high-risk AI system',
  },
  'manufacturer maintains a public software archive': {
    holds: (c) => isSupplied(getPath(c.data, 'archive.url')),
    whenNot: 'the manufacturer keeps no public software archive',
  },
  'Annex III point 1(a) systems only - normally not applicable to medical devices': {
    holds: (c) => (c.facts.aiAnnexIIIPoint ?? '').startsWith('1(a)'),
    whenNot: 'the AI system is not a remote biometric identification system (AI Act Annex III point 1(a))',
  },
  'system continues to learn after placing on the market': {
    holds: flag('ai.continuous_learning.enabled'),
    whenNot: 'the AI system does not continue to learn after placing on the market',
    unstated: unstatedField('ai.continuous_learning.enabled', true),
  },
  'AI system is a component of a product': {
    holds: (c) => c.facts.aiComponentOfProduct,
    whenNot: 'the AI system is not a component of a product',
    unstated: unstatedField('regulatory.ai_act.component_of_product', true),
  },
  'pre-determined changes planned': {
    holds: (c) => isSupplied(getPath(c.data, 'ai.predetermined_changes')),
    whenNot: 'no pre-determined changes are planned',
    unstated: unstatedField('ai.predetermined_changes'),
  },
  'system processes personal data': {
    holds: (c) => c.facts.personalData,
    whenNot: 'the system processes no personal data',
    unstated: unstatedField('data_processing.personal_data', true),
  },
  'AI system interacts directly with natural persons (e.g. patient-facing chatbot)': {
    holds: flag('ai.interaction_disclosure.applies'),
    whenNot: 'the AI system does not interact directly with natural persons',
    unstated: unstatedField('ai.interaction_disclosure.applies', true),
  },
  'system generates synthetic content': {
    holds: flag('ai.synthetic_content_marking.applies'),
    whenNot: 'the AI system generates no synthetic content',
    unstated: unstatedField('ai.synthetic_content_marking.applies', true),
  },
  'emotion recognition or biometric categorisation; obligation sits with the deployer, provider can supply template text':
    {
      holds: flag('ai.emotion_or_biometric.applies'),
      whenNot: 'no emotion recognition or biometric categorisation',
    },
  'deployer uses the system to create deep fakes': {
    holds: flag('ai.deepfake_disclosure.applies'),
    whenNot: 'the system is not used to create deep fakes',
  },
  'public-interest text publication': {
    holds: flag('ai.text_disclosure.applies'),
    whenNot: 'the system does not publish text on matters of public interest',
  },
  'software runs on mobile platforms': {
    holds: (c) => c.facts.mobile,
    whenNot: 'the software does not run on mobile platforms',
    unstated: unstatedField('platform.mobile', true),
  },
  'patients or consumers are users': {
    holds: (c) => c.facts.layUsers,
    whenNot: 'patients and consumers are not users of the product',
    // No `unstated`: lay use shapes whole documents (guide or IT instructions), and an open
    // `product.lay_users` would turn each into a single TBD; the data checks ask for it instead.
  },
  'device has a fail-safe mode': {
    holds: (c) => c.facts.failsafeMode,
    whenNot: 'the device has no fail-safe mode',
    unstated: unstatedField('security.failsafe_mode'),
  },
  'network-connected device': {
    holds: (c) => c.facts.networkConnected,
    whenNot: 'the device has no network connection',
    // Any of the three network fields, stated (even as none), decides it.
    unstated: (c) => (NETWORK_FIELDS.every((p) => getPath(c.data, p) === undefined) ? ['network.interfaces'] : []),
  },
  'external hosting / cloud component': {
    holds: (c) => c.facts.cloudHosting,
    whenNot: 'the product has no external hosting or cloud component',
    // A product declared to have no network interface has no externally hosted component either.
    unstated: (c) => (noNetworkDeclared(c.data) ? [] : unstatedField('it_requirements.cloud_hosting')(c)),
  },
};
