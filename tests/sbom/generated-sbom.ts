/**
 * A CycloneDX 1.6 SBOM of `count` components, made deterministically for scale tests: the
 * first `direct` components are the product's direct dependencies, each further component a
 * dependency of an earlier one; every 500th is a machine-learning model with its hash.
 */
export function generatedSbom(count: number, direct: number): string {
  const hex = (i: number): string => ((i * 2654435761) >>> 0).toString(16).padStart(8, '0').repeat(8);
  const components = Array.from({ length: count }, (_, i) => {
    const model = i % 500 === 499;
    const name = model ? `triage-model-${i}` : `component-${String(i).padStart(5, '0')}`;
    const version = `${1 + (i % 7)}.${i % 13}.${i % 5}`;
    return {
      'bom-ref': `${name}@${version}`,
      type: model ? 'machine-learning-model' : i % 97 === 0 ? 'firmware' : 'library',
      name,
      version,
      supplier: { name: `Supplier ${i % 37}` },
      licenses: [{ license: { id: ['MIT', 'Apache-2.0', 'BSD-3-Clause', 'ISC'][i % 4] } }],
      purl: `pkg:generic/${name}@${version}`,
      hashes: [{ alg: 'SHA-256', content: hex(i + 1) }],
    };
  });
  const dependencies = [
    { ref: 'product@1.0.0', dependsOn: components.slice(0, direct).map((c) => c['bom-ref']) },
    ...components.map((c, i) => ({
      ref: c['bom-ref'],
      dependsOn: i + direct < count ? [components[i + direct]?.['bom-ref'] ?? ''] : [],
    })),
  ];
  return JSON.stringify({
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    serialNumber: 'urn:uuid:00000000-0000-4000-8000-000000005000',
    version: 1,
    metadata: {
      timestamp: '2026-11-20T08:00:00Z',
      authors: [{ name: 'Build pipeline' }],
      component: { 'bom-ref': 'product@1.0.0', type: 'device', name: 'Scale test product', version: '1.0.0' },
    },
    components,
    dependencies,
  });
}
