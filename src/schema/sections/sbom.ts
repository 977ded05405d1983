import { bool, dateOrMonth, dateTime, enumOf, obj, records, ref, str, strList, url, type Props } from '../build.js';

export const SUPPORT_LEVELS = ['actively-maintained', 'no-longer-maintained', 'abandoned', 'unknown'] as const;

/** Software bill of materials (CRA Annex I Part II (1), NTIA minimum elements, FDA). */
export function sbomSection(): Props {
  return {
    sbom: obj(
      {
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
            type: enumOf(['library', 'framework', 'operating-system', 'firmware', 'application', 'container', 'machine-learning-model', 'other'], 'Kind of component: library, framework, operating-system, firmware, application, container, machine-learning-model (a trained model shipped with the product) or other.', 'component type'),
            hash: str('Hash of the component as shipped, with its algorithm (e.g. "SHA-256: 9f86d0…"); for a machine-learning model, the hash of the model file.', 'component hash'),
            unique_ids: strList('Other identifiers (purl, CPE, SWID).', 'unique identifiers', 'One identifier.'),
            dependencies: strList('Ids of components this one includes.', 'dependencies', 'One component id.'),
            license: str('Licence (SPDX expression).', 'licence'),
            level_of_support: enumOf([...SUPPORT_LEVELS], 'Support status: actively-maintained, no-longer-maintained, abandoned or unknown.', 'level of support'),
            end_of_support_date: dateOrMonth('End of support of the component by its supplier, YYYY-MM-DD, or YYYY-MM when the supplier gives only the month.', 'end-of-support date'),
            eos_plan: str('What the manufacturer will do when support of the component ends.', 'end-of-support plan'),
          },
          'Software components, with the NTIA minimum elements and support status.',
          { title: 'SBOM components', itemTitle: 'SBOM component' },
        ),
      },
      'Software bill of materials.',
      'SBOM',
    ),
  };
}
