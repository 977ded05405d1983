import { TemplateError, locationOf, type HelperOptions } from '../context.js';
import type { ClauseCitation } from '../context.js';
import { Fragment, isMissing, unwrap } from '../values.js';

/** Helpers that read the regulatory context: `applies`, `applicability`, `clause`, `cite`, `ref`, `doc`. */
type BlockOptions = HelperOptions & Required<Pick<HelperOptions, 'fn' | 'inverse'>>;

type DecisionOf = (id: unknown, options: HelperOptions) => { applies: boolean; reason: string; missing?: readonly string[] };

/** `applies` and `applicability`; `decisionIds` (from the pipeline) name the ids in the hint. */
export function decisionHelpers(decisionIds: readonly string[]): {
  applies: (this: unknown, id: unknown, options: BlockOptions) => string;
  applicability: (...args: unknown[]) => string | Fragment;
} {
  const decision: DecisionOf = (id, options) => {
    const key = String(unwrap(id));
    const found = options.data.tf.ctx.applicability[key];
    if (!found || !Object.hasOwn(options.data.tf.ctx.applicability, key)) {
      throw new TemplateError('template/unknown-instrument', `\`${key}\` is not an instrument id`, locationOf(options), [
        `use one of ${decisionIds.join(', ')}`,
      ]);
    }
    return found;
  };
  return {
    applies(this: unknown, id: unknown, options: BlockOptions): string {
      return decision(id, options).applies ? options.fn(this) : options.inverse(this);
    },
    applicability(...args: unknown[]): string | Fragment {
      // The reason opens with the instrument's name and the verdict ("CRA: not applicable: …").
      // `{{applicability "CRA" "verdict"}}` leaves the name out, for a table row or a sentence that
      // already names the instrument. A fact the decision needs and the data lacks is a visible
      // TBD, never a silent gap.
      const options = args.pop() as HelperOptions;
      const [id, form] = args;
      const d = decision(id, options);
      const shape = form === undefined ? 'full' : String(unwrap(form));
      if (shape !== 'full' && shape !== 'verdict') {
        throw new TemplateError('template/unknown-applicability-form', `\`${shape}\` is not a form of \`applicability\``, locationOf(options), [
          'write {{applicability "ID"}} for the name and the verdict or {{applicability "ID" "verdict"}} for the verdict alone',
        ]);
      }
      const reason = shape === 'verdict' ? withoutName(d.reason) : d.reason;
      const missing = d.missing ?? [];
      if (missing.length === 0) return reason;
      const ctx = options.data.tf.ctx;
      return new Fragment([reason, ...missing.flatMap((field) => [' ', { field, label: ctx.fieldLabel(field) }])]);
    },
  };
}

/**
 * The reason without its leading instrument name ("MDR: applies: …" → "applies: …"). A name is
 * short, capitalised and has no clause punctuation; a reason without one is returned unchanged.
 */
function withoutName(reason: string): string {
  const m = /^[A-Z][^:;,]{0,60}: (?=\S)/.exec(reason);
  return m ? reason.slice(m[0].length) : reason;
}

/**
 * `{{application_date "aia-annex-i"}}`: "2 August 2028 (AI Act Art. 113, as amended in 2026)".
 * `dates` (date key → cited text) come from regulatory/ through the pipeline.
 */
export function applicationDateHelper(dates: ReadonlyMap<string, string>): (key: unknown, options: HelperOptions) => string {
  return (key, options) => {
    const k = String(unwrap(key));
    const cited = dates.get(k);
    if (cited === undefined) {
      throw new TemplateError('template/unknown-date', `\`${k}\` is not a date of application`, locationOf(options), [
        `use one of ${[...dates.keys()].join(', ')}`,
      ]);
    }
    return cited;
  };
}

/**
 * `{{regulation}}`: "Regulation (EU) 2017/745 on medical devices (MDR)" or the IVDR title;
 * `{{regulation "short"}}`: "MDR" or "IVDR". Empty when the product is not a medical device.
 */
export function regulationHelper(...args: unknown[]): string {
  const options = args.pop() as HelperOptions;
  const form = args.length > 0 ? String(unwrap(args[0])) : 'long';
  if (form !== 'long' && form !== 'short') {
    throw new TemplateError('template/unknown-regulation-form', `\`${form}\` is not a form of \`regulation\``, locationOf(options), [
      'write {{regulation}} for the title or {{regulation "short"}} for MDR or IVDR',
    ]);
  }
  const reg = options.data.tf.ctx.regulation;
  return reg ? reg[form] : '';
}

function citation(id: unknown, options: HelperOptions): ClauseCitation {
  const key = String(unwrap(id));
  const found = options.data.tf.ctx.clauseRef(key);
  if (!found) {
    throw new TemplateError('template/unknown-clause', `clause \`${key}\` is not in the catalogue`, locationOf(options), [
      'use an id from src/regulatory/clauses.yaml',
    ]);
  }
  return found;
}

/**
 * `{{clause "ID"}}`: the clean reference under the product's regulation, whether or not its
 * instrument applies (for sentences that explain why a law does not apply).
 */
export function clauseHelper(id: unknown, options: HelperOptions): string {
  return citation(id, options).reference ?? '';
}

/** `{{ref "ID" "ID2"}}`: the references of the clauses whose instrument applies, joined by "; ". */
export function refHelper(...args: unknown[]): string {
  const options = args.pop() as HelperOptions;
  const refs = args
    .map((id) => citation(id, options))
    .flatMap((c) => (c.applies && c.reference !== undefined ? [c.reference] : []));
  return [...new Set(refs)].join('; ');
}

/**
 * `text{{cite "ID"}}.` prints " (MDR Annex I 17.2)" when the clause's instrument applies to this
 * product, and nothing otherwise, so templates need no applicability block around a citation.
 */
export function citeHelper(...args: unknown[]): Fragment | string {
  const text = refHelper(...args);
  return text === '' ? '' : new Fragment([` (${text})`]);
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
