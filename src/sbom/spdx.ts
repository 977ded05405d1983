import { compact, field, objects, strings, text, type Json } from './json-access.js';
import type { Sbom, SbomComponent } from './types.js';

/** SPDX 2.3 JSON, already validated against its schema → components. */

/** `Organization: ACME (contact)` / `Person: Jane` → the name; NOASSERTION and NONE say nothing. */
function party(v: unknown): string | undefined {
  const t = text(v);
  if (t === undefined || t === 'NOASSERTION' || t === 'NONE') return undefined;
  return t.replace(/^(Organization|Person|Tool):\s*/, '');
}

function licence(v: unknown): string | undefined {
  const t = text(v);
  return t === undefined || t === 'NOASSERTION' || t === 'NONE' ? undefined : t;
}

/** SPDX primaryPackagePurpose → the CycloneDX component type used across techfile. */
const PURPOSE: Readonly<Record<string, string>> = {
  APPLICATION: 'application',
  FRAMEWORK: 'framework',
  LIBRARY: 'library',
  CONTAINER: 'container',
  'OPERATING-SYSTEM': 'operating-system',
  DEVICE: 'device',
  FIRMWARE: 'firmware',
  FILE: 'file',
};

/** Relationships that make B a direct dependency of the described package A, in both spellings. */
const FROM_ROOT = new Set(['DEPENDS_ON', 'CONTAINS', 'HAS_PREREQUISITE']);
const TO_ROOT = /^(?:[A-Z_]+_)?DEPENDENCY_OF$|^CONTAINED_BY$|^PREREQUISITE_FOR$/;

export function readSpdx(doc: Json, file: string): Sbom {
  const relationships = objects(doc['relationships']);
  const described = new Set([
    ...strings(doc['documentDescribes']),
    ...relationships
      .filter((r) => r['relationshipType'] === 'DESCRIBES' && r['spdxElementId'] === doc['SPDXID'])
      .map((r) => String(r['relatedSpdxElement'])),
  ]);
  const direct = new Set<string>();
  for (const r of relationships) {
    const a = String(r['spdxElementId']);
    const b = String(r['relatedSpdxElement']);
    const type = String(r['relationshipType']);
    if (described.has(a) && FROM_ROOT.has(type)) direct.add(b);
    if (described.has(b) && TO_ROOT.test(type)) direct.add(a);
  }
  const packages = objects(doc['packages']);
  const root = packages.find((p) => described.has(String(p['SPDXID'])));
  const components: SbomComponent[] = packages
    .filter((p) => !described.has(String(p['SPDXID'])))
    .map((p) => {
      const purl = objects(p['externalRefs']).find((r) => r['referenceType'] === 'purl');
      const purpose = text(p['primaryPackagePurpose']);
      return compact<SbomComponent>({
        ref: String(p['SPDXID']),
        name: text(p['name']) ?? '(unnamed)',
        version: text(p['versionInfo']),
        supplier: party(p['supplier']) ?? party(p['originator']),
        licence: licence(p['licenseConcluded']) ?? licence(p['licenseDeclared']),
        purl: text(purl?.['referenceLocator']),
        hashes: objects(p['checksums']).map((c) => ({
          alg: text(c['algorithm']) ?? '',
          value: text(c['checksumValue']) ?? '',
        })),
        type: (purpose !== undefined ? PURPOSE[purpose] : undefined) ?? (purpose === undefined ? 'library' : 'other'),
        direct: direct.has(String(p['SPDXID'])),
      });
    });
  const creators = strings(field(doc['creationInfo'], 'creators')).map((c) => party(c) ?? c);
  return compact<Sbom>({
    file,
    format: 'SPDX',
    specVersion: (text(doc['spdxVersion']) ?? '').replace(/^SPDX-/, ''),
    timestamp: text(field(doc['creationInfo'], 'created')),
    author: creators.length > 0 ? creators.join(', ') : undefined,
    subject: root
      ? compact<{ name: string; version?: string }>({
          name: text(root['name']) ?? '',
          version: text(root['versionInfo']),
        })
      : undefined,
    hasDependencyGraph: direct.size > 0,
    components,
  });
}
