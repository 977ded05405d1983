// The committed schema's text form, shared by write-schema (src/schema/device.schema.json) and
// `techfile schema`, so both print the same bytes. No imports: the CLI loads it without the schema's sections.

/**
 * Keyword order in the written file: identification first, then what a reader looks for, then
 * structure. Property names keep their authored order (the order of the data file sections).
 */
const KEYWORD_ORDER = [
  '$schema',
  '$id',
  'title',
  'description',
  'type',
  'format',
  'pattern',
  'enum',
  'minimum',
  'maximum',
  'additionalProperties',
  'required',
  'properties',
  'items',
];

function rank(key: string): number {
  const i = KEYWORD_ORDER.indexOf(key);
  return i === -1 ? KEYWORD_ORDER.length : i;
}

function ordered(value: unknown, parentKey: string): unknown {
  if (Array.isArray(value)) return value.map((v) => ordered(v, ''));
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value as Record<string, unknown>);
  // Inside `properties` the keys are field names, not keywords: keep their order.
  const sorted =
    parentKey === 'properties'
      ? entries
      : [...entries].sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const out: Record<string, unknown> = {};
  for (const [k, v] of sorted) out[k] = ordered(v, k);
  return out;
}

/** A schema as text: stable key order, 2-space indent, final newline. */
export function orderedSchemaText(schema: unknown): string {
  return `${JSON.stringify(ordered(schema, ''), null, 2)}\n`;
}
