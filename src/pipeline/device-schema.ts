import { precompiledSchema, usePrecompiledValidator, type DeviceSchema } from '../data/validate.js';
import { clausesByEveryField } from '../regulatory/catalogue.js';
import { deviceSchema as schemaCiting, fieldLabel } from '../schema/device-schema.js';
import { loadCatalogue } from './catalogue.js';
import { inputsUnchanged } from './schema-inputs.js';
import { runValidatorScript } from './validator-script.js';

let built: Record<string, unknown> | undefined;

/**
 * The bundled device-data JSON Schema (draft 2020-12), its descriptions citing the catalogue's
 * clauses. A fresh copy: callers may change it freely.
 */
export function deviceSchema(): Record<string, unknown> {
  built ??= schemaCiting(clausesByEveryField(loadCatalogue()));
  return structuredClone(built);
}

let cached: Promise<DeviceSchema> | undefined;

/**
 * The real device schema, built on first use and kept: keeping one object lets the compiled
 * validator be reused. Composed here, so data/ needs neither schema/ nor the catalogue.
 */
export function defaultDeviceSchema(): Promise<DeviceSchema> {
  cached ??= Promise.resolve().then(() => {
    usePrecompiledValidator(runValidatorScript());
    return { schema: prebuiltSchema() ?? deviceSchema(), fieldLabel: (path: string) => fieldLabel(path) };
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
