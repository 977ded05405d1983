import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { SourceRef } from '../source/position.js';
import type { HelperVocabulary } from './environment.js';
import { templateFingerprint, templatesFromPrecompiled, type PrecompiledTemplates, type TemplateSet } from './load.js';

/**
 * A template set compiled at build time (scripts/build-templates.mjs), so a run does not parse,
 * rewrite and compile the shipped templates again (about half a second). It is the set's
 * precompiled form with the template paths made relative to the folder, since how a path is
 * shown depends on the run's working directory; source references are compact tuples
 * `[file index, start line, start column, end line, end column]`.
 *
 * It is used only for exactly the files it was built from (`fingerprint`: the template set's
 * own SHA-256 over every file's name and text, recomputed from the files at run time) and the
 * vocabulary they were checked against (`vocabulary`: clause ids, decision ids, dates).
 */
export interface TemplateArtefact {
  readonly format: typeof ARTEFACT_FORMAT;
  readonly fingerprint: string;
  readonly vocabulary: string;
  /** Template files relative to the folder, `/`-separated. */
  readonly files: readonly string[];
  readonly locations: readonly CompactRef[];
  readonly origins: readonly CompactRef[];
  readonly set: Omit<PrecompiledTemplates, 'dir' | 'fingerprint' | 'locations' | 'origins' | 'documents'> & {
    readonly documents: readonly (readonly [key: string, document: ArtefactDocument])[];
  };
}

type ArtefactDocument = Omit<PrecompiledTemplates['documents'][number][1], 'file'> & { readonly file: number };
type CompactRef = readonly number[];

const ARTEFACT_FORMAT = 1;

/** What templates were checked against, as one hash: a set checked against other ids must be checked again. */
export interface Vocabulary extends HelperVocabulary {
  readonly clauseIds: ReadonlySet<string>;
}

export function vocabularyDigest(v: Vocabulary): string {
  const plain = { clauseIds: [...v.clauseIds].sort(), decisionIds: v.decisionIds, applicationDates: [...v.applicationDates] };
  return createHash('sha256').update(JSON.stringify(plain)).digest('hex');
}

/**
 * The artefact of a set loaded without diagnostics from `dir` with display paths left absolute.
 * Throws (a bug of the build) when the set does not survive the round trip unchanged.
 */
export function artefactFromSet(p: PrecompiledTemplates, dir: string, vocabulary: Vocabulary): TemplateArtefact {
  const files: string[] = [];
  const fileIndex = (file: string): number => {
    const rel = file.slice(join(dir, '/').length).split('\\').join('/');
    if (!file.startsWith(join(dir, '/'))) throw new Error(`template ${file} is not inside ${dir}`);
    const at = files.indexOf(rel);
    return at >= 0 ? at : files.push(rel) - 1;
  };
  const compact = (ref: SourceRef): CompactRef => {
    const r = ref.range;
    return r ? [fileIndex(ref.file), r.start.line, r.start.column, r.end.line, r.end.column] : [fileIndex(ref.file)];
  };
  const { dir: _dir, fingerprint, locations, origins, documents, ...rest } = p;
  const artefact: TemplateArtefact = {
    format: ARTEFACT_FORMAT,
    fingerprint,
    vocabulary: vocabularyDigest(vocabulary),
    files,
    locations: locations.map(compact),
    origins: origins.map(compact),
    set: { ...rest, documents: documents.map(([key, d]) => [key, { ...d, file: fileIndex(d.file) }] as const) },
  };
  const back = precompiledFromArtefact(artefact, dir, (file) => file);
  if (JSON.stringify(back) !== JSON.stringify(p)) throw new Error('the template artefact does not give back the set it was made from');
  return artefact;
}

function precompiledFromArtefact(a: TemplateArtefact, dir: string, displayPath: (file: string) => string): PrecompiledTemplates {
  const files = a.files.map((rel) => displayPath(join(dir, ...rel.split('/'))));
  const ref = ([file, ...range]: CompactRef): SourceRef => {
    const shown = files[file ?? -1] ?? '';
    const [sl, sc, el, ec] = range;
    return sl === undefined || sc === undefined || el === undefined || ec === undefined
      ? { file: shown }
      : { file: shown, range: { start: { line: sl, column: sc }, end: { line: el, column: ec } } };
  };
  return {
    dir,
    fingerprint: a.fingerprint,
    locations: a.locations.map(ref),
    origins: a.origins.map(ref),
    ...a.set,
    documents: a.set.documents.map(([key, d]) => [key, { ...d, file: files[d.file] ?? '' }] as const),
  };
}

/**
 * The template set of `dir` from a build-time artefact, when the artefact was built from exactly
 * these files and this vocabulary; undefined otherwise (the caller then compiles the folder).
 */
export function templatesFromArtefact(
  artefact: unknown,
  dir: string,
  vocabulary: Vocabulary,
  displayPath: (file: string) => string = (file) => file,
): TemplateSet | undefined {
  if (!isArtefact(artefact) || artefact.vocabulary !== vocabularyDigest(vocabulary)) return undefined;
  if (templateFingerprint(dir) !== artefact.fingerprint) return undefined;
  return templatesFromPrecompiled(precompiledFromArtefact(artefact, dir, displayPath));
}

function isArtefact(value: unknown): value is TemplateArtefact {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Record<keyof TemplateArtefact, unknown>>;
  return v.format === ARTEFACT_FORMAT && typeof v.fingerprint === 'string' && typeof v.vocabulary === 'string';
}
