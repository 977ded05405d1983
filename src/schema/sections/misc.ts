import { date, enumOf, obj, ref, str, strList, url, type Props } from '../build.js';

/** Organisation-level evidence, declaration of conformity and labelling. */
export function miscSection(): Props {
  return {
    organisation: obj(
      {
        security_policy_ref: ref('Reference to the information-security and risk-analysis policy.', 'security policy'),
        isms_ref: ref('Reference to the information security management system.', 'ISMS'),
        incident_handling_ref: ref('Reference to the incident-handling procedure.', 'incident handling procedure'),
        bcm_ref: ref('Reference to the business continuity and crisis management plan.', 'business continuity plan'),
        crypto_policy_ref: ref('Reference to the cryptography and encryption policy.', 'cryptography policy'),
        access_control_policy_ref: ref(
          'Reference to the access-control and asset-management policy.',
          'access control policy',
        ),
        training_ref: ref('Reference to the cybersecurity training programme.', 'training programme'),
        effectiveness_review_ref: ref(
          'Reference to the review of the effectiveness of the security measures.',
          'effectiveness review',
        ),
        management_approval_record: ref(
          'Reference to the record of management approval of the security measures.',
          'management approval record',
        ),
        nis2_status: str(
          'NIS2 status of the organisation in words (e.g. "important entity, health sector").',
          'NIS2 status',
        ),
        size_category: enumOf(
          ['micro', 'small', 'medium', 'large'],
          'Enterprise size: micro, small, medium or large (Recommendation 2003/361/EC).',
          'enterprise size',
        ),
      },
      'Organisational security measures of the manufacturer.',
      'organisation',
    ),
    conformity: obj(
      {
        doc_ref: ref('Reference to the EU declaration of conformity.', 'declaration of conformity'),
        doc_url: url('Internet address of the EU declaration of conformity.', 'declaration of conformity address'),
        doc_form: enumOf(
          ['full', 'simplified'],
          'Form of the declaration supplied with the product: full or simplified.',
          'declaration form',
        ),
        version: str('Version of the declaration.'),
        date: date('Date of issue, YYYY-MM-DD.', 'date of issue'),
        place: str('Place of issue.', 'place of issue'),
        languages: strList('Languages of the declaration.', 'languages', 'One language.'),
        legislation_refs: strList(
          'Union harmonisation legislation the product conforms with.',
          'legislation',
          'One act.',
        ),
        harmonised_standards: strList('Harmonised standards applied.', 'harmonised standards', 'One standard.'),
        common_specifications: strList('Common specifications applied.', 'common specifications', 'One specification.'),
        certifications: strList('Cybersecurity certifications.', 'certifications', 'One certification.'),
        procedure: str('Conformity-assessment procedure performed.', 'conformity-assessment procedure'),
        certificate_id: str('Number of the notified-body certificate.', 'certificate number'),
        notified_body: obj(
          {
            name: str('Name of the notified body.'),
            number: str('Four-digit identification number.'),
          },
          'Notified body named in the declaration.',
          'notified body',
        ),
        signatory: obj(
          {
            name: str('Name of the person who signs.'),
            function: str('Function of the person who signs.'),
            on_behalf_of: str('Organisation on whose behalf the declaration is signed.', 'signed on behalf of'),
          },
          'Person signing the declaration.',
          'signatory',
        ),
        sole_responsibility_statement: str(
          'Statement that the declaration is issued under the sole responsibility of the manufacturer.',
          'sole responsibility statement',
        ),
        additional_info: str('Additional information.', 'additional information'),
        data_protection_statement: str(
          'Statement of compliance with data-protection law where personal data are processed.',
          'data protection statement',
        ),
        ai_act_art15_statement: str(
          'Statement that the high-risk AI system meets AI Act Art. 15 cybersecurity requirements through CRA conformity.',
          'AI Act Art. 15 statement',
        ),
      },
      'EU declaration of conformity.',
      'declaration of conformity',
    ),
    evidence: obj(
      {
        archive_location: str(
          'Where evidence is archived so it can be disclosed if a court orders it.',
          'evidence archive location',
        ),
      },
      'Evidence kept for product-liability proceedings.',
      'evidence',
    ),
    label: obj(
      {
        security_warnings: strList(
          'Security warnings or precautions on the label.',
          'label security warnings',
          'One warning.',
        ),
      },
      'Label and packaging.',
      'label',
    ),
  };
}
