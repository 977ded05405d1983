/**
 * Tiny builders for the device-data JSON Schema. Section modules describe each field once,
 * in words a regulatory writer understands; `annotate.ts` later appends the catalogue clause
 * ids and fills in titles, so descriptions here never repeat clause ids by hand.
 */
export type Schema = Record<string, unknown>;
export type Props = Record<string, Schema>;

/** Optional short label (JSON Schema `title`); used by `fieldLabel` for TBD placeholders. */
type Title = string | undefined;

function withTitle(schema: Schema, title: Title): Schema {
  return title === undefined ? schema : { title, ...schema };
}

/** Free text: a name, a sentence or several paragraphs of prose. */
export function str(description: string, title?: string): Schema {
  return withTitle({ type: 'string', description }, title);
}

/** A reference to a controlled record kept elsewhere (document number and revision, file path). */
export function ref(description: string, title?: string): Schema {
  return withTitle({ type: 'string', description }, title);
}

/** An ISO 8601 calendar date, written YYYY-MM-DD. */
export function date(description: string, title?: string): Schema {
  return withTitle({ type: 'string', format: 'date', description }, title);
}

/** An ISO 8601 date and time, e.g. 2026-11-01T09:30:00Z. */
export function dateTime(description: string, title?: string): Schema {
  return withTitle({ type: 'string', format: 'date-time', description }, title);
}

/** An internet address starting with https:// (or another scheme). */
export function url(description: string, title?: string): Schema {
  return withTitle({ type: 'string', format: 'uri', description }, title);
}

export function email(description: string, title?: string): Schema {
  return withTitle({ type: 'string', format: 'email', description }, title);
}

/** A yes/no fact, written `true` or `false`. */
export function bool(description: string, title?: string): Schema {
  return withTitle({ type: 'boolean', description }, title);
}

export function int(description: string, min: number, max: number, title?: string): Schema {
  return withTitle({ type: 'integer', minimum: min, maximum: max, description }, title);
}

export function enumOf(values: readonly string[], description: string, title?: string): Schema {
  return withTitle({ type: 'string', enum: [...values], description }, title);
}

/** A list of short facts, one string each (no record structure, so no `id`). */
export function strList(description: string, title?: string, itemDescription?: string): Schema {
  return withTitle(
    { type: 'array', description, items: { type: 'string', description: itemDescription ?? 'One entry of the list.' } },
    title,
  );
}

export function list(items: Schema, description: string, title?: string): Schema {
  return withTitle({ type: 'array', description, items }, title);
}

/** A group of named fields. Unknown keys are refused so misspelled field names are reported. */
export function obj(properties: Props, description: string, title?: string): Schema {
  return withTitle({ type: 'object', description, additionalProperties: false, properties }, title);
}

/**
 * Record ids: one line, no leading or trailing spaces. Product-line children merge list records
 * by this key, so it must be stable and unique within its list. Spaces inside are allowed because
 * some ids are real-world identifiers ("IEC 81001-5-1:2021").
 */
export const ID_PATTERN = '^[^\\s](?:[^\\n\\r]*[^\\s])?$';

export interface RecordOptions {
  /** Label of the whole list, e.g. "network ports". */
  readonly title?: string;
  /** Label of one record, e.g. "network port". */
  readonly itemTitle?: string;
  /** Replaces the generic description of `id` where the id is a real identifier (CVE, standard). */
  readonly idDescription?: string;
}

/**
 * A list of records keyed by `id`, the only required field: everything else may come from a
 * product-line parent or a later edit, so nothing else can be required here.
 */
export function records(properties: Props, description: string, options: RecordOptions = {}): Schema {
  const id: Schema = {
    type: 'string',
    pattern: ID_PATTERN,
    description:
      options.idDescription ??
      'Short key of this record, unique in the list (e.g. `usb-service`). ' +
        'A product-line child file changes or extends a record by repeating its id.',
  };
  const item = obj({ id, ...properties }, `One record of the list; \`id\` is required.`, options.itemTitle);
  return withTitle(
    { type: 'array', description, items: { ...item, required: ['id'] } },
    options.title,
  );
}
