import { DEFAULT_LIMITS, type Limits } from '../pipeline/limits.js';
import {
  discoverExpanded,
  expandInputs,
  type DiscoveredDevice,
  type DiscoverOptions,
  type ExpandedInputs,
} from '../pipeline/discover.js';
import type { CliIO } from './context.js';

export { uniqueDiagnostics } from '../pipeline/discover.js';

export type LoadedInput = DiscoveredDevice;

/**
 * Expands the user's paths (unless the caller already did, with expandInputs and `io.cwd`) and
 * loads every device file (load → inherit → validate) through the library's discoverDevices.
 * `missing` lists arguments that name nothing.
 */
export async function loadInputs(
  paths: readonly string[] | ExpandedInputs,
  io: CliIO,
  limits: Limits = DEFAULT_LIMITS,
  /** `summary`: keep only diagnostics, the product id and the file names the data holds. */
  retain: 'data' | 'summary' = 'data',
  /** Where each file is loaded (worker threads of a portfolio run); default: here. */
  discoverOne?: DiscoverOptions['discoverOne'],
): Promise<{ loaded: LoadedInput[]; missing: string[] }> {
  const expanded = isExpanded(paths) ? paths : expandInputs(paths, io.cwd);
  const { value } = await discoverExpanded(expanded, {
    cwd: io.cwd,
    limits,
    retain,
    ...(discoverOne === undefined ? {} : { discoverOne }),
  });
  return { loaded: value.devices, missing: value.missing };
}

function isExpanded(paths: readonly string[] | ExpandedInputs): paths is ExpandedInputs {
  return !Array.isArray(paths);
}
