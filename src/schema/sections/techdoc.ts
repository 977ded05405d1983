import { bool, date, enumOf, obj, records, ref, str, strList, type Props } from '../build.js';

export const VULN_STATUS = [
  'affected',
  'fixed',
  'mitigated',
  'not-affected',
  'under-investigation',
  'accepted',
] as const;

function architecture(): Props {
  return {
    architecture_description: str(
      'Description of the system architecture: components, trust boundaries and how they interact.',
      'architecture description',
    ),
    architecture_diagrams: records(
      {
        title: str('Caption of the diagram.'),
        file: ref('Path of the image file, relative to the data file (PNG or JPEG).', 'image file'),
        description: str('What the diagram shows, as text.'),
      },
      'Architecture drawings and schemes.',
      { title: 'architecture diagrams', itemTitle: 'architecture diagram' },
    ),
    architecture_views: obj(
      {
        global_system: str(
          'Global system view: the device, its connections and the systems it interacts with.',
          'global system view',
        ),
        multi_patient_harm: str(
          'Multi-patient harm view: how a compromise could affect several patients, and the controls against it.',
          'multi-patient harm view',
        ),
        updatability: str(
          'Updatability and patchability view: how each part of the system is updated.',
          'updatability view',
        ),
        security_use_cases: strList(
          'Security use-case views (e.g. "remote update", "pairing a new app").',
          'security use-case views',
          'One use case.',
        ),
      },
      'Architecture views required by the FDA premarket guidance.',
      'architecture views',
    ),
    design_development_info: str(
      'Design and development information relevant to cybersecurity.',
      'design and development information',
    ),
    sdlc_description: str(
      'Secure development life cycle followed (e.g. "IEC 81001-5-1 process, SOP-123").',
      'secure development life cycle',
    ),
  };
}

function risk(): Props {
  return {
    risk_assessment_ref: ref(
      'Reference to the cybersecurity risk assessment (document number and revision).',
      'cybersecurity risk assessment',
    ),
    risk_assessment: obj(
      {
        assets: records(
          {
            asset: str('Asset in words (e.g. "therapy settings").'),
            description: str('What it is and where it lives.'),
            protection_goals: str(
              'Security goals for the asset: confidentiality, integrity, availability.',
              'protection goals',
            ),
          },
          'Assets the risk assessment protects.',
          { title: 'assets', itemTitle: 'asset' },
        ),
        operational_environment: str(
          'Operational environment assumed by the risk assessment.',
          'operational environment',
        ),
        last_review_date: date('Date of the last review of the risk assessment, YYYY-MM-DD.', 'last review date'),
      },
      'Key facts of the cybersecurity risk assessment.',
      'risk assessment',
    ),
    risk_management_file_ref: ref('Reference to the risk management file (ISO 14971).', 'risk management file'),
    security_risk_report_ref: ref(
      'Reference to the security risk management report.',
      'security risk management report',
    ),
    risk_scoring_method: str(
      'Method for scoring risk before and after mitigation (e.g. exploitability-based, CVSS).',
      'risk scoring method',
    ),
    risk_acceptance_criteria: str('Criteria for accepting security risk.', 'risk acceptance criteria'),
    threat_model_ref: ref('Reference to the threat model.', 'threat model'),
    threat_model: obj(
      { method: str('Threat-modelling method (e.g. "STRIDE per element").', 'threat-modelling method') },
      'Threat model.',
      'threat model',
    ),
    attack_surface_analysis_ref: ref('Reference to the attack-surface analysis.', 'attack-surface analysis'),
    traceability_matrix_ref: ref(
      'Reference to the matrix tracing threats to controls and tests.',
      'traceability matrix',
    ),
    single_fault_analysis_ref: ref(
      'Reference to the single-fault analysis of programmable systems.',
      'single-fault analysis',
    ),
    reliability_evidence_ref: ref(
      'Reference to evidence of repeatability, reliability and performance.',
      'reliability evidence',
    ),
    interoperability_assessment_ref: ref(
      'Reference to the security assessment of interfaces and common protocols.',
      'interoperability assessment',
    ),
  };
}

