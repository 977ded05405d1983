import { DEFAULT_LIMITS, type Limits } from '../pipeline/limits.js';
import { discoverDevices, type DiscoveredDevice, type DiscoverOptions } from '../pipeline/discover.js';
import type { CliIO } from './context.js';

export { uniqueDiagnostics } from '../pipeline/discover.js';

export type LoadedInput = DiscoveredDevice;

/**
 * Expands the user's paths and loads every device file (load → inherit → validate) through
 * the library's discoverDevices. `missing` lists arguments that name nothing.
 */
export async function loadInputs(
  paths: readonly string[],
  io: CliIO,
  limits: Limits = DEFAULT_LIMITS,
  /** `summary`: keep only diagnostics and whether a file is abstract (validate needs no data). */
  retain: 'data' | 'summary' = 'data',
  /** Where each file is loaded (worker threads of a portfolio run); default: here. */
  discoverOne?: DiscoverOptions['discoverOne'],
): Promise<{ loaded: LoadedInput[]; missing: string[] }> {
  const { value } = await discoverDevices(paths, {
    cwd: io.cwd,
    limits,
    retain,
    ...(discoverOne === undefined ? {} : { discoverOne }),
  });
  return { loaded: value.devices, missing: value.missing };
}
