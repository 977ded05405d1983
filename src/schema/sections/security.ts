import { bool, enumOf, obj, records, ref, str, strList, type Props } from '../build.js';

export const STRIDE = [
  'spoofing',
  'tampering',
  'repudiation',
  'information-disclosure',
  'denial-of-service',
  'elevation-of-privilege',
] as const;

/** Security controls of the product itself (CRA Annex I Part I, MDCG 2019-16 Table 3, MDS2). */
function controls(): Props {
  return {
    authentication: str(
      'How users, services and devices authenticate (passwords, certificates, tokens, biometrics, MFA).',
    ),
    access_control: str(
      'How access is limited to authorised users and functions (role-based access, least privilege).',
      'access control',
    ),
    unauthorised_access_reporting: str(
      'How possible unauthorised access is detected and reported (log entry, alert, notification).',
      'reporting of unauthorised access',
    ),
    node_authentication: str(
      'How the product authenticates its communication partners (mutual TLS, device certificates, pairing).',
      'node authentication',
    ),
    encryption_at_rest: str('How stored data are encrypted (what, algorithm, scope).', 'encryption at rest'),
    encryption_in_transit: str(
      'How transmitted data are encrypted (protocols and versions, e.g. "TLS 1.3").',
      'encryption in transit',
    ),
    key_management: str('How cryptographic keys are generated, stored, rotated and revoked.', 'key management'),
    crypto_algorithms: records(
      {
        use: str('What the algorithm protects (e.g. "firmware signature", "data in transit").'),
        algorithm: str('Algorithm or protocol (e.g. "ECDSA P-256", "AES-256-GCM", "TLS 1.3").'),
        key_length: str('Key length or curve (e.g. "256 bit").', 'key length'),
        library: str('Cryptographic library and version (e.g. "OpenSSL 3.0.13").'),
        key_storage: str('Where keys are stored (secure element, TPM, key store).', 'key storage'),
      },
      'Cryptographic algorithms and protocols used, state of the art.',
      { title: 'cryptographic algorithms', itemTitle: 'cryptographic algorithm' },
    ),
    integrity: str(
      'How the integrity of stored or transmitted data, commands, programs and configuration is protected (signatures, MACs, secure boot).',
    ),
    integrity_violation_reporting: str(
      'How detected integrity violations (corruption, manipulation) are reported.',
      'reporting of integrity violations',
    ),
    resilience: str(
      'How essential functions stay available, also after an incident (watchdogs, degraded mode, redundancy).',
    ),
    dos_mitigation: str(
      'How the product resists and mitigates denial-of-service attacks (rate limiting, resource limits).',
      'denial-of-service mitigation',
    ),
    exploit_mitigations: strList(
      'Exploitation-mitigation techniques used (e.g. "ASLR", "stack canaries", "non-executable memory", "sandboxing").',
      'exploit mitigations',
      'One technique.',
    ),
    physical_access: str(
      'Protection against physical access to data and interfaces (sealed housing, disabled debug ports, tamper evidence).',
      'physical access protection',
    ),
  };
}

