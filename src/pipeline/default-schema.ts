import { precompiledSchema, usePrecompiledValidator, type DeviceSchema } from '../data/validate.js';
import { labelFor } from '../schema/label.js';
import { orderedSchemaText } from '../schema/order.js';
import { inputsUnchanged } from './schema-inputs.js';
import { runValidatorScript } from './validator-script.js';

let cached: Promise<DeviceSchema> | undefined;

/**
 * The real device schema, built on first use and kept: keeping one object lets the compiled
 * validator be reused. Composed here, so data/ needs neither schema/ nor the catalogue.
 * The schema stored with the build-time validator is used while it is current; only otherwise
 * are the modules that build it (the schema's sections, the catalogue) loaded: `techfile
 * validate` does not need them.
 */
export function defaultDeviceSchema(): Promise<DeviceSchema> {
  cached ??= Promise.resolve().then(async () => {
    usePrecompiledValidator(runValidatorScript());
    const prebuilt = prebuiltSchema();
    // Labels read titles, types and enums, which the clause ids in descriptions do not change:
    // the stored schema labels fields as schema/'s own copy does (tests/pipeline/default-schema.test.ts).
    if (prebuilt) return { schema: prebuilt, fieldLabel: (path: string) => labelFor(prebuilt, path) };
    const [{ deviceSchema }, { fieldLabel }] = await Promise.all([
      import('./device-schema.js'),
      import('../schema/device-schema.js'),
    ]);
    return { schema: deviceSchema(), fieldLabel: (path: string) => fieldLabel(path) };
  });
  return cached;
}

/** The output folder (dist/) the build recorded the schema's inputs against. */
const OUTPUT_ROOT = new URL('../', import.meta.url);

/**
 * The schema stored with the build-time validator, while the files it was built from are
 * unchanged: building and annotating it again costs each run a tenth of a second.
 */
function prebuiltSchema(): Record<string, unknown> | undefined {
  const stored = precompiledSchema();
  if (!stored || !inputsUnchanged(OUTPUT_ROOT, stored.inputs)) return undefined;
  return stored.schema as Record<string, unknown>;
}

/** The device schema as `techfile schema` prints it: the same bytes as src/schema/device.schema.json. */
export async function defaultDeviceSchemaText(): Promise<string> {
  return orderedSchemaText((await defaultDeviceSchema()).schema);
}
