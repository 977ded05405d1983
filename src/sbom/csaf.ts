import { compact, field, isObject, objects, strings, text, type Json } from './json-access.js';
import type { ComponentRef, VexStatement, VulnStatus } from './types.js';

/** CSAF 2.0 (csaf_vex profile), already validated against its schema → VEX statements. */

/** product_status lists → VEX status (CSAF 2.0 section 3.2.3.9). */
const STATUS_LISTS: readonly (readonly [string, VulnStatus])[] = [
  ['known_affected', 'affected'],
  ['first_affected', 'affected'],
  ['last_affected', 'affected'],
  ['known_not_affected', 'not_affected'],
  ['fixed', 'fixed'],
  ['first_fixed', 'fixed'],
  ['under_investigation', 'under_investigation'],
];

/** Remediation categories that give the user a way out; `none_available` and `no_fix_planned` do not. */
const REMEDIES = new Set(['vendor_fix', 'mitigation', 'workaround']);

interface Product {
  name?: string;
  version?: string;
  purl?: string;
  /** For a relationship's product: the component it names (`product_reference`). */
  component?: string;
}

/** Every product of the tree by id: from branches (with the name and version branches above it), full names and relationships. */
function productTree(tree: unknown): Map<string, Product> {
  const out = new Map<string, Product>();
  const add = (fpn: unknown, context: { name?: string; version?: string }): void => {
    const id = text(field(fpn, 'product_id'));
    if (!id) return;
    const purl = text(field(field(fpn, 'product_identification_helper'), 'purl'));
    out.set(id, compact<Product>({ name: context.name ?? text(field(fpn, 'name')), version: context.version, purl }));
  };
  const walk = (branches: unknown, context: { name?: string; version?: string }): void => {
    for (const b of objects(branches)) {
      const category = text(b['category']);
      const name = text(b['name']);
      const next = { ...context };
      if (name && category === 'product_name') next.name = name;
      if (name && (category === 'product_version' || category === 'product_version_range')) next.version = name;
      if (isObject(b['product'])) add(b['product'], next);
      walk(b['branches'], next);
    }
  };
  walk(field(tree, 'branches'), {});
  for (const f of objects(field(tree, 'full_product_names'))) add(f, {});
  for (const r of objects(field(tree, 'relationships'))) {
    const id = text(field(r['full_product_name'], 'product_id'));
    const component = text(r['product_reference']);
    if (id && component) out.set(id, { component });
  }
  return out;
}

function groups(tree: unknown): Map<string, string[]> {
  return new Map(objects(field(tree, 'product_groups')).map((g) => [String(g['group_id']), strings(g['product_ids'])]));
}

/** The component a product id stands for: through a relationship to the component it names. */
function componentOf(id: string, products: Map<string, Product>): ComponentRef {
  const p = products.get(id);
  const target = p?.component !== undefined ? products.get(p.component) : p;
  return compact<ComponentRef>({
    ref: p?.component ?? id,
    purl: target?.purl,
    name: target?.name,
    version: target?.version,
  });
}

function scoreOf(scores: Json[], productId: string): string | undefined {
  for (const s of scores) {
    if (!strings(s['products']).includes(productId)) continue;
    const v3 = isObject(s['cvss_v3']) ? s['cvss_v3'] : undefined;
    if (v3) return `${String(v3['baseSeverity']).toLowerCase()} (${String(v3['baseScore'])})`;
    const v2 = isObject(s['cvss_v2']) ? s['cvss_v2'] : undefined;
    if (v2) return `CVSS v2 ${String(v2['baseScore'])}`;
  }
  return undefined;
}

export function readCsafVex(doc: Json, file: string): VexStatement[] {
  const tree = doc['product_tree'];
  const products = productTree(tree);
  const groupIds = groups(tree);
  const idsOf = (o: Json): Set<string> =>
    new Set([...strings(o['product_ids']), ...strings(o['group_ids']).flatMap((g) => groupIds.get(g) ?? [])]);
  const out: VexStatement[] = [];
  for (const [i, v] of objects(doc['vulnerabilities']).entries()) {
    const id =
      text(v['cve']) ?? text(field(objects(v['ids'])[0], 'text')) ?? text(v['title']) ?? `vulnerabilities[${i}]`;
    const flags = objects(v['flags']);
    const threats = objects(v['threats']).filter((t) => t['category'] === 'impact');
    const remediations = objects(v['remediations']);
    const scores = objects(v['scores']);
    for (const [list, status] of STATUS_LISTS) {
      for (const productId of strings(field(v['product_status'], list))) {
        const flag = flags.find((f) => idsOf(f).has(productId));
        const impact = threats.find((t) => idsOf(t).has(productId));
        const mine = remediations.filter((r) => idsOf(r).has(productId));
        const remedies = mine.filter((r) => REMEDIES.has(String(r['category'])));
        out.push(
          compact<VexStatement>({
            file,
            path: `vulnerabilities[${i}].product_status.${list}`,
            id,
            status,
            component: componentOf(productId, products),
            severity: scoreOf(scores, productId),
            justification: text(flag?.['label']) ?? (status === 'not_affected' ? text(impact?.['details']) : undefined),
            remediation:
              mine.length > 0 ? mine.map((r) => text(r['details']) ?? String(r['category'])).join(' ') : undefined,
            hasRemediation: remedies.length > 0,
            detail: status === 'not_affected' ? undefined : text(impact?.['details']),
          }),
        );
      }
    }
  }
  return out;
}

/**
 * The csaf_vex profile's own rules (CSAF 2.0 section 4.5), which the schema cannot express:
 * each vulnerability has a product status, names a CVE or other id, gives an impact
 * statement for every product known not affected and an action statement for every
 * product known affected. Returns [JSON path, problem] pairs.
 */
export function csafVexProfileProblems(doc: Json): [string, string][] {
  const out: [string, string][] = [];
  if (field(doc['document'], 'category') !== 'csaf_vex')
    out.push([
      'document.category',
      'is not `csaf_vex`: only the CSAF VEX profile carries vulnerability statements for products',
    ]);
  const tree = doc['product_tree'];
  if (!isObject(tree)) out.push(['', 'lacks `product_tree`, which the csaf_vex profile requires']);
  const groupIds = groups(tree);
  const idsOf = (o: Json): Set<string> =>
    new Set([...strings(o['product_ids']), ...strings(o['group_ids']).flatMap((g) => groupIds.get(g) ?? [])]);
  const vulns = objects(doc['vulnerabilities']);
  if (vulns.length === 0) out.push(['', 'lacks `vulnerabilities`, which the csaf_vex profile requires']);
  for (const [i, v] of vulns.entries()) {
    const at = `vulnerabilities[${i}]`;
    if (!isObject(v['product_status'])) out.push([at, 'lacks `product_status`']);
    if (text(v['cve']) === undefined && objects(v['ids']).length === 0) out.push([at, 'names neither `cve` nor `ids`']);
    for (const p of strings(field(v['product_status'], 'known_not_affected'))) {
      const stated = [...objects(v['flags']), ...objects(v['threats']).filter((t) => t['category'] === 'impact')].some(
        (o) => idsOf(o).has(p),
      );
      if (!stated)
        out.push([
          `${at}.product_status.known_not_affected`,
          `gives no impact statement (flag or impact threat) for \`${p}\``,
        ]);
    }
    for (const p of strings(field(v['product_status'], 'known_affected'))) {
      if (!objects(v['remediations']).some((r) => idsOf(r).has(p)))
        out.push([`${at}.product_status.known_affected`, `gives no action statement (remediation) for \`${p}\``]);
    }
  }
  return out;
}
