import { clausesByEveryField } from '../regulatory/catalogue.js';
import { deviceSchema as schemaCiting } from '../schema/device-schema.js';
import { loadCatalogue } from './catalogue.js';

let built: Record<string, unknown> | undefined;

/**
 * The bundled device-data JSON Schema (draft 2020-12), its descriptions citing the catalogue's
 * clauses. A fresh copy: callers may change it freely.
 */
export function deviceSchema(): Record<string, unknown> {
  built ??= schemaCiting(clausesByEveryField(loadCatalogue()));
  return structuredClone(built);
}
