import type { Result } from '../diagnostics/diagnostic.js';
import type { SourceRef } from '../source/position.js';
import type { InheritHost } from './inherit.js';
import { resolveInheritance } from './inherit.js';
import type { ResolvedData } from './provenance.js';
import { applyRenames } from './renames.js';
import type { DeviceData, DeviceSchema } from './validate.js';
import { validateDevice } from './validate.js';

export interface LoadedDevice {
  /** The file the user named, as shown to the user. */
  readonly file: string;
  readonly data: DeviceData;
  readonly provenance: Map<string, SourceRef>;
  readonly chain: string[];
  readonly abstract: boolean;
  /** Everything inheritance knew (sources, origins), for tools such as `explain`. */
  readonly resolved: ResolvedData;
}

/**
 * load → inherit → validate. The value is undefined only when a file of the chain cannot
 * be read or parsed; otherwise it is present even when the data has errors (check
 * `hasErrors(result.diagnostics)`), so tools can still explain what was read.
 */
export function loadDevice(entry: string, host: InheritHost, schema: DeviceSchema): Result<LoadedDevice | undefined> {
  const inherited = resolveInheritance(entry, host);
  if (!inherited.value) return { value: undefined, diagnostics: inherited.diagnostics };
  // Renamed fields are read under their new names before the schema sees them.
  const renamed = applyRenames(inherited.value);
  const resolved = renamed.resolved;
  const validated = validateDevice(resolved, schema);
  return {
    value: {
      file: resolved.chain[0] ?? entry,
      data: validated.value,
      provenance: resolved.provenance,
      chain: resolved.chain,
      abstract: resolved.abstract,
      resolved,
    },
    diagnostics: [...inherited.diagnostics, ...renamed.diagnostics, ...validated.diagnostics],
  };
}
