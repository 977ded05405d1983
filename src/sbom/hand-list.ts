import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceRef } from '../source/position.js';
import { compact, isObject, strings, text } from './json-access.js';
import { findComponent, type ComponentIndex } from './match.js';
import type { Sbom } from './types.js';

/**
 * Components written by hand in `sbom.components` (the data format before SBOM import, and
 * the place for facts SBOMs lack: support level, end of support, plan). Each is matched to
 * the SBOM file and checked against it.
 */

export interface Support {
  readonly level?: string;
  readonly endOfSupport?: string;
  readonly plan?: string;
  /** Index in `sbom.components`, for messages. */
  readonly index: number;
}

export interface HandListResult {
  /** Support facts by SBOM component ref. */
  readonly support: ReadonlyMap<string, Support>;
  /** Hand-listed components that the SBOM does not have, with their support facts. */
  readonly unmatched: readonly { readonly name: string; readonly version?: string; readonly support: Support }[];
  readonly diagnostics: readonly Diagnostic[];
}

export function matchHandList(
  list: unknown,
  sbom: Sbom,
  index: ComponentIndex,
  where: (path: string) => SourceRef,
): HandListResult {
  const support = new Map<string, Support>();
  const unmatched: { name: string; version?: string; support: Support }[] = [];
  const diagnostics: Diagnostic[] = [];
  const entries = Array.isArray(list) ? list : [];
  for (const [i, entry] of entries.entries()) {
    if (!isObject(entry)) continue;
    const name = text(entry['name']);
    if (name === undefined) continue;
    const version = text(entry['version']);
    const purl = text(entry['purl']) ?? strings(entry['unique_ids']).find((u) => u.startsWith('pkg:'));
    const facts = compact<Support>({
      level: text(entry['level_of_support']),
      endOfSupport: text(entry['end_of_support_date']),
      plan: text(entry['eos_plan']),
      index: i,
    });
    const path = `sbom.components[${i}]`;
    const match = findComponent(compact({ purl, name, version }), index);
    if (match.kind === 'component') {
      support.set(match.component.ref, facts);
      continue;
    }
    unmatched.push(compact({ name, version, support: facts }));
    const sameName = index.byName.get(name.toLowerCase()) ?? [];
    const versions = sameName.map((c) => c.version ?? '(no version)');
    diagnostics.push({
      severity: 'warning',
      code: sameName.length > 0 ? 'sbom/component-version-differs' : 'sbom/component-not-in-sbom',
      message:
        sameName.length > 0
          ? `\`${name}\` is listed with version ${version ?? '(none)'}, but the SBOM ${sbom.file} has version ${versions.join(', ')}`
          : `\`${name}${version !== undefined ? ` ${version}` : ''}\` is listed in \`sbom.components\` but is not in the SBOM ${sbom.file}`,
      source: where(path),
      fieldPath: path,
      hints:
        sameName.length > 0
          ? ['write the version the SBOM has, or regenerate the SBOM for the software that ships']
          : ['remove the entry, correct its name, or regenerate the SBOM so that it includes the component'],
    });
  }
  return { support, unmatched, diagnostics };
}
