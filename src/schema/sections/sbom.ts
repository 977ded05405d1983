import {
  bool,
  dateOrMonth,
  dateTime,
  enumOf,
  int,
  list,
  obj,
  records,
  ref,
  str,
  strList,
  url,
  type Props,
  type Schema,
} from '../build.js';

export const SUPPORT_LEVELS = ['actively-maintained', 'no-longer-maintained', 'abandoned', 'unknown'] as const;

/** Component kinds: the CycloneDX component types (spec 1.6), plus `other`. */
export const COMPONENT_TYPES = [
  'library',
  'framework',
  'operating-system',
  'firmware',
  'application',
  'container',
  'platform',
  'device',
  'device-driver',
  'file',
  'machine-learning-model',
  'data',
  'cryptographic-asset',
  'other',
] as const;

const count = (description: string, title?: string): Schema => int(description, 0, 100_000_000, title);

/**
 * What techfile reads from `sbom.file`, for templates (src/sbom/template-data.ts fills it).
 * Described here so template writers find every field in the field map; not written by hand.
 */
function importedSbom(): Schema {
  return obj(
    {
      file: str('The SBOM file as `sbom.file` names it.'),
      format: str('Format of the file: CycloneDX or SPDX.'),
      spec_version: str('Specification version of the file (e.g. "1.6", "2.3").'),
      timestamp: str('When the SBOM was made, as the file records it, or "not stated".'),
      made_on: str('The day the SBOM was made (YYYY-MM-DD), or "not stated".'),
      author: str('Who or which tool made the SBOM, or "not stated".'),
      subject: str('The product the SBOM describes, as the file names it.'),
      total: count('Number of components in the SBOM.', 'number of components'),
      direct_count: count('Number of direct (top-level) dependencies of the product.', 'number of direct dependencies'),
      has_dependency_graph: bool('true if the SBOM has a dependency graph for the product itself.'),
      listed_count: count('Number of components the component table lists.'),
      direct_only: bool(
        'true if the SBOM is larger than `sbom.max_listed_components`, so that only direct dependencies (and components with support facts in the data) are listed.',
      ),
      types: list(
        obj(
          { type: str('Kind of component, in words (e.g. "libraries").'), count: count('Components of this kind.') },
          'One kind of component.',
        ),
        'Number of components per kind.',
      ),
      supplier_count: count('Number of different suppliers named.'),
      suppliers: list(
        obj({ supplier: str('Supplier name.'), count: count('Components of this supplier.') }, 'One supplier.'),
        'The suppliers with the most components (at most 12).',
      ),
      suppliers_more: count('Number of further suppliers not in `suppliers`.'),
      supplier_missing: count('Number of components without a named supplier.'),
      licence_count: count('Number of different licences named.'),
      licences: list(
        obj(
          { licence: str('Licence (SPDX id or expression).'), count: count('Components under this licence.') },
          'One licence.',
        ),
        'The licences with the most components (at most 12).',
      ),
      licences_more: count('Number of further licences not in `licences`.'),
      licence_missing: count('Number of components without a licence.'),
      support_stated: count('Number of components whose support level or end of support is known.'),
      components: list(
        obj(
          {
            name: str('Component name.'),
            version: str('Version, or "not stated".'),
            type: str('Kind of component (CycloneDX component type).'),
            supplier: str('Supplier, or "not stated".'),
            licence: str('Licence, or "not stated".'),
            direct: str('"yes" for a direct dependency of the product, else "no".'),
            support: str('Support level and end of support in words, or "not stated".'),
          },
          'One listed component.',
        ),
        'The components the document lists, sorted by name.',
      ),
      models: list(
        obj(
          {
            name: str('Model name.'),
            version: str('Version, or "not stated".'),
            hash: str('Hashes as ALGORITHM: value.'),
          },
          'One machine-learning model.',
        ),
        'Machine-learning models in the SBOM, with their hashes.',
      ),
    },
    'Filled in by techfile from `sbom.file` when documents are generated; anything written here is replaced.',
    'SBOM read from the file',
  );
}

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
        available_to_users: bool(
          'true if the manufacturer makes the SBOM available to users.',
          'SBOM available to users',
        ),
        user_access_url: url('Where users can access the SBOM.', 'SBOM address for users'),
        update_process: str('How the SBOM is kept up to date and made available continuously.', 'SBOM update process'),
        components: records(
          {
            name: str('Component name as assigned by its supplier.'),
            version: str('Component version.'),
            supplier: str('Entity that creates and identifies the component.'),
            type: enumOf(
              [...COMPONENT_TYPES],
              'Kind of component (CycloneDX component types, e.g. library, operating-system, firmware, machine-learning-model).',
              'component type',
            ),
            purl: str(
              'Package URL of the component (e.g. "pkg:npm/ajv@8.20.0"); matches it to the SBOM file.',
              'package URL',
            ),
            hashes: strList(
              'Hashes of the component, each as ALGORITHM:value (e.g. "SHA-256:9f86d0…"); required for machine-learning models.',
              'hashes',
              'One hash.',
            ),
            unique_ids: strList('Other identifiers (purl, CPE, SWID).', 'unique identifiers', 'One identifier.'),
            dependencies: strList('Ids of components this one includes.', 'dependencies', 'One component id.'),
            license: str('Licence (SPDX expression).', 'licence'),
            level_of_support: enumOf(
              [...SUPPORT_LEVELS],
              'Support status: actively-maintained, no-longer-maintained, abandoned or unknown.',
              'level of support',
            ),
            end_of_support_date: dateOrMonth(
              'End of support of the component by its supplier, YYYY-MM-DD, or YYYY-MM when the supplier gives only the month.',
              'end-of-support date',
            ),
            eos_plan: str('What the manufacturer will do when support of the component ends.', 'end-of-support plan'),
          },
          'Software components, with the NTIA minimum elements and support status. With `sbom.file`, list here only what the SBOM lacks (support level, end of support, plan): each entry is matched to the SBOM by name (and version or purl, if given) and checked against it.',
          { title: 'SBOM components', itemTitle: 'SBOM component' },
        ),
        imported: importedSbom(),
      },
      'Software bill of materials.',
      'SBOM',
    ),
  };
}
