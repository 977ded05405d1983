import type { Result } from '../diagnostics/diagnostic.js';
import { parseYamlText } from '../data/yaml-text.js';
import { citedDate, DATE_KEYS } from '../regulatory/dates.js';
import { TEMPLATE_DECISION_IDS } from '../regulatory/template-decisions.js';
import { loadTemplates as loadWith, type TemplateSet } from '../templates/load.js';
import { loadCatalogue } from './catalogue.js';

export type { TemplateSet };

/**
 * Decision ids templates may ask for (`applies`, `applicability`): regulatory/'s, plus
 * `IT-annex`, the pipeline's own decision that a lay guide gets a separate IT annex (annex.ts).
 */
export const DECISION_IDS: readonly string[] = [...TEMPLATE_DECISION_IDS, 'IT-annex'];

/** `application_date` keys and the text each prints. */
const APPLICATION_DATES: ReadonlyMap<string, string> = new Map(DATE_KEYS.map((key) => [key, citedDate(key)]));

export interface LoadOptions {
  /** Valid clause ids; default: the bundled catalogue's. */
  readonly clauseIds?: ReadonlySet<string>;
  /** How a template path is shown in diagnostics (the CLI shows it relative to the working directory). */
  readonly displayPath?: (file: string) => string;
}

/** A template folder, checked against the catalogue and the regulatory vocabulary. */
export function loadTemplates(dir: string, options: LoadOptions = {}): Result<TemplateSet> {
  return loadWith(dir, {
    clauseIds: options.clauseIds ?? new Set(loadCatalogue().clauses.map((c) => c.id)),
    decisionIds: DECISION_IDS,
    applicationDates: APPLICATION_DATES,
    parseYaml: parseYamlText,
    ...(options.displayPath !== undefined ? { displayPath: options.displayPath } : {}),
  });
}
