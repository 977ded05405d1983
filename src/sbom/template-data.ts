import type { Support } from './hand-list.js';
import { describeComponent, describeRef, findComponent, type ComponentIndex } from './match.js';
import type { Sbom, SbomComponent, VexFile, VexStatement, VulnStatus } from './types.js';

/**
 * The imported SBOM and VEX statements as plain data for the templates (`sbom.imported`,
 * `vulnerabilities.imported`): every count, list and table cell is computed here, so the
 * templates only print, and the renderers never learn that an SBOM existed. Every table cell
 * has text: "not stated" is a fact about the SBOM, not a gap in the device data.
 */

const NOT_STATED = 'not stated';
const TOP = 12;

const TYPE_WORDS: Readonly<Record<string, string>> = {
  library: 'libraries',
  framework: 'frameworks',
  application: 'applications',
  container: 'containers',
  platform: 'platforms',
  'operating-system': 'operating systems',
  device: 'devices',
  'device-driver': 'device drivers',
  firmware: 'firmware components',
  file: 'files',
  'machine-learning-model': 'machine-learning models',
  data: 'data sets',
  'cryptographic-asset': 'cryptographic assets',
};

const LEVEL_WORDS: Readonly<Record<string, string>> = {
  'actively-maintained': 'actively maintained',
  'no-longer-maintained': 'no longer maintained',
  abandoned: 'abandoned',
  unknown: 'unknown',
};

export const STATUS_WORDS: Readonly<Record<VulnStatus, string>> = {
  not_affected: 'not affected',
  affected: 'affected',
  fixed: 'fixed',
  under_investigation: 'under investigation',
};

/** CycloneDX justifications and CSAF flag labels in the reader's words. */
const JUSTIFICATION_WORDS: Readonly<Record<string, string>> = {
  code_not_present: 'the vulnerable code is not present',
  code_not_reachable: 'the vulnerable code cannot be reached',
  requires_configuration: 'exploitation requires a configuration the product does not use',
  requires_dependency: 'exploitation requires a dependency the product does not include',
  requires_environment: 'exploitation requires an environment the product does not run in',
  protected_by_compiler: 'protected by compiler settings',
  protected_at_runtime: 'protected at run time',
  protected_at_perimeter: 'protected at the perimeter',
  protected_by_mitigating_control: 'protected by a mitigating control',
  component_not_present: 'the component is not present',
  vulnerable_code_not_present: 'the vulnerable code is not present',
  vulnerable_code_cannot_be_controlled_by_adversary: 'the vulnerable code cannot be controlled by an attacker',
  vulnerable_code_not_in_execute_path: 'the vulnerable code is not in the execution path',
  inline_mitigations_already_exist: 'inline mitigations already exist',
};

