import { Vulnerability } from '@cyclonedx/cyclonedx-library/Enums';
import { compact, field, isObject, objects, strings, text, type Json } from './json-access.js';
import type { ComponentRef, Sbom, SbomComponent, VexStatement, VulnStatus } from './types.js';

/** CycloneDX JSON (1.4 to 1.7), already validated against its schema → components and VEX statements. */

const { AnalysisState, AnalysisResponse } = Vulnerability;

/** CycloneDX analysis state → VEX status. A vulnerability without analysis is not yet assessed. */
const STATE: Readonly<Record<string, VulnStatus>> = {
  [AnalysisState.Resolved]: 'fixed',
  [AnalysisState.ResolvedWithPedigree]: 'fixed',
  [AnalysisState.Exploitable]: 'affected',
  [AnalysisState.InTriage]: 'under_investigation',
  [AnalysisState.FalsePositive]: 'not_affected',
  [AnalysisState.NotAffected]: 'not_affected',
};

/** Responses that give the user a way out; `can_not_fix` and `will_not_fix` do not. */
const REMEDIES = new Set<string>([
  AnalysisResponse.Update,
  AnalysisResponse.Rollback,
  AnalysisResponse.WorkaroundAvailable,
]);

/** npm writes people as `Name <mail> (url)`: the supplier is the name. */
function person(v: unknown): string | undefined {
  const t = text(v);
  if (t === undefined) return undefined;
  const name = t
    .replace(/\s*<[^>]*>/g, '')
    .replace(/\s*\((?:https?:\/\/|www\.)[^)]*\)/g, '')
    .trim();
  return name === '' ? t : name;
}

function supplierOf(c: Json): string | undefined {
  const authors = objects(c['authors'])
    .map((a) => text(a['name']))
    .filter((n): n is string => n !== undefined);
  return (
    text(field(c['supplier'], 'name')) ??
    text(field(c['manufacturer'], 'name')) ??
    text(c['publisher']) ??
    person(c['author']) ??
    (authors.length > 0 ? authors.join(', ') : undefined)
  );
}

function licenceOf(c: Json): string | undefined {
  const parts = objects(c['licenses'])
    .map((l) => text(l['expression']) ?? text(field(l['license'], 'id')) ?? text(field(l['license'], 'name')))
    .filter((p): p is string => p !== undefined);
  return parts.length === 0 ? undefined : parts.join(' OR ');
}

/** Every component, nested ones included, in document order. */
function flatten(list: unknown, out: Json[] = []): Json[] {
  for (const c of objects(list)) {
    out.push(c);
    flatten(c['components'], out);
  }
  return out;
}

