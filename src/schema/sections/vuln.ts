import { bool, int, list, obj, ref, str, strList, url, type Props, type Schema } from '../build.js';

const count = (description: string): Schema => int(description, 0, 100_000_000);

/** What techfile reads from `vulnerabilities.files`, for templates (src/sbom/template-data.ts fills it). */
function importedVex(): Schema {
  const statement = {
    id: str('Vulnerability id (CVE or other).'),
    component: str('The component (name and version), or "the product".'),
    status: str('affected, not affected, fixed or under investigation.'),
    code: str('The status as a code: affected, not_affected, fixed, under_investigation.'),
    severity: str('Severity with score where given, or "not stated".'),
    assessment: str('Justification, detail and remediation in words, as sentences.'),
    remediation: str('The fix, update, workaround or mitigation as a sentence, or "none given."'),
    has_remediation: bool('true if the statement gives a fix, update, workaround or mitigation.'),
  };
  return obj(
    {
      files: list(
        obj(
          {
            file: str('The file as `vulnerabilities.files` names it.'),
            format: str('CycloneDX VEX 1.x or CSAF 2.0 VEX.'),
            count: count('Statements in the file.'),
          },
          'One VEX file.',
        ),
        'The VEX files read.',
      ),
      formats: str('The formats of the VEX files, comma-separated.'),
      total: count('Number of statements (one per vulnerability and component).'),
      vulnerability_count: count('Number of different vulnerabilities.'),
      affected: count('Statements with status affected.'),
      not_affected: count('Statements with status not affected.'),
      fixed: count('Statements with status fixed.'),
      under_investigation: count('Statements with status under investigation.'),
      statements: list(obj(statement, 'One statement.'), 'Every statement, affected first.'),
      residual: list(obj(statement, 'One statement.'), 'The statements whose vulnerability is not fixed.'),
    },
    'Filled in by techfile from `vulnerabilities.files` when documents are generated; anything written here is replaced.',
    'vulnerability statements read from the files',
  );
}

/** Vulnerability handling, disclosure and incident reporting (CRA Annex I Part II, Art. 14). */
export function vulnSection(): Props {
  return {
    vulnerabilities: obj(
      {
        files: strList(
          'Vulnerability statements (VEX) for the product, each a path relative to this device file: CycloneDX VEX JSON (spec 1.4 to 1.6) or CSAF 2.0 with the csaf_vex profile.',
          'VEX files',
          'One file path, e.g. "vex/glucoflow.csaf.json".',
        ),
        imported: importedVex(),
      },
      'Machine-readable vulnerability statements (VEX) whose assessments the cybersecurity documentation reports.',
      'vulnerability statements',
    ),
    vuln_handling: obj(
      {
        process_ref: ref(
          'Reference to the vulnerability-handling procedure (SOP number and revision).',
          'vulnerability-handling procedure',
        ),
        remediation_policy: str(
          'How vulnerabilities are addressed and remediated without delay, and whether security fixes ship separately from feature updates.',
          'remediation policy',
        ),
        monitoring_sources: strList(
          'Sources monitored for new vulnerabilities (e.g. "NVD", "CISA KEV", "supplier advisories", "CERT-Bund").',
          'vulnerability monitoring sources',
          'One source.',
        ),
        metrics: obj(
          {
            patched_ratio: str(
              'Share of identified vulnerabilities that have been patched, with the period (e.g. "96 % in 2026").',
              'share of vulnerabilities patched',
            ),
            time_to_patch: str(
              'Time from identification of a vulnerability to an available patch (e.g. "median 21 days").',
              'time to patch',
            ),
            time_to_deploy: str('Time from patch availability to deployment in the field.', 'time to deploy'),
          },
          'Vulnerability-handling metrics tracked and reported.',
          'vulnerability metrics',
        ),
        kev_handling: str(
          'How vulnerabilities listed as known exploited (e.g. CISA KEV) are handled and prioritised.',
          'known-exploited vulnerability handling',
        ),
        patch_timeline_policy: str('Target times to deliver patches, by severity.', 'patch timeline policy'),
        personnel: str('Roles responsible for vulnerability handling.', 'responsible personnel'),
        upstream_reporting_procedure: str(
          'How vulnerabilities found in integrated components are reported to their maintainers, and fixes shared.',
          'upstream reporting procedure',
        ),
      },
      "The manufacturer's vulnerability-handling process.",
      'vulnerability handling',
    ),
    cvd_policy: obj(
      {
        url: url('Address where the coordinated vulnerability disclosure policy is published.', 'CVD policy address'),
        version: str('Version of the CVD policy (e.g. "2.0").', 'CVD policy version'),
        disclosure_delay_policy: str(
          'When and under what conditions public disclosure of a fixed vulnerability may be delayed.',
          'disclosure delay policy',
        ),
      },
      'Coordinated vulnerability disclosure (CVD) policy.',
      'CVD policy',
    ),
    advisories: obj(
      {
        url: url('Where security advisories are published.', 'advisories address'),
        channel: str(
          'How advisories and security updates reach users (web page, e-mail list, customer portal, in-product notice).',
          'advisory channel',
        ),
        format: str('Format of advisories (e.g. "CSAF 2.0 and HTML").', 'advisory format'),
        fields: strList(
          'Content of each advisory (e.g. "description", "affected versions", "CVSS score", "remediation").',
          'advisory fields',
          'One item of content.',
        ),
        subscription_method: str(
          'How users subscribe to advisories and notices of actively exploited vulnerabilities or severe incidents.',
          'subscription method',
        ),
        user_actions_template: str(
          'Standard wording telling users what to do in response to an advisory.',
          'user actions template',
        ),
      },
      'Security advisories informing users about vulnerabilities and fixes.',
      'security advisories',
    ),
    incident_response: obj(
      {
        user_response_procedure: str(
          'What users do when they suspect or detect a cybersecurity incident or unusual behaviour of the product.',
          'user response procedure',
        ),
        user_reporting_procedure: str(
          'How users report a serious incident or security incident to the manufacturer.',
          'user reporting procedure',
        ),
        authority_contact_info: str(
          'Notice that serious incidents must also be reported to the competent authority of the Member State, and how to find it.',
          'competent authority contact',
        ),
      },
      'What users do in case of a security incident.',
      'incident response',
    ),
    incident_reporting: obj(
      {
        procedure_ref: ref(
          "Reference to the manufacturer's procedure for notifying authorities (CRA Art. 14, NIS2 Art. 23).",
          'incident reporting procedure',
        ),
        csirt_coordinator: str(
          'CSIRT designated as coordinator in the Member State of main establishment.',
          'CSIRT coordinator',
        ),
        main_establishment_member_state: str(
          "Member State of the manufacturer's main establishment in the EU.",
          'Member State of main establishment',
        ),
        member_states_available: strList(
          'Member States where the product is made available.',
          'Member States where available',
          'One Member State.',
        ),
        nis2_authority: str('NIS2 CSIRT or competent authority to notify of significant incidents.', 'NIS2 authority'),
        ai_act_authority: str('Authority to notify of serious incidents involving the AI system.', 'AI Act authority'),
        significance_criteria_ref: ref(
          'Reference to the criteria used to decide whether an incident is significant.',
          'significance criteria',
        ),
      },
      'Notifications from the manufacturer to authorities.',
      'incident reporting',
    ),
  };
}
