import { resolve } from 'node:path';
import type { Result } from '../diagnostics/diagnostic.js';
import { loadDevice, type LoadedDevice } from './device.js';
import type { InheritHost } from './inherit.js';
import type { DeviceSchema } from './validate.js';

/**
 * The last few loaded devices of a process. `generate` loads each device file once to find
 * its products and again where the product is built (a job carries no data, so a portfolio run
 * holds only the products being built); when both happen in one process, as for a single
 * product, the second load is this lookup. A hit requires every file of the `extends` chain to
 * have the same text now, so an edit made in between is always read. Callers treat the value
 * as read-only. At most DEVICES entries: each holds its parsed files (a few MB).
 */
const DEVICES = 4;

interface Entry {
  readonly result: Result<LoadedDevice | undefined>;
}

const bySchema = new WeakMap<DeviceSchema, Map<string, Entry>>();

function keyOf(entry: string, host: InheritHost): string {
  const path = resolve(host.projectRoot, entry);
  const limits = host.limits === undefined ? '' : JSON.stringify(host.limits);
  return `${path}\0${host.projectRoot}\0${host.displayPath?.(path) ?? ''}\0${limits}`;
}

/** Every file the device was read from still has the text it had. */
function unchanged(device: LoadedDevice, host: InheritHost): boolean {
  return device.resolved.sources.every((s) => host.readFile(s.path) === s.text);
}

/** loadDevice, answered from the cache when the same files still hold the same text. */
export function loadDeviceCached(
  entry: string,
  host: InheritHost,
  schema: DeviceSchema,
): Result<LoadedDevice | undefined> {
  let cache = bySchema.get(schema);
  if (cache === undefined) {
    cache = new Map();
    bySchema.set(schema, cache);
  }
  const key = keyOf(entry, host);
  const hit = cache.get(key);
  cache.delete(key);
  if (hit?.result.value !== undefined && unchanged(hit.result.value, host)) {
    cache.set(key, hit);
    return hit.result;
  }
  const result = loadDevice(entry, host, schema);
  // Only a file that could be read and parsed is kept: a failure is cheap to find again.
  if (result.value !== undefined) {
    cache.set(key, { result });
    if (cache.size > DEVICES) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
  }
  return result;
}
