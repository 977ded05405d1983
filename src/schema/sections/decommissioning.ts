import { bool, obj, records, str, strList, type Props } from '../build.js';

/** Secure decommissioning and disposal (CRA Annex II 8(d), Annex I (2)(m), IEC 81001-5-1 5.8.7). */
export function decommissioningSection(): Props {
  return {
    decommissioning: obj(
      {
        steps: records(
          {
            action: str('What to do, as an imperative sentence (e.g. "Export the patient records").'),
            who: str('Role that performs the step.'),
            details: str('Further details or references to a procedure section.'),
            verification: str('How to check that the step was done.'),
          },
          'Steps of secure decommissioning, in order.',
          { title: 'decommissioning steps', itemTitle: 'decommissioning step' },
        ),
        data_locations: records(
          {
            location: str('Storage location (e.g. "internal flash", "cloud tenant", "paired app").'),
            data: str('Data held there.'),
            personal_data: bool('true if the location holds personal data.', 'personal data'),
            erasure_method: str('How the data are erased there.', 'erasure method'),
            verification: str('How erasure is verified.'),
          },
          'Places where user data are stored, and how each is erased.',
          {
            title: 'data locations',
            itemTitle: 'data location',
            prose:
              'Where data are stored and how each place is erased, in words, where a table does not fit (e.g. "All data are held in the encrypted internal flash and erased by the factory reset").',
          },
        ),
        data_export_procedure: str(
          'How users export or transfer their data before decommissioning.',
          'data export procedure',
        ),
        data_transfer_security: str(
          'How data transferred to another product or system are protected.',
          'security of data transfer',
        ),
        data_removal_procedure: str('How users securely remove all data.', 'data removal procedure'),
        settings_reset_procedure: str('How users remove all settings permanently.', 'settings reset procedure'),
        erasure_function: str(
          'The built-in function that erases data and settings, and where to find it.',
          'erasure function',
        ),
        erasure_method: str(
          'Technical erasure method (e.g. "cryptographic erase", "overwrite per NIST SP 800-88").',
          'erasure method',
        ),
        erasure_verification: str('How users verify that data were erased.', 'erasure verification'),
        residual_data: strList(
          'Data that cannot be removed and must be protected by physical disposal.',
          'residual data',
          'One kind of residual data.',
        ),
        credential_revocation: strList(
          'Accounts, certificates and keys to revoke in other systems.',
          'credentials to revoke',
          'One credential.',
        ),
        environment_cleanup: strList(
          'References and configuration in the environment to remove (firewall rules, integrations, cloud tenant).',
          'environment cleanup',
          'One item.',
        ),
        software_removal: str('How software is removed or sanitised.', 'software removal'),
        physical_disposal_procedure: str(
          'How to dispose of the device, accessories and media safely (infection, data, environment).',
          'physical disposal procedure',
        ),
      },
      'Secure decommissioning, data removal and disposal.',
      'decommissioning',
    ),
  };
}