function verification(): Props {
  return {
    requirements_mapping: records(
      {
        requirement_id: str(
          'Requirement addressed (e.g. "CRA Annex I Part I (2)(d)" or a catalogue clause id).',
          'requirement reference',
        ),
        applicable: bool('true if the requirement applies to the product; false needs a justification.'),
        implementation: str('How the requirement is implemented (controls, sections).'),
        justification: str('Why the requirement does not apply, when applicable is false.'),
        evidence_ref: ref('Reference to the evidence (test report, design document).', 'evidence'),
      },
      'Mapping of each essential requirement to its implementation or a justification of non-applicability.',
      { title: 'requirements mapping', itemTitle: 'mapped requirement' },
    ),
    standards_applied: records(
      {
        title: str('Title of the standard.'),
        edition: str('Edition or date of the standard.'),
        status: enumOf(['harmonised', 'common-specification', 'other'], 'harmonised, common-specification or other.'),
        full_or_partial: enumOf(
          ['full', 'partial'],
          'Whether the standard was applied in full or in part.',
          'applied in full or in part',
        ),
        parts: str('Parts or clauses applied, when applied in part.', 'parts applied'),
      },
      'Standards applied.',
      {
        title: 'standards applied',
        itemTitle: 'standard',
        idDescription: 'Designation of the standard (e.g. "IEC 81001-5-1:2021"); unique in the list.',
      },
    ),
    common_specifications: strList('Common specifications applied.', 'common specifications', 'One specification.'),
    certification_schemes: strList(
      'EU cybersecurity certification schemes applied.',
      'certification schemes',
      'One scheme.',
    ),
    other_specs: strList('Other technical specifications applied.', 'other specifications', 'One specification.'),
    solutions_description: str(
      'Solutions adopted to meet the essential requirements where no harmonised standard was applied.',
      'solutions adopted',
    ),
    test_reports: records(
      {
        title: str('Title of the report.'),
        type: str('Kind of test (e.g. "penetration test", "fuzz testing", "vulnerability scan").', 'test type'),
        scope: str('Object and scope tested (product, vulnerability-handling process).'),
        methods: str('Methods used.'),
        date: date('Date of the report, YYYY-MM-DD.', 'report date'),
        duration: str('Duration of the testing (e.g. "10 working days").'),
        tester_independence: str(
          'Who tested and how independent they are (e.g. "external accredited laboratory").',
          'tester independence',
        ),
        result: str('Overall result.'),
        findings: str('Findings and how they were dispositioned.'),
        signed_by: str('Who signed the report.', 'signed by'),
      },
      'Test reports verifying conformity with the essential requirements.',
      {
        title: 'test reports',
        itemTitle: 'test report',
        idDescription: 'Report number (e.g. "TR-2026-014"); unique in the list.',
      },
    ),
    known_vulnerabilities: records(
      {
        component: str('Affected component.'),
        description: str('Short description of the vulnerability.'),
        discovery_method: str('How the vulnerability was found (scan, KEV list, supplier advisory).', 'found by'),
        exploitability: str('Exploitability in this product, with reasons.'),
        risk_assessment: str('Safety and security risk assessment.', 'risk assessment'),
        controls: str('Controls that mitigate it.'),
        status: enumOf(
          [...VULN_STATUS],
          'Status as in a VEX statement: affected (the product is affected and no fix is available yet), fixed, mitigated, not-affected, under-investigation or accepted.',
        ),
      },
      'Known vulnerabilities of the product and its components at release.',
      {
        title: 'known vulnerabilities',
        itemTitle: 'known vulnerability',
        idDescription: 'Vulnerability id (CVE id or internal id); unique in the list.',
      },
    ),
    unresolved_anomalies: records(
      {
        description: str('Description of the anomaly.'),
        cwe: str('CWE category (e.g. "CWE-79").', 'CWE'),
        security_impact: str('Security impact.', 'security impact'),
        rationale: str('Why the product can be released with it.'),
      },
      'Unresolved software anomalies and their security assessment.',
      {
        title: 'unresolved anomalies',
        itemTitle: 'anomaly',
        idDescription: 'Anomaly number from the defect tracker; unique in the list.',
      },
    ),
    deferred_fixes_plan: str('Plan for fixes deferred to a later release.', 'deferred fixes plan'),
  };
}

export function techdocSection(): Props {
  return {
    techdoc: obj(
      {
        version: str('Version of the technical documentation.'),
        language: str('Language of the technical documentation (BCP 47, e.g. "en").'),
        retention_until: date(
          'Date until which the documentation is kept, YYYY-MM-DD (at least 10 years after placing on the market).',
          'kept until',
        ),
        revision_history: records(
          {
            version: str('Version of the technical documentation.'),
            date: date('Date of that version, YYYY-MM-DD.'),
            author: str('Author.'),
            description: str('What changed.'),
          },
          'Revisions of the technical documentation.',
          { title: 'revision history', itemTitle: 'revision' },
        ),
        sw_versions_affecting_compliance: strList(
          'Software versions that affect compliance with the essential requirements.',
          'software versions affecting compliance',
          'One version.',
        ),
        production_monitoring_processes: str(
          'Production and monitoring processes.',
          'production and monitoring processes',
        ),
        process_validation: str('Validation of the production and monitoring processes.', 'process validation'),
        ...architecture(),
        ...risk(),
        ...verification(),
      },
      'Cybersecurity technical documentation facts that are not user information.',
      'technical documentation',
    ),
  };
}
