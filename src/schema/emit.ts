import { deviceSchema, type ClauseIdsByField } from './device-schema.js';
import { orderedSchemaText } from './order.js';

/** The schema as committed in src/schema/device.schema.json: stable key order, 2-space indent, final newline. */
export function schemaJson(clauseIds: ClauseIdsByField): string {
  return orderedSchemaText(deviceSchema(clauseIds));
}
