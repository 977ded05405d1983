import { aiArt50Decision, aiHighRiskDecision } from './ai-act.js';
import type { Applicability } from './applicability.js';
import { describeDecision } from './applicability.js';
import { craCategoryDecision } from './cra.js';
import { NETWORK_FIELDS, noNetworkDeclared } from './conditions.js';
import { getPath, isSupplied, type Data } from './data-path.js';
import { INSTRUMENT_IDS, INSTRUMENT_NAMES, REGULATION_TITLES, type Decision } from './instruments.js';
import { nis2Decision } from './nis2.js';

/**
 * The decisions a template can ask for by id (`{{#applies "ID"}}`, `{{applicability "ID"}}`):
 * every instrument, plus the finer questions documents are written around. This list is the
 * contract with template writers (docs/templates.md).
 */
export const TEMPLATE_DECISION_IDS = [
  'MD',
  ...INSTRUMENT_IDS,
  'NIS2',
  'AIA-high-risk',
  'AIA-art50',
  'CRA-category',
  'MDS2',
  'open-vulnerabilities',
  'known-vulnerabilities-stated',
] as const;
export type TemplateDecisionId = (typeof TEMPLATE_DECISION_IDS)[number];

/** A decision as a template prints it: the reason opens with the instrument's name. */
export interface TemplateDecision {
  readonly applies: boolean;
  readonly reason: string;
  /** Data fields the reason needs and the data lacks: printed as TBD after the reason. */
  readonly missing: readonly string[];
}

function shown(name: string, d: Decision): TemplateDecision {
  return {
    applies: d.applies,
    reason: `${name}: ${d.reason}`,
    missing: [...(d.undecidedFields ?? []), ...(d.missing ?? [])],
  };
}

export function templateDecisions(app: Applicability): Record<TemplateDecisionId, TemplateDecision> {
  const i = app.instruments;
  const f = app.facts;
  const out: Partial<Record<TemplateDecisionId, TemplateDecision>> = {};
  for (const id of INSTRUMENT_IDS)
    out[id] = { ...shown(INSTRUMENT_NAMES[id], i[id]), reason: describeDecision(id, i[id]) };
  // `MD`: a medical device under either regulation; the reason names the one that applies.
  const reg = f.deviceRegulation;
  out.MD = reg ? shown(reg, i[reg]) : shown('MDR and IVDR', i.MDR);
  out.NIS2 = shown('NIS2 Directive', nis2Decision(i['NIS2-manufacturer'], i['NIS2-deployers']));
  out['AIA-high-risk'] = shown('AI Act', aiHighRiskDecision(f));
  out['AIA-art50'] = shown('AI Act Art. 50', aiArt50Decision(f));
  out['CRA-category'] = shown('CRA category', craCategoryDecision(f, i.CRA));
  out.MDS2 = { applies: app.mds2.applies, reason: app.mds2.reason, missing: [] };
  // Whether the product is released with known vulnerabilities still affecting it: a template
  // must then not claim "without known exploitable vulnerabilities".
  const open = f.openVulnerabilities;
  out['open-vulnerabilities'] = {
    applies: open.length > 0,
    reason:
      open.length > 0
        ? `known vulnerabilities still affecting the product at release: ${open.join(', ')}`
        : 'no known vulnerability affects the product at release',
    missing: [],
  };
  // Whether the vulnerabilities known at release are recorded at all (a list, or declared none):
  // until they are, "placed on the market without known exploitable vulnerabilities" is a claim
  // without a basis, and the template says what will establish it instead.
  const stated = f.knownVulnerabilitiesStated;
  out['known-vulnerabilities-stated'] = {
    applies: stated,
    reason: stated
      ? 'the vulnerabilities known at release are recorded'
      : 'the vulnerabilities known at release are not yet recorded',
    missing: [],
  };
  return out as Record<TemplateDecisionId, TemplateDecision>;
}

/**
 * Whether the product has a network connection at all (`{{#applies "network"}}`), decided once for
 * every network-dependent section: diagrams, ports, firewall rules, remote service, cloud hosting,
 * the network's part in decommissioning. It does not apply only where the data declares that there
 * is no network interface (`network.interfaces: { none: "…" }`, or `network` declared not
 * applicable) and supplies no port or data flow; the reason is then the writer's own, so that the
 * document says once why, instead of asking for facts that cannot exist. While nothing about the
 * network is stated the sections stay, with the TBDs that ask for it.
 */
export function networkDecision(data: Data): TemplateDecision {
  if (NETWORK_FIELDS.some((p) => isSupplied(getPath(data, p))))
    return { applies: true, reason: 'the product has network or wireless interfaces', missing: [] };
  const declared = noNetworkDeclared(data);
  // The reason is printed inside a sentence: without the writer's closing full stop.
  if (declared) return { applies: false, reason: declared.reason.replace(/[.\s]+$/, ''), missing: [] };
  const stated = NETWORK_FIELDS.some((p) => getPath(data, p) !== undefined);
  return {
    applies: true,
    reason: 'the network interfaces of the product are not yet stated',
    missing: stated ? [] : ['network.interfaces'],
  };
}

/** "Regulation (EU) 2017/745 on medical devices (MDR)", or '' when the product is not a device. */
export function regulationTitle(app: Applicability, form: 'long' | 'short' = 'long'): string {
  const reg = app.facts.deviceRegulation;
  if (!reg) return '';
  return form === 'short' ? reg : REGULATION_TITLES[reg];
}
