import { loadPrecompiledValidator, type DeviceSchema } from './validate.js';

let cached: Promise<DeviceSchema> | undefined;

/**
 * The real device schema (src/schema), loaded on first use and kept: it is built from the
 * catalogue, and keeping one object lets the compiled validator be reused.
 */
export function defaultDeviceSchema(): Promise<DeviceSchema> {
  cached ??= Promise.all([import('../schema/device-schema.js'), loadPrecompiledValidator()]).then(([m]) => ({
    schema: m.deviceSchema(),
    fieldLabel: (path: string) => m.fieldLabel(path),
  }));
  return cached;
}
