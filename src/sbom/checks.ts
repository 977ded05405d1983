import type { Diagnostic, Severity } from '../diagnostics/diagnostic.js';
import type { SourceRef } from '../source/position.js';
import type { Support } from './hand-list.js';
import { describeComponent, describeRef, findComponent, type ComponentIndex } from './match.js';
import type { Sbom, VexStatement } from './types.js';

/**
 * Consistency of the SBOM, the VEX statements and the device data. Each finding is a warning
 * in a draft; with --final it is an error where the law that applies to the product makes
 * the point mandatory (the `law` of each check says which), else it stays a warning.
 */

export interface Laws {
  readonly cra: boolean;
  readonly fda: boolean;
  /** The device regulation, when the product is a medical device: its Annex I requires known vulnerabilities to be controlled. */
  readonly device?: 'MDR' | 'IVDR' | undefined;
}

export interface CheckInput {
  readonly sbom: Sbom | undefined;
  readonly statements: readonly VexStatement[];
  readonly index: ComponentIndex;
  readonly support: ReadonlyMap<string, Support>;
  /** Date of the newest document being generated that shows the SBOM (YYYY-MM-DD), if any. */
  readonly documentDate: string | undefined;
  readonly maxAgeDays: number;
  /** `support_period.end_date` of the product. */
  readonly productSupportEnd: string | undefined;
  /** The manufacturer's general plan for components whose support ends (`supply_chain.third_party_eol_plan`). */
  readonly generalEolPlan: boolean;
  readonly final: boolean;
  readonly laws: Laws;
  readonly where: (path: string) => SourceRef;
}

const DAY = 86_400_000;

function days(from: string, to: string): number | undefined {
  const a = Date.parse(from.length === 10 ? `${from}T00:00:00Z` : from);
  const b = Date.parse(`${to}T00:00:00Z`);
  return Number.isNaN(a) || Number.isNaN(b) ? undefined : Math.floor((b - a) / DAY);
}

export function checkConsistency(input: CheckInput): Diagnostic[] {
  const out: Diagnostic[] = [];
  const severity = (mandatory: boolean): Severity => (input.final && mandatory ? 'error' : 'warning');
  // An SBOM is required of the product by the CRA (Annex I Part II (1)) and, for cyber devices, by FD&C Act 524B(b)(3).
  const sbomLaw = input.laws.cra || input.laws.fda;
  const { sbom } = input;

  if (sbom && input.documentDate !== undefined) {
    const age = sbom.timestamp !== undefined ? days(sbom.timestamp, input.documentDate) : undefined;
    if (sbom.timestamp === undefined || age === undefined) {
      out.push({
        severity: severity(sbomLaw),
        code: 'sbom/no-timestamp',
        message: `the SBOM ${sbom.file} has no readable timestamp, so its age at the document date ${input.documentDate} cannot be checked`,
        source: input.where('sbom.file'),
        fieldPath: 'sbom.file',
        hints: [
          'regenerate the SBOM with a tool that records when it was made (CycloneDX `metadata.timestamp`, SPDX `creationInfo.created`)',
        ],
      });
    } else if (age > input.maxAgeDays) {
      out.push({
        severity: severity(sbomLaw),
        code: 'sbom/stale',
        message: `the SBOM ${sbom.file} is ${age} days old at the document date ${input.documentDate} (made ${sbom.timestamp.slice(0, 10)}; at most ${input.maxAgeDays} days accepted)`,
        source: input.where('sbom.file'),
        fieldPath: 'sbom.file',
        hints: [
          'regenerate the SBOM from the build of the release this document describes',
          'or, if the software has not changed, raise `sbom.max_age_days`',
          ...(sbomLaw
            ? [
                'the SBOM must document the components of the product as placed on the market (CRA Annex I Part II (1); FD&C Act 524B(b)(3))',
              ]
            : []),
        ],
      });
    }
  }

  for (const s of input.statements) {
    const match = findComponent(s.component, input.index);
    const fileRef: SourceRef = { file: s.file };
    if (sbom && match.kind === 'none') {
      out.push({
        severity: severity(sbomLaw),
        code: 'sbom/vex-component-not-in-sbom',
        message: `${s.file}: \`${s.path}\` states ${s.id} for \`${describeRef(s.component)}\`, which is not a component of the SBOM ${sbom.file}`,
        source: fileRef,
        hints: [
          'regenerate the SBOM so that it lists every component that ships, or correct the component reference in the VEX file (bom-ref, purl, or name and version)',
        ],
      });
    }
    if (s.status === 'affected' && !s.hasRemediation) {
      const what =
        match.kind === 'component'
          ? describeComponent(match.component)
          : match.kind === 'product'
            ? 'the product itself'
            : describeRef(s.component);
      out.push({
        severity: severity(input.laws.cra || input.laws.fda || input.laws.device !== undefined),
        code: 'sbom/exploitable-without-remediation',
        message: `${s.id} affects \`${what}\` (${s.file}, \`${s.path}\`) and the statement gives no fix, update, workaround or mitigation`,
        source: fileRef,
        hints: [
          'ship a fix or a mitigation and record it in the VEX file, or reassess the status (not affected, with the justification)',
          ...(input.laws.cra
            ? [
                'CRA Annex I Part I (2)(a): products with digital elements shall be made available on the market without known exploitable vulnerabilities',
              ]
            : []),
          ...(input.laws.fda
            ? [
                'FD&C Act 524B(b)(2): make available updates and patches that address known unacceptable vulnerabilities',
              ]
            : []),
          ...(input.laws.device === 'MDR'
            ? [
                'MDR Annex I 17.2 and 17.4: software is developed to the state of the art of information security; a known exploitable vulnerability left open is a risk that must be controlled before release',
              ]
            : input.laws.device === 'IVDR'
              ? [
                  'IVDR Annex I 16.2 and 16.4: software is developed to the state of the art of information security; a known exploitable vulnerability left open is a risk that must be controlled before release',
                ]
              : []),
        ],
      });
    }
  }

  if (sbom && input.productSupportEnd !== undefined) {
    for (const c of sbom.components) {
      const facts = input.support.get(c.ref);
      if (facts?.endOfSupport === undefined || facts.endOfSupport >= input.productSupportEnd) continue;
      const planned = facts.plan !== undefined || input.generalEolPlan;
      const path = `sbom.components[${facts.index}].end_of_support_date`;
      out.push({
        severity: severity(input.laws.cra && !planned),
        code: 'sbom/component-support-ends-early',
        message: `\`${describeComponent(c)}\` is supported by its supplier until ${facts.endOfSupport}, before the product's support period ends on ${input.productSupportEnd}${planned ? '' : ', and no plan for that is given'}`,
        source: input.where(path),
        fieldPath: path,
        hints: [
          planned
            ? 'check that the end-of-support plan covers this component'
            : `give the plan in \`sbom.components[${facts.index}].eos_plan\` or \`supply_chain.third_party_eol_plan\`, or replace the component`,
          ...(input.laws.cra
            ? [
                'CRA Art. 13(8): vulnerabilities of the product, including its components, must be handled effectively for the whole support period',
              ]
            : []),
        ],
      });
    }
  }
  return out;
}
