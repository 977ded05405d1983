import Handlebars from 'handlebars';
import { eachHelper, ifHelper, itemsHelper, unlessHelper, withHelper } from './helpers/blocks.js';
import { getHelper, outHelper } from './helpers/core.js';
import { dateHelper, joinHelper, tbdHelper, yesnoHelper } from './helpers/format.js';
import { andHelper, beforeHelper, eqHelper, includesHelper, neHelper, notHelper, orHelper, presentHelper } from './helpers/logic.js';
import {
  applicationDateHelper,
  citeHelper,
  clauseHelper,
  decisionHelpers,
  docHelper,
  refHelper,
  regulationHelper,
} from './helpers/regulatory.js';
import { tableHelper } from './helpers/table.js';
import { knownHelpers } from './names.js';

export type Environment = typeof Handlebars;

/** What the regulatory helpers need to know, passed in by the pipeline (templates/ imports no other stage). */
export interface HelperVocabulary {
  /** Decision ids `applies` and `applicability` accept. */
  readonly decisionIds: readonly string[];
  /** `application_date` keys and the text each prints. */
  readonly applicationDates: ReadonlyMap<string, string>;
}

/**
 * An isolated Handlebars instance with exactly techfile's helpers. Nothing is registered on the
 * global instance, so other code (or a second template set) cannot change what templates see.
 */
export function createEnvironment(vocabulary: HelperVocabulary): Environment {
  const decisions = decisionHelpers(vocabulary.decisionIds);
  const env = Handlebars.create();
  // Handlebars' own helpers are replaced (if/unless/each/with) or removed (lookup/log), so the
  // set of helpers a template can reach is exactly the documented one.
  for (const name of ['lookup', 'log', 'helperMissing', 'blockHelperMissing']) env.unregisterHelper(name);
  const helpers: Record<string, (...args: never[]) => unknown> = {
    __get: getHelper,
    __out: outHelper,
    if: ifHelper,
    unless: unlessHelper,
    each: eachHelper,
    with: withHelper,
    items: itemsHelper,
    tbd: tbdHelper,
    date: dateHelper,
    join: joinHelper,
    table: tableHelper,
    yesno: yesnoHelper,
    eq: eqHelper,
    ne: neHelper,
    includes: includesHelper,
    before: beforeHelper,
    and: andHelper,
    or: orHelper,
    not: notHelper,
    present: presentHelper,
    applies: decisions.applies,
    applicability: decisions.applicability,
    clause: clauseHelper,
    cite: citeHelper,
    ref: refHelper,
    doc: docHelper,
    application_date: applicationDateHelper(vocabulary.applicationDates),
    regulation: regulationHelper,
  };
  for (const [name, fn] of Object.entries(helpers)) env.registerHelper(name, fn as Handlebars.HelperDelegate);
  return env;
}

/**
 * Compile options for every template. `noEscape` because escaping is techfile's (Markdown, not
 * HTML) and happens in `__out`; `strict` and `knownHelpersOnly` so mistakes fail at load time.
 */
export const COMPILE_OPTIONS = {
  strict: true,
  knownHelpersOnly: true,
  knownHelpers: knownHelpers(),
  noEscape: true,
  data: true,
} as const;

/** Runtime options: never read prototype properties or methods of the data. */
export const RUNTIME_OPTIONS = {
  allowProtoPropertiesByDefault: false,
  allowProtoMethodsByDefault: false,
} as const;
