import { bool, date, dateTime, enumOf, int, obj, records, ref, str, strList, url, type Props } from '../build.js';

export const SUPPORT_LEVELS = ['actively-maintained', 'no-longer-maintained', 'abandoned', 'unknown'] as const;

/** Component kinds: the CycloneDX component types (spec 1.6), plus `other`. */
export const COMPONENT_TYPES = [
  'library', 'framework', 'operating-system', 'firmware', 'application', 'container', 'platform', 'device',
  'device-driver', 'file', 'machine-learning-model', 'data', 'cryptographic-asset', 'other',
] as const;

/** Software bill of materials (CRA Annex I Part II (1), NTIA minimum elements, FDA). */
export function sbomSection(): Props {
  return {
    sbom: obj(
      {
        file: str(
          'Path of the SBOM file, relative to this device file: CycloneDX JSON (spec 1.4 to 1.6) or SPDX 2.3 JSON, e.g. "sbom/glucoflow.cdx.json". ' +
            'techfile reads its components into the documents; format, specification version, timestamp and author are taken from it where not given here.',
          'SBOM file',
        ),
        max_age_days: int(
          'Largest accepted age of the SBOM in days, from its timestamp to the document date (default 90). An older SBOM is reported; with --final it is refused where the CRA or FDA rules apply.',
          1,
          3650,
          'largest SBOM age in days',
        ),
        max_listed_components: int(
          'Largest number of components the cybersecurity documentation lists one by one (default 100); a larger SBOM is shown with its direct dependencies only, saying so.',
          1,
          100000,
          'largest number of listed components',
        ),
        format: str('SBOM format (e.g. "CycloneDX", "SPDX").'),
        spec_version: str('Version of the SBOM format specification (e.g. "1.6").', 'specification version'),
        coverage: str('What the SBOM covers (at least top-level dependencies; say how deep).'),
        location: ref('Where the SBOM file is kept (file path or document number).'),
        author: str('Entity that created the SBOM data.'),
        timestamp: dateTime('Date and time the SBOM was assembled, e.g. 2026-11-01T09:30:00Z.'),
        available_to_users: bool('true if the manufacturer makes the SBOM available to users.', 'SBOM available to users'),
        user_access_url: url('Where users can access the SBOM.', 'SBOM address for users'),
        update_process: str('How the SBOM is kept up to date and made available continuously.', 'SBOM update process'),
        components: records(
          {
            name: str('Component name as assigned by its supplier.'),
            version: str('Component version.'),
            supplier: str('Entity that creates and identifies the component.'),
            type: enumOf([...COMPONENT_TYPES], 'Kind of component (CycloneDX component types, e.g. library, operating-system, firmware, machine-learning-model).', 'component type'),
            purl: str('Package URL of the component (e.g. "pkg:npm/ajv@8.20.0"); matches it to the SBOM file.', 'package URL'),
            hashes: strList('Hashes of the component, each as ALGORITHM:value (e.g. "SHA-256:9f86d0…"); required for machine-learning models.', 'hashes', 'One hash.'),
            unique_ids: strList('Other identifiers (purl, CPE, SWID).', 'unique identifiers', 'One identifier.'),
            dependencies: strList('Ids of components this one includes.', 'dependencies', 'One component id.'),
            license: str('Licence (SPDX expression).', 'licence'),
            level_of_support: enumOf([...SUPPORT_LEVELS], 'Support status: actively-maintained, no-longer-maintained, abandoned or unknown.', 'level of support'),
            end_of_support_date: date('End of support of the component by its supplier, YYYY-MM-DD.', 'end-of-support date'),
            eos_plan: str('What the manufacturer will do when support of the component ends.', 'end-of-support plan'),
          },
          'Software components, with the NTIA minimum elements and support status. With `sbom.file`, list here only what the SBOM lacks (support level, end of support, plan): each entry is matched to the SBOM by name (and version or purl, if given) and checked against it.',
          { title: 'SBOM components', itemTitle: 'SBOM component' },
        ),
      },
      'Software bill of materials.',
      'SBOM',
    ),
  };
}
