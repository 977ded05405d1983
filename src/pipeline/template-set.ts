import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Result } from '../diagnostics/diagnostic.js';
import { parseYamlText } from '../data/yaml-text.js';
import { citedDate, DATE_KEYS } from '../regulatory/dates.js';
import { TEMPLATE_DECISION_IDS } from '../regulatory/template-decisions.js';
import { loadTemplates as loadWith, type TemplateSet } from '../templates/load.js';
import { templatesFromArtefact, type Vocabulary } from '../templates/prebuilt.js';
import { loadCatalogue } from './catalogue.js';
import { defaultTemplatesDir } from './templates-dir.js';

export type { TemplateSet };

/**
 * Decision ids templates may ask for (`applies`, `applicability`): regulatory/'s, plus
 * `IT-annex`, the pipeline's own decision that a lay guide gets a separate IT annex (annex.ts),
 * `authorised-rep` (authorised-rep.ts) and `network` (regulatory/template-decisions.ts), decided from the data.
 */
export const DECISION_IDS: readonly string[] = [...TEMPLATE_DECISION_IDS, 'IT-annex', 'authorised-rep', 'network'];

/** `application_date` keys and the text each prints. */
const APPLICATION_DATES: ReadonlyMap<string, string> = new Map(DATE_KEYS.map((key) => [key, citedDate(key)]));

export interface LoadOptions {
  /** Valid clause ids; default: the bundled catalogue's. */
  readonly clauseIds?: ReadonlySet<string>;
  /** How a template path is shown in diagnostics (the CLI shows it relative to the working directory). */
  readonly displayPath?: (file: string) => string;
}

/**
 * A template folder, checked against the catalogue and the regulatory vocabulary. The shipped
 * folder comes precompiled from the build (`templates.generated.json`, see templates/prebuilt.ts)
 * while its files are exactly those the build compiled; any other folder, or an edited shipped
 * template, is compiled here.
 */
export function loadTemplates(dir: string, options: LoadOptions = {}): Result<TemplateSet> {
  if (resolve(dir) === defaultTemplatesDir()) {
    const artefact = readArtefact();
    const prebuilt =
      artefact === undefined
        ? undefined
        : templatesFromArtefact(artefact, dir, templateVocabulary(options.clauseIds), options.displayPath);
    if (prebuilt) return { value: prebuilt, diagnostics: [] };
  }
  return compileTemplates(dir, options);
}

/** What templates are checked against: the catalogue's clause ids unless given, decision ids, dates. */
export function templateVocabulary(clauseIds?: ReadonlySet<string>): Vocabulary {
  return {
    clauseIds: clauseIds ?? new Set(loadCatalogue().clauses.map((c) => c.id)),
    decisionIds: DECISION_IDS,
    applicationDates: APPLICATION_DATES,
  };
}

/** A template folder read, checked and compiled now, never taken from the build's artefact. */
export function compileTemplates(dir: string, options: LoadOptions = {}): Result<TemplateSet> {
  return loadWith(dir, {
    ...templateVocabulary(options.clauseIds),
    parseYaml: parseYamlText,
    ...(options.displayPath !== undefined ? { displayPath: options.displayPath } : {}),
  });
}

/** Where the build writes the shipped templates' artefact; absent when running from the sources. */
export const TEMPLATE_ARTEFACT = new URL('../templates/templates.generated.json', import.meta.url);

function readArtefact(): unknown {
  if (!existsSync(TEMPLATE_ARTEFACT)) return undefined;
  try {
    return JSON.parse(readFileSync(TEMPLATE_ARTEFACT, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}