export function readCycloneDx(doc: Json, file: string): Sbom {
  const metadata = isObject(doc['metadata']) ? doc['metadata'] : {};
  const root = isObject(metadata['component']) ? metadata['component'] : undefined;
  const rootRef = text(root?.['bom-ref']);
  const all = flatten(doc['components']);
  const topLevel = new Set(objects(doc['components']));
  const graph = objects(doc['dependencies']);
  const rootDeps = graph.find((d) => rootRef !== undefined && d['ref'] === rootRef);
  const direct = new Set(strings(rootDeps?.['dependsOn']));
  // Without a graph for the product itself, the top-level list is the best statement of what it includes directly.
  const hasDependencyGraph = rootDeps !== undefined;
  const components: SbomComponent[] = all.map((c, i) => {
    const ref = text(c['bom-ref']) ?? `components[${i}]`;
    return compact<SbomComponent>({
      ref,
      name: text(c['name']) ?? '(unnamed)',
      version: text(c['version']),
      supplier: supplierOf(c),
      licence: licenceOf(c),
      purl: text(c['purl']),
      hashes: objects(c['hashes']).map((h) => ({ alg: text(h['alg']) ?? '', value: text(h['content']) ?? '' })),
      type: text(c['type']) ?? 'library',
      direct: hasDependencyGraph ? direct.has(ref) : topLevel.has(c),
    });
  });
  const tools = field(metadata, 'tools');
  const toolList = Array.isArray(tools) ? objects(tools) : objects(field(tools, 'components'));
  const toolNames = toolList
    .map((t) =>
      [text(t['vendor']) ?? text(field(t, 'group')), text(t['name']), text(t['version'])].filter(Boolean).join(' '),
    )
    .filter((s) => s !== '');
  const authors = objects(metadata['authors'])
    .map((a) => text(a['name']))
    .filter((n): n is string => n !== undefined);
  const author =
    authors.length > 0
      ? authors.join(', ')
      : (text(field(metadata['manufacturer'], 'name')) ??
        text(field(metadata['manufacture'], 'name')) ??
        text(field(metadata['supplier'], 'name')) ??
        (toolNames.length > 0 ? toolNames.join(', ') : undefined));
  return compact<Sbom>({
    file,
    format: 'CycloneDX',
    specVersion: text(doc['specVersion']) ?? '',
    timestamp: text(metadata['timestamp']),
    author,
    subject:
      root && text(root['name'])
        ? compact<{ name: string; version?: string }>({
            name: text(root['name']) ?? '',
            version: text(root['version']),
          })
        : undefined,
    hasDependencyGraph,
    components,
  });
}

function severityOf(v: Json): string | undefined {
  const order = ['critical', 'high', 'medium', 'low', 'info', 'none', 'unknown'];
  const ratings = objects(v['ratings'])
    .map((r) => ({ severity: text(r['severity']), score: typeof r['score'] === 'number' ? r['score'] : undefined }))
    .filter((r) => r.severity !== undefined || r.score !== undefined)
    .sort((a, b) => order.indexOf(a.severity ?? 'unknown') - order.indexOf(b.severity ?? 'unknown'));
  const top = ratings[0];
  if (!top) return undefined;
  return [top.severity, top.score !== undefined ? `(${top.score})` : undefined].filter(Boolean).join(' ');
}

/** A CycloneDX `affects[].ref`: a bom-ref, a BOM-Link (`urn:cdx:…#bom-ref`) or, in practice, a purl. */
function componentRef(ref: string): ComponentRef {
  if (ref.startsWith('pkg:')) return { ref, purl: ref };
  const hash = ref.startsWith('urn:cdx:') ? ref.indexOf('#') : -1;
  return { ref: hash >= 0 ? decodeURIComponent(ref.slice(hash + 1)) : ref };
}

/** The `vulnerabilities` of a CycloneDX BOM or VEX document, one statement per affected component. */
export function readCycloneDxVex(doc: Json, file: string): VexStatement[] {
  const out: VexStatement[] = [];
  for (const [i, v] of objects(doc['vulnerabilities']).entries()) {
    const analysis = isObject(v['analysis']) ? v['analysis'] : {};
    const state = text(analysis['state']);
    const status: VulnStatus = (state !== undefined ? STATE[state] : undefined) ?? 'under_investigation';
    const responses = strings(analysis['response']);
    const advice = text(v['recommendation']) ?? text(v['workaround']);
    const remedies = responses.filter((r) => REMEDIES.has(r));
    for (const a of objects(v['affects'])) {
      const ref = text(a['ref']);
      if (!ref) continue;
      out.push(
        compact<VexStatement>({
          file,
          path: `vulnerabilities[${i}]`,
          id: text(v['id']) ?? `vulnerabilities[${i}]`,
          status,
          component: componentRef(ref),
          severity: severityOf(v),
          justification: text(analysis['justification']),
          remediation: advice ?? (remedies.length > 0 ? remedies.join(', ') : undefined),
          hasRemediation: remedies.length > 0 || advice !== undefined,
          detail: text(analysis['detail']),
        }),
      );
    }
  }
  return out;
}
