import { date, obj, records, ref, str, strList, url, type Props } from '../build.js';

/** Secure-use instructions and user information (CRA Annex II 8, MDR Annex I 23.4, MDCG 2019-16 4.2-4.3). */
export function secureUseSection(): Props {
  return {
    secure_use: obj(
      {
        instructions_url: url(
          'Address of the detailed secure-use instructions, if they are published online.',
          'secure-use instructions address',
        ),
        installation_procedure: str('How to install and configure the product securely.', 'installation procedure'),
        installation_verification: str(
          'How to verify correct and secure installation and readiness for use.',
          'installation verification',
        ),
        commissioning_steps: records(
          {
            action: str('What to do at initial commissioning (e.g. "Change the administrator password").'),
            who: str('Role that performs the step.'),
            verification: str('How to check that the step was done.'),
          },
          'Measures needed at initial commissioning to ensure secure use, in order.',
          { title: 'commissioning steps', itemTitle: 'commissioning step' },
        ),
        lifetime_measures: strList(
          'Measures needed throughout the lifetime to keep the product secure.',
          'lifetime security measures',
          'One measure.',
        ),
        change_impacts: strList(
          'How changes to the product (configuration, software, environment) can affect the security of data.',
          'impact of changes',
          'One change and its impact.',
        ),
        network_deployment_guidance: str(
          'Technical instructions for secure network deployment.',
          'network deployment guidance',
        ),
        servicing_guidance: str('Instructions for secure servicing.', 'servicing guidance'),
        administration_guidance: str(
          'System operation, administration and operational support.',
          'administration guidance',
        ),
        monitoring_guidance: str('How to monitor the product for security events.', 'monitoring guidance'),
        alert_action_plan: records(
          {
            alert: str('Alert or message as shown.'),
            meaning: str('What it means.'),
            action: str('What to do immediately.'),
            contact: str('Whom to contact.'),
            clinical_effect: str('Effect on clinical use.', 'effect on clinical use'),
          },
          'Action plan for users when a security alert appears.',
          { title: 'alert action plan', itemTitle: 'alert' },
        ),
        required_it_skills: str(
          'IT skills needed to install, configure and operate the product securely.',
          'required IT skills',
        ),
        training_requirements: str('Security training users and operators need.', 'training requirements'),
        user_responsibilities: strList(
          'Security responsibilities and actions of users and administrators.',
          'user responsibilities',
          'One responsibility.',
        ),
        user_behaviour_assumptions: strList(
          'Assumptions about how users behave that the security design relies on.',
          'user behaviour assumptions',
          'One assumption.',
        ),
        patient_guidance: strList(
          'Security guidance for patients and lay users (keep software current, use strong passwords, protect the device).',
          'patient guidance',
          'One piece of guidance.',
        ),
        transferred_risks: strList(
          'Security risks transferred to the user or operator.',
          'risks transferred to users',
          'One risk.',
        ),
        permitted_modifications_policy: str(
          'Which modifications (third-party software, patches, security tools) are permitted and under what conditions.',
          'permitted modifications',
        ),
        approved_third_party_software: strList(
          'Third-party software approved for installation alongside the product.',
          'approved third-party software',
          'One product and version.',
        ),
      },
      'Instructions for secure installation, operation and maintenance.',
      'secure use',
    ),
    user_info: obj(
      {
        format: str('Form of the user information (paper, electronic, both).'),
        languages: strList('Languages of the user information (BCP 47 codes or names).', 'languages', 'One language.'),
        url: url('Address where the user information is available.', 'user information address'),
        version: str('Version of the user information.', 'version'),
        revision_date: date('Date of the last revision of the security information, YYYY-MM-DD.', 'revision date'),
        retention_until: date(
          'Date until which the user information stays available, YYYY-MM-DD (at least 10 years or the support period under the CRA).',
          'available until',
        ),
        document_refs: strList(
          'User documents that make up the user information (IFU, secure-operation guide, decommissioning guide).',
          'user documents',
          'One document.',
        ),
        archive: records(
          {
            version: str('Version of the archived user information.'),
            date: date('Date of that version, YYYY-MM-DD.'),
            location: ref('Where that version is kept.'),
          },
          'Archived earlier versions of the user information.',
          { title: 'user information archive', itemTitle: 'archived version' },
        ),
      },
      'The user information and instructions as a whole.',
      'user information',
    ),
    mds2: obj(
      {
        form_ref: ref(
          'Reference to the Manufacturer Disclosure Statement for Medical Device Security (MDS2) form.',
          'MDS2 form',
        ),
        revision: str('Revision of the MDS2 form.', 'MDS2 revision'),
      },
      'Manufacturer Disclosure Statement for Medical Device Security (MDS2).',
      'MDS2',
    ),
  };
}