export function securitySection(): Props {
  return {
    security: obj(
      {
        properties: strList(
          'Security properties the product provides (e.g. "confidentiality of patient data", "integrity of dosing commands").',
          'security properties',
          'One property.',
        ),
        security_objectives: strList(
          'Security objectives derived from the risk assessment, in words users understand.',
          'security objectives',
          'One objective.',
        ),
        environment_provided: str(
          'Security environment the manufacturer provides for the product (e.g. hosted cloud back-end, managed update service).',
          'security environment provided',
        ),
        risk_profile_summary: str(
          "Summary of the product's security risk profile for users, including what they must know about remaining risks.",
          'security risk profile',
        ),
        default_configuration: str(
          'The secure-by-default configuration as shipped: which services and interfaces are on or off, which settings are set.',
          'secure default configuration',
        ),
        factory_reset_procedure: str(
          'How the product is reset to its original secure state (who may do it, steps, what is erased).',
          'factory reset procedure',
        ),
        tailor_made_agreement_ref: ref(
          'Reference to an agreement with a business user on a tailor-made configuration that departs from the secure default, if any.',
          'tailor-made configuration agreement',
        ),
        critical_function_protection: str(
          'Features that protect critical functionality even when security is compromised (e.g. safety processor isolated from network stack).',
          'protection of critical functions',
        ),
        failsafe_mode: obj(
          {
            enter_exit: str(
              'How the product enters and leaves fail-safe mode (automatic triggers, manual steps).',
              'entering and leaving fail-safe mode',
            ),
            restrictions: str(
              'Functions and performance restricted while in fail-safe mode.',
              'fail-safe restrictions',
            ),
            data_recovery: str(
              'How data are recovered when normal operation resumes.',
              'data recovery after fail-safe mode',
            ),
          },
          'Fail-safe mode after a security event.',
          'fail-safe mode',
        ),
        capabilities: records(
          {
            name: str('Name of the capability (e.g. "Automatic logoff").'),
            description: str('How the product implements the capability, in a sentence or two.'),
            supported: bool('true if the product has this capability; false to state explicitly that it does not.'),
            default_state: str('State as shipped (e.g. "on, 10 minutes", "off", "not applicable").', 'default state'),
            user_configurable: bool('true if the user or operator can change the setting.', 'user configurable'),
            mds2_code: str('MDS2 section code (e.g. "ALOF"), if any.', 'MDS2 code'),
          },
          'Security capabilities of the product (MDCG 2019-16 Table 3, MDS2 sections). Use the well-known ids ' +
            '`automatic_logoff`, `audit_controls`, `authorisation`, `de_identification`, `emergency_access`, ' +
            '`malware_protection`, `node_authentication`, `physical_locks`, `system_hardening`, `transmission_confidentiality`, ' +
            '`transmission_integrity` where they fit.',
          {
            title: 'security capabilities',
            itemTitle: 'security capability',
            idDescription:
              'Capability key, e.g. `automatic_logoff`, `emergency_access`; unique in the list. A product-line child changes a capability by repeating its id.',
          },
        ),
        controls: obj(controls(), 'Security controls built into the product.', 'security controls'),
        threats_addressed: records(
          {
            threat: str('The threat in a sentence (e.g. "attacker on the hospital network alters dosing commands").'),
            asset: str('Asset the threat is against (e.g. "dosing commands").'),
            stride: enumOf(
              [...STRIDE],
              'STRIDE category: spoofing, tampering, repudiation, information-disclosure, denial-of-service or elevation-of-privilege.',
              'STRIDE category',
            ),
            attack_vector: str(
              'How the attack reaches the asset: entry point and access needed (e.g. "adjacent: Bluetooth LE within 10 m, no pairing").',
              'attack vector',
            ),
            risk_before: str(
              'Risk before the controls, on the scale of `techdoc.risk_scoring_method` (e.g. "High").',
              'pre-control risk',
            ),
            controls: str('Controls that address the threat (names or control ids).'),
            residual_risk: str('Remaining risk after the controls, in plain words.', 'residual risk'),
            acceptability: str(
              'Whether the residual risk is acceptable under `techdoc.risk_acceptance_criteria`, and on what condition (e.g. "Acceptable with user information (RR-02)").',
              'acceptability',
            ),
          },
          "Threats the product's security capabilities address (defence in depth).",
          { title: 'threats addressed', itemTitle: 'threat' },
        ),
        residual_risks: records(
          {
            risk: str('The residual risk in plain words.'),
            consequence: str('Possible consequence, including for the patient.'),
            product_measures: str('What the product does about it.', 'product measures'),
            user_action: str('What the user or operator must do.', 'user action'),
          },
          'Residual security risks that users must be told about (as limitations, precautions or warnings).',
          { title: 'residual risks', itemTitle: 'residual risk' },
        ),
        user_mitigations: strList(
          'Mitigations the product relies on users or operators to apply.',
          'user mitigations',
          'One mitigation.',
        ),
        foreseeable_misuse: strList(
          'Reasonably foreseeable misuse that may lead to significant cybersecurity risks.',
          'foreseeable misuse',
          'One misuse scenario.',
        ),
        known_risk_circumstances: strList(
          'Known or foreseeable circumstances of intended use that may lead to significant cybersecurity risks.',
          'known risk circumstances',
          'One circumstance.',
        ),
      },
      'Security design of the product: properties, capabilities, controls and risks.',
      'product security',
    ),
    security_testing: obj(
      {
        plan: ref('Reference to or summary of the security test plan.', 'security test plan'),
        methods: strList(
          'Test methods used (e.g. "security feature testing", "fuzzing", "vulnerability scanning", "penetration testing").',
          'security test methods',
          'One method.',
        ),
        frequency: str('How often security tests and reviews are repeated (e.g. "each release and at least yearly").'),
        vulnerability_scan_report_ref: ref(
          'Reference to the latest vulnerability scan report.',
          'vulnerability scan report',
        ),
      },
      'Security verification and testing.',
      'security testing',
    ),
  };
}
