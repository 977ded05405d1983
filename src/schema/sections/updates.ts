import { bool, date, enumOf, obj, records, str, strList, url, type Props } from '../build.js';

/** Security updates and releases (CRA Annex I (2)(c), Part II (7)-(8), IEC 81001-5-1 E.2.5). */
export function updatesSection(): Props {
  return {
    updates: obj(
      {
        mechanism: str(
          'How security updates reach the product (e.g. "signed over-the-air updates from the manufacturer\'s update server").',
        ),
        distribution_channel: str(
          'Channel through which updates are distributed (update server, app store, service portal, service technician).',
          'distribution channel',
        ),
        auto_update_default: bool(
          'true if automatic security updates are switched on by default.',
          'automatic updates on by default',
        ),
        auto_update_opt_out_procedure: str(
          'How users switch automatic updates off (a clear and easy opt-out).',
          'automatic update opt-out',
        ),
        notification_method: str('How users are told that an update is available.', 'update notification method'),
        postpone_option: str('How users can postpone an update temporarily, and for how long.', 'postponing updates'),
        separate_from_feature_updates: bool(
          'true if security updates can be installed separately from feature updates.',
          'security updates separate from feature updates',
        ),
        install_procedure: str('How users or operators install a security update manually.', 'installation procedure'),
        automated_install_procedure: str(
          'How updates are installed automatically or with enterprise tools.',
          'automated installation',
        ),
        download_procedure: str(
          'How users download version-identifiable, manufacturer-authorised software and firmware.',
          'download procedure',
        ),
        integrity_verification_procedure: str(
          'How users check that an update is authentic and unaltered (signatures, hashes).',
          'integrity verification',
        ),
        signing_method: str('How updates are signed (algorithm, key protection).', 'signing method'),
        applied_verification_procedure: str(
          'How users verify that an update was applied successfully (version shown, self-test).',
          'verification after installation',
        ),
        applicable_versions: strList(
          'Product versions to which current security updates apply.',
          'applicable versions',
          'One version or range.',
        ),
        side_effects: str(
          'Side effects of installing updates (e.g. restart, downtime, need to re-pair).',
          'side effects of updates',
        ),
        risks_of_not_applying: str('Risks of not applying a security update, in plain words.', 'risks of not updating'),
        timeliness_policy: str(
          'Time frames for qualifying and delivering security updates.',
          'update timeliness policy',
        ),
        cost_policy: str(
          'Whether security updates are free of charge (required by the CRA unless agreed otherwise for tailor-made products).',
          'cost of updates',
        ),
        availability_policy: str(
          'How long each security update stays available (at least 10 years or the support period under the CRA).',
          'update availability policy',
        ),
        archive_url: url('Address where earlier security updates remain available.', 'update archive address'),
        version_requirements: str(
          'Versions of software or firmware needed and requirements for version updates.',
          'version requirements',
        ),
        third_party_update_compatibility: strList(
          'Compatibility of the product with security updates of the operating system and third-party components, per component.',
          'third-party update compatibility',
          'One statement.',
        ),
        unapproved_update_mitigations: str(
          'What to do if a third-party update has not yet been approved by the manufacturer.',
          'mitigations for unapproved updates',
        ),
        patching_capability: str(
          'Ability of the product to be patched in the field, for the cybersecurity management plan.',
          'patching capability',
        ),
        history: records(
          {
            version: str('Version released.'),
            date: date('Release date, YYYY-MM-DD.', 'release date'),
            type: enumOf(
              ['initial-release', 'security', 'feature', 'combined', 'bug-fix'],
              'Kind of entry: initial-release (the first version placed on the market), security, feature, combined (security and feature) or bug-fix.',
              'update type',
            ),
            description: str('What the update changes.'),
            vulnerabilities_fixed: strList(
              'Vulnerability ids fixed (e.g. CVE ids).',
              'vulnerabilities fixed',
              'One vulnerability id.',
            ),
          },
          'Updates released so far.',
          { title: 'update history', itemTitle: 'update' },
        ),
      },
      'Security updates: how they are delivered, installed and verified.',
      'updates',
    ),
    release: obj(
      {
        version: str('Version of the release these documents accompany.', 'release version'),
        documentation_set: strList(
          'Documents that accompany the release (IFU, release notes, secure-operation guide, SBOM).',
          'release documentation',
          'One document.',
        ),
        hashes: records(
          {
            file: str('Name of the release file.'),
            algorithm: str('Hash algorithm (e.g. "SHA-256").'),
            value: str('Hash value in hexadecimal.', 'hash value'),
          },
          'Hashes users can check the release files against.',
          { title: 'release file hashes', itemTitle: 'release file hash' },
        ),
      },
      'The software release the documents accompany.',
      'release',
    ),
    archive: obj(
      {
        url: url('Address of the public archive of earlier software versions, if any.', 'archive address'),
        unsupported_risk_notice: str(
          'Notice to users about the risks of using unsupported versions from the archive.',
          'notice on unsupported versions',
        ),
      },
      'Public archive of earlier software versions.',
      'software archive',
    ),
  };
}