function counted(values: readonly (string | undefined)[]): {
  items: { name: string; count: number }[];
  distinct: number;
  missing: number;
} {
  const counts = new Map<string, number>();
  let missing = 0;
  for (const v of values) {
    if (v === undefined) missing++;
    else counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  const items = [...counts]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { items, distinct: counts.size, missing };
}

function supportText(s: Support | undefined): string {
  if (!s || (s.level === undefined && s.endOfSupport === undefined)) return NOT_STATED;
  const level = s.level !== undefined ? (LEVEL_WORDS[s.level] ?? s.level) : undefined;
  const until = s.endOfSupport !== undefined ? `until ${s.endOfSupport}` : undefined;
  return [level, until].filter(Boolean).join(', ');
}

function row(c: SbomComponent, support: ReadonlyMap<string, Support>): Record<string, string> {
  return {
    name: c.name,
    version: c.version ?? NOT_STATED,
    type: c.type,
    supplier: c.supplier ?? NOT_STATED,
    licence: c.licence ?? NOT_STATED,
    direct: c.direct ? 'yes' : 'no',
    support: supportText(support.get(c.ref)),
  };
}

/** Which components the document lists one by one: all of a small SBOM, the direct ones (plus hand-listed ones) of a large one. */
export function listedComponents(
  sbom: Sbom,
  support: ReadonlyMap<string, Support>,
  limit: number,
): { list: SbomComponent[]; directOnly: boolean } {
  if (sbom.components.length <= limit) return { list: [...sbom.components], directOnly: false };
  return { list: sbom.components.filter((c) => c.direct || support.has(c.ref)), directOnly: true };
}

export function sbomTemplateData(
  sbom: Sbom,
  support: ReadonlyMap<string, Support>,
  limit: number,
): Record<string, unknown> {
  const { list, directOnly } = listedComponents(sbom, support, limit);
  const byName = (a: SbomComponent, b: SbomComponent): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const suppliers = counted(sbom.components.map((c) => c.supplier));
  const licences = counted(sbom.components.map((c) => c.licence));
  const types = counted(sbom.components.map((c) => c.type));
  const models = sbom.components.filter((c) => c.type === 'machine-learning-model');
  return {
    file: sbom.file,
    format: sbom.format,
    spec_version: sbom.specVersion,
    timestamp: sbom.timestamp ?? NOT_STATED,
    made_on: sbom.timestamp?.slice(0, 10) ?? NOT_STATED,
    author: sbom.author ?? NOT_STATED,
    subject: sbom.subject
      ? describeComponent({ ...sbom.subject, ref: '', hashes: [], type: '', direct: false })
      : NOT_STATED,
    total: sbom.components.length,
    direct_count: sbom.components.filter((c) => c.direct).length,
    has_dependency_graph: sbom.hasDependencyGraph,
    listed_count: list.length,
    direct_only: directOnly,
    types: types.items.map((t) => ({ type: TYPE_WORDS[t.name] ?? t.name, count: t.count })),
    supplier_count: suppliers.distinct,
    suppliers: suppliers.items.slice(0, TOP).map((s) => ({ supplier: s.name, count: s.count })),
    suppliers_more: Math.max(0, suppliers.distinct - TOP),
    supplier_missing: suppliers.missing,
    licence_count: licences.distinct,
    licences: licences.items.slice(0, TOP).map((l) => ({ licence: l.name, count: l.count })),
    licences_more: Math.max(0, licences.distinct - TOP),
    licence_missing: licences.missing,
    support_stated: sbom.components.filter((c) => supportText(support.get(c.ref)) !== NOT_STATED).length,
    components: list.sort(byName).map((c) => row(c, support)),
    models: models.map((m) => ({
      name: m.name,
      version: m.version ?? NOT_STATED,
      hash: m.hashes.length > 0 ? m.hashes.map((h) => `${h.alg}: ${h.value}`).join('; ') : NOT_STATED,
    })),
  };
}

/** CycloneDX analysis responses in words, where a statement gives only the code. */
const RESPONSE_WORDS: Readonly<Record<string, string>> = {
  update: 'update available',
  rollback: 'roll back to an earlier version',
  workaround_available: 'workaround available',
  can_not_fix: 'cannot be fixed',
  will_not_fix: 'will not be fixed',
};

/** Sentences with a capital and one full stop each, whatever their own beginning and ending. */
function sentences(parts: readonly string[]): string {
  return parts.map((p) => `${p.charAt(0).toUpperCase()}${p.slice(1)}${/[.!?]$/.test(p) ? '' : '.'}`).join(' ');
}

function remediationText(s: VexStatement): string | undefined {
  if (s.remediation === undefined) return undefined;
  return s.remediation
    .split(', ')
    .map((r) => RESPONSE_WORDS[r] ?? r)
    .join(', ');
}

function assessment(s: VexStatement): string {
  const parts: string[] = [];
  if (s.justification !== undefined) parts.push(JUSTIFICATION_WORDS[s.justification] ?? s.justification);
  if (s.detail !== undefined) parts.push(s.detail);
  const remedy = remediationText(s);
  if (remedy !== undefined) parts.push(remedy);
  return parts.length > 0 ? sentences(parts) : 'No reason or detail given.';
}

export function vexTemplateData(
  files: readonly VexFile[],
  statements: readonly VexStatement[],
  index: ComponentIndex,
): Record<string, unknown> {
  const component = (s: VexStatement): string => {
    const m = findComponent(s.component, index);
    return m.kind === 'component'
      ? describeComponent(m.component)
      : m.kind === 'product'
        ? 'the product'
        : describeRef(s.component);
  };
  const order: readonly VulnStatus[] = ['affected', 'under_investigation', 'not_affected', 'fixed'];
  const sorted = [...statements].sort(
    (a, b) => order.indexOf(a.status) - order.indexOf(b.status) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const rows = sorted.map((s) => ({
    id: s.id,
    component: component(s),
    status: STATUS_WORDS[s.status],
    code: s.status,
    severity: s.severity ?? NOT_STATED,
    assessment: assessment(s),
    remediation: sentences([remediationText(s) ?? (s.hasRemediation ? 'yes' : 'none given')]),
    has_remediation: s.hasRemediation,
  }));
  const count = (status: VulnStatus): number => statements.filter((s) => s.status === status).length;
  return {
    files: files.map((f) => ({ file: f.file, format: f.format, count: f.statements.length })),
    formats: [...new Set(files.map((f) => f.format))].join(', '),
    total: statements.length,
    vulnerability_count: new Set(statements.map((s) => s.id)).size,
    affected: count('affected'),
    not_affected: count('not_affected'),
    fixed: count('fixed'),
    under_investigation: count('under_investigation'),
    statements: rows,
    residual: rows.filter((r) => r.code !== 'fixed'),
  };
}

/** The SBOM's listed components in the shape of `sbom.components`, for templates written for hand-listed components. */
export function componentsAsRecords(
  sbom: Sbom,
  support: ReadonlyMap<string, Support>,
  limit: number,
): Record<string, unknown>[] {
  return listedComponents(sbom, support, limit).list.map((c) => asRecord(c, support));
}

/** Hand-listed components with what the SBOM says about each filled in where the entry is silent. */
export function enrichHandList(list: readonly unknown[], sbom: Sbom, support: ReadonlyMap<string, Support>): unknown[] {
  const byIndex = new Map<number, SbomComponent>();
  for (const c of sbom.components) {
    const s = support.get(c.ref);
    if (s) byIndex.set(s.index, c);
  }
  return list.map((entry, i) => {
    const c = byIndex.get(i);
    if (!c || typeof entry !== 'object' || entry === null || Array.isArray(entry)) return entry;
    return { ...asRecord(c, support), ...(entry as Record<string, unknown>) };
  });
}

function asRecord(c: SbomComponent, support: ReadonlyMap<string, Support>): Record<string, unknown> {
  const s = support.get(c.ref);
  const out: Record<string, unknown> = { id: c.ref, name: c.name, type: c.type };
  if (c.version !== undefined) out['version'] = c.version;
  if (c.supplier !== undefined) out['supplier'] = c.supplier;
  if (c.licence !== undefined) out['license'] = c.licence;
  if (c.purl !== undefined) {
    out['purl'] = c.purl;
    out['unique_ids'] = [c.purl];
  }
  if (c.hashes.length > 0) out['hashes'] = c.hashes.map((h) => `${h.alg}:${h.value}`);
  if (s?.level !== undefined) out['level_of_support'] = s.level;
  if (s?.endOfSupport !== undefined) out['end_of_support_date'] = s.endOfSupport;
  if (s?.plan !== undefined) out['eos_plan'] = s.plan;
  return out;
}
