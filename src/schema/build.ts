/**
 * Tiny builders for the device-data JSON Schema. Section modules describe each field once,
 * in words a regulatory writer understands; `annotate.ts` later appends the catalogue clause
 * ids and fills in titles, so descriptions here never repeat clause ids by hand.
 */
import { DATE_OR_MONTH_FORMAT } from '../contract/date-format.js';

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

// The format is part of the contract with data/ (whose validator checks it), so it lives in contract/.
export { DATE_OR_MONTH_FORMAT, isDateOrMonth } from '../contract/date-format.js';

/**
 * A date that may be known only to the month. Documents print "December 2027"; comparisons
 * read a month as its last day (support lasts until the end of the month).
 */
export function dateOrMonth(description: string, title?: string): Schema {
  return withTitle({ type: 'string', format: DATE_OR_MONTH_FORMAT, description }, title);
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

/**
 * "None" and "not applicable" are answers, not gaps. Every list may instead be written as
 * `{ none: "reason" }` (the list is empty, and why), every group of fields may carry
 * `not_applicable: "reason"`. Documents print the reason where the data would go, coverage marks
 * the clauses that need the data as not applicable, and `--final` accepts it.
 */
export const NONE_KEY = 'none';
export const NOT_APPLICABLE_KEY = 'not_applicable';

/** Text with at least one character that is not a space. */
export const NOT_BLANK = '\\S';

/** A reason: at least one character that is not a space (a blank reason is no answer). */
function reason(description: string, title: string): Schema {
  return { title, type: 'string', pattern: NOT_BLANK, description };
}

/** Shared definitions (`$defs` of the root), so the two forms are written once in the schema file. */
export function declaredDefs(): Schema {
  return {
    [NONE_DEF]: noneDef(),
    [NOT_APPLICABLE_DEF]: reason(
      'Declares a whole group of fields not applicable to this product, with the reason (e.g. "the pump offers no remote service"). ' +
        'Documents print the reason instead of TBDs for the fields of the group, and clauses that need only these fields become not applicable.',
      'reason the group does not apply',
    ),
  };
}

const NONE_DEF = 'declared_none';
const NOT_APPLICABLE_DEF = 'not_applicable';

function noneForm(): Schema {
  return { $ref: `#/$defs/${NONE_DEF}` };
}

function noneDef(): Schema {
  return {
    type: 'object',
    title: 'declared empty',
    description:
      'Instead of a list: `{ none: "reason" }` declares that the list is empty on purpose (e.g. `{ none: "the pump exposes no API" }`). ' +
      'Documents print the reason instead of a TBD, and clauses that need only this list become not applicable.',
    additionalProperties: false,
    required: [NONE_KEY],
    properties: {
      [NONE_KEY]: reason(
        'Why the list is empty, as a sentence a reader understands (e.g. "the pump exposes no API").',
        'reason the list is empty',
      ),
    },
  };
}

function proseForm(description: string): Schema {
  return { type: 'string', title: 'description in words', description };
}

export interface ListOptions {
  /** Also accept prose instead of records, for lists where records are the exception. */
  readonly prose?: string;
}

/**
 * A list node: `items` for the entries and `anyOf` for the accepted forms (a list, or
 * `{ none: "reason" }`, or prose). No top-level `type`, so `items` still describes the entries
 * for editors and for the schema walkers (`path.ts`, `field-map.ts`).
 */
function listNode(items: Schema, description: string, options: ListOptions = {}): Schema {
  const forms: Schema[] = [{ type: 'array' }, noneForm()];
  if (options.prose !== undefined) forms.push(proseForm(options.prose));
  const alternatives =
    options.prose !== undefined
      ? ', `{ none: "reason" }` or a description in words'
      : ' or `{ none: "reason" }` when it is empty on purpose';
  return { description: `${description} A list${alternatives}.`, items, anyOf: forms };
}

/** True for a list node built here (or a plain `type: array`). */
export function isListSchema(node: Schema): boolean {
  return node['type'] === 'array' || (node['items'] !== undefined && typeof node['items'] === 'object');
}

/** A list of short facts, one string each (no record structure, so no `id`). */
export function strList(description: string, title?: string, itemDescription?: string): Schema {
  return withTitle(
    listNode({ type: 'string', description: itemDescription ?? 'One entry of the list.' }, description),
    title,
  );
}

export function list(items: Schema, description: string, title?: string): Schema {
  return withTitle(listNode(items, description), title);
}

/** A group of named fields. Unknown keys are refused so misspelled field names are reported. */
export function obj(properties: Props, description: string, title?: string): Schema {
  const notApplicable: Schema = {
    $ref: `#/$defs/${NOT_APPLICABLE_DEF}`,
    title: 'not applicable',
    description: 'Instead of the fields: why this group does not apply to the product (`not_applicable: "reason"`).',
  };
  return record({ ...properties, [NOT_APPLICABLE_KEY]: notApplicable }, description, title);
}

/** A group of named fields without the `not_applicable` form (list records, the root). */
export function record(properties: Props, description: string, title?: string): Schema {
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
export function records(properties: Props, description: string, options: RecordOptions & ListOptions = {}): Schema {
  const id: Schema = {
    type: 'string',
    pattern: ID_PATTERN,
    description:
      options.idDescription ??
      'Short key of this record, unique in the list (e.g. `usb-service`). ' +
        'A product-line child file changes or extends a record by repeating its id.',
  };
  const item = record({ id, ...properties }, `One record of the list; \`id\` is required.`, options.itemTitle);
  const listOptions = options.prose !== undefined ? { prose: options.prose } : {};
  return withTitle(listNode({ ...item, required: ['id'] }, description, listOptions), options.title);
}
