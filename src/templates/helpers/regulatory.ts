import { TemplateError, locationOf, type HelperOptions } from '../context.js';
import { Fragment, isMissing, unwrap } from '../values.js';
import { INSTRUMENT_IDS } from '../names.js';

/** Helpers that read the regulatory context: `applies`, `applicability`, `clause`, `doc`. */
type BlockOptions = HelperOptions & Required<Pick<HelperOptions, 'fn' | 'inverse'>>;

function decision(id: unknown, options: HelperOptions): { applies: boolean; reason: string } {
  const key = String(unwrap(id));
  const found = options.data.tf.ctx.applicability[key];
  if (!found || !Object.hasOwn(options.data.tf.ctx.applicability, key)) {
    throw new TemplateError('template/unknown-instrument', `\`${key}\` is not an instrument id`, locationOf(options), [
      `use one of ${INSTRUMENT_IDS.join(', ')}`,
    ]);
  }
  return found;
}

export function appliesHelper(this: unknown, id: unknown, options: BlockOptions): string {
  return decision(id, options).applies ? options.fn(this) : options.inverse(this);
}

export function applicabilityHelper(id: unknown, options: HelperOptions): string {
  // The reason already opens with the verdict ("applies: …", "not applicable: …").
  return decision(id, options).reason;
}

export function clauseHelper(id: unknown, options: HelperOptions): string {
  const key = String(unwrap(id));
  const found = options.data.tf.ctx.clauseRef(key);
  if (!found) {
    throw new TemplateError('template/unknown-clause', `clause \`${key}\` is not in the catalogue`, locationOf(options), [
      'use an id from src/regulatory/clauses.yaml',
    ]);
  }
  return found.verified === 'unverified' ? `${found.ref} (reference not verified)` : found.ref;
}

const DOC_FIELDS = ['title', 'number', 'version', 'date', 'status'] as const;
type DocField = (typeof DOC_FIELDS)[number];

export function docHelper(field: unknown, options: HelperOptions): string | Fragment {
  const key = String(unwrap(field));
  if (!(DOC_FIELDS as readonly string[]).includes(key)) {
    throw new TemplateError('template/unknown-doc-field', `\`${key}\` is not a document field`, locationOf(options), [
      `use one of ${DOC_FIELDS.join(', ')}`,
    ]);
  }
  const { ctx } = options.data.tf;
  const value = ctx.meta[key as DocField];
  if (isMissing(value)) {
    const path = `documents.${ctx.docType}.${key}`;
    return new Fragment([{ field: path, label: ctx.fieldLabel(path) }]);
  }
  return value;
}
