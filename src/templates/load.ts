import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { closestName } from '../diagnostics/suggest.js';
import type Handlebars from 'handlebars';
import type { Diagnostic, Result } from '../diagnostics/diagnostic.js';
import { decodeUtf8 } from '../source/decode-text.js';
import type { Point, SourceRef } from '../source/position.js';
import { problemText, readContained } from '../source/read-file.js';
import { compileTemplate, fromSpec, type Compiled } from './compile.js';
import { createEnvironment, type Environment, type HelperVocabulary } from './environment.js';
import { splitFrontMatter, TEXT_FIELDS, type FrontMatterSource, type YamlParser } from './front-matter.js';
import { partialCycles, type Inclusion } from './partial-cycles.js';
import type { PartialReference } from './rewrite.js';

export interface TemplateDocument {
  readonly docType: string;
  /** Display path of document.md. */
  readonly file: string;
  readonly frontMatter: FrontMatterSource;
  readonly body: Compiled;
  /** Compiled front matter text fields (plain text, not Markdown), and keywords by index. */
  readonly fields: ReadonlyMap<string, Compiled>;
  readonly keywords: readonly Compiled[];
}

/** All templates of a folder, parsed, checked and compiled once; reused for every product. */
export interface TemplateSet {
  readonly dir: string;
  readonly env: Environment;
  readonly documents: ReadonlyMap<string, TemplateDocument>;
  readonly partials: readonly string[];
  /** SHA-256 (hex) over every template file's name and content: which templates made a document. */
  readonly fingerprint: string;
  /** Helper call sites (`__at`) and content-line origins, shared by all templates of the set. */
  readonly locations: readonly SourceRef[];
  readonly origins: readonly SourceRef[];
  /** The same set as plain data, for worker threads (see `templatesFromPrecompiled`). */
  readonly precompiled?: PrecompiledTemplates;
}

/**
 * A loaded template set as plain data (it survives a structured clone): the templates in
 * Handlebars' precompiled form. A worker thread rebuilds the set from it without reading,
 * parsing, checking or compiling any template again.
 */
export interface PrecompiledTemplates {
  readonly dir: string;
  readonly fingerprint: string;
  readonly locations: readonly SourceRef[];
  readonly origins: readonly SourceRef[];
  readonly partialNames: readonly string[];
  /** What the helpers were set up with (decision ids, dates of application), as plain data. */
  readonly vocabulary: { readonly decisionIds: readonly string[]; readonly applicationDates: readonly (readonly [key: string, text: string])[] };
  readonly partials: readonly (readonly [name: string, spec: string])[];
  readonly documents: readonly (readonly [key: string, document: PrecompiledDocument])[];
}

interface PrecompiledDocument {
  readonly docType: string;
  readonly file: string;
  readonly frontMatter: FrontMatterSource;
  readonly body: string;
  readonly fields: readonly (readonly [field: string, spec: string])[];
  readonly keywords: readonly string[];
}

/** The template set a `PrecompiledTemplates` describes, with a fresh environment. */
export function templatesFromPrecompiled(p: PrecompiledTemplates): TemplateSet {
  const env = createEnvironment({ decisionIds: p.vocabulary.decisionIds, applicationDates: new Map(p.vocabulary.applicationDates) });
  for (const [name, spec] of p.partials) env.registerPartial(name, fromSpec(env, spec) as unknown as Handlebars.Template);
  const documents = new Map<string, TemplateDocument>();
  for (const [key, d] of p.documents) {
    documents.set(key, {
      docType: d.docType,
      file: d.file,
      frontMatter: d.frontMatter,
      body: fromSpec(env, d.body),
      fields: new Map(d.fields.map(([field, spec]) => [field, fromSpec(env, spec)])),
      keywords: d.keywords.map((spec) => fromSpec(env, spec)),
    });
  }
  return { dir: p.dir, env, documents, partials: p.partialNames, fingerprint: p.fingerprint, locations: p.locations, origins: p.origins, precompiled: p };
}

/**
 * What templates are checked against and may print. The pipeline supplies it (from the
 * catalogue, regulatory/ and data/), so templates/ imports no other stage.
 */
export interface LoadOptions extends HelperVocabulary {
  /** Valid clause ids (the catalogue's). */
  readonly clauseIds: ReadonlySet<string>;
  /** Parses the YAML front matter. */
  readonly parseYaml: YamlParser;
  /** How a template path is shown in diagnostics (the CLI shows it relative to the working directory). */
  readonly displayPath?: (file: string) => string;
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md') && statSync(join(dir, name)).isFile())
    .sort();
}

/** The template files of a folder in loading order: `<folder>/<name>.md`, folders and names sorted. */
function templateFiles(dir: string): { folder: string; name: string; path: string }[] {
  const folders = readdirSync(dir).filter((name) => statSync(join(dir, name)).isDirectory()).sort();
  return folders.flatMap((folder) => markdownFiles(join(dir, folder)).map((name) => ({ folder, name, path: join(dir, folder, name) })));
}

/** The text of a template file as loading hashes it (line ends made `\n`), or why it cannot be read. */
function templateText(path: string, dir: string): ReturnType<typeof readTemplateFile> {
  const read = readTemplateFile(path, dir);
  return typeof read === 'string' ? read.replace(/\r\n?/g, '\n') : read;
}

/**
 * The fingerprint `loadTemplates` gives a folder (every template file's name and text), read
 * the same way but without parsing or compiling anything; undefined when the folder is missing
 * or a file cannot be read (loading then has diagnostics to report).
 */
export function templateFingerprint(dir: string): string | undefined {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return undefined;
  const hash = createHash('sha256');
  for (const { folder, name, path } of templateFiles(dir)) {
    const text = templateText(path, dir);
    if (typeof text !== 'string') return undefined;
    hash.update(`${folder}/${name}\0${text}\0`);
  }
  return hash.digest('hex');
}

export function loadTemplates(dir: string, options: LoadOptions): Result<TemplateSet> {
  const displayPath = options.displayPath ?? ((file: string) => file);
  const env = createEnvironment(options);
  const diagnostics: Diagnostic[] = [];
  const locations: SourceRef[] = [];
  const origins: SourceRef[] = [];
  const documents = new Map<string, TemplateDocument>();
  const partialNames: string[] = [];
  const references: PartialReference[] = [];
  const inclusions: Inclusion[] = [];
  const { clauseIds, decisionIds } = options;
  const hash = createHash('sha256');
  const empty: TemplateSet = { dir, env, documents, partials: partialNames, locations, origins, fingerprint: '' };
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    return {
      value: empty,
      diagnostics: [{ severity: 'error', code: 'template/io', message: `template folder \`${dir}\` does not exist`, source: { file: displayPath(dir) }, hints: ['pass the folder that holds `<doc-type>/document.md`'] }],
    };
  }
  const specs = new Map<Compiled, string>();
  const partialSpecs: [string, string][] = [];
  const compile = (file: string, source: string, plain: boolean, lineOffset?: number) => {
    const result = compileTemplate({ env, file, source, plain, clauseIds, decisionIds, locations, origins, ...(lineOffset !== undefined ? { lineOffset } : {}) });
    diagnostics.push(...result.diagnostics);
    references.push(...result.partials);
    if (result.template && result.spec !== undefined) specs.set(result.template, result.spec);
    return result.template;
  };

  for (const { folder, name, path } of templateFiles(dir)) {
    const file = displayPath(path);
    const owner = folder !== 'partials' && name === 'document.md' ? folder : `${folder}/${name.slice(0, -'.md'.length)}`;
    const firstReference = references.length;
    const text = templateText(path, dir);
    if (typeof text !== 'string') {
      diagnostics.push({ severity: 'error', code: 'template/io', message: `template \`${file}\` ${text.problem}`, source: text.at ? { file, range: { start: text.at, end: text.at } } : { file }, hints: [text.hint] });
      continue;
    }
    hash.update(`${folder}/${name}\0${text}\0`);
    // `document.md` is the document of its type; `annex.md` (optional) a companion document
    // with its own front matter, keyed `<doc-type>/annex`, rendered when the pipeline decides so.
    if (folder !== 'partials' && (name === 'document.md' || name === 'annex.md')) {
      const key = name === 'document.md' ? folder : `${folder}/annex`;
      const split = splitFrontMatter(text, file, options.parseYaml);
      diagnostics.push(...split.diagnostics);
      const body = compile(file, split.body, false);
      const fields = new Map<string, Compiled>();
      for (const key of TEXT_FIELDS) {
        const value = split.frontMatter[key];
        if (value === undefined) continue;
        const compiled = compile(file, value, true, frontMatterLine(text, key) - 1);
        if (compiled) fields.set(key, compiled);
      }
      const keywords = split.frontMatter.keywords.flatMap((k) => compile(file, k, true, frontMatterLine(text, 'keywords') - 1) ?? []);
      if (body) documents.set(key, { docType: folder, file, frontMatter: split.frontMatter, body, fields, keywords });
    } else {
      const partialName = `${folder}/${name.slice(0, -'.md'.length)}`;
      const compiled = compile(file, text, false);
      partialNames.push(partialName);
      if (compiled) {
        env.registerPartial(partialName, compiled as unknown as Handlebars.Template);
        partialSpecs.push([partialName, specs.get(compiled) ?? '']);
      }
    }
    for (const ref of references.slice(firstReference)) inclusions.push({ from: owner, name: ref.name, at: ref.at });
  }
  for (const ref of references) {
    if (partialNames.includes(ref.name)) continue;
    diagnostics.push({
      severity: 'error',
      code: 'template/unknown-partial',
      message: `partial \`${ref.name}\` does not exist`,
      source: ref.at,
      hints: [
        partialNames.length > 0 ? `did you mean \`${closestName(ref.name, partialNames) ?? ''}\`?` : 'add the file templates/<doc-type>/<name>.md',
        'partials are named `<doc-type>/<name>` or `partials/<name>` after their file',
      ],
    });
  }
  diagnostics.push(...partialCycles(inclusions));
  const fingerprint = hash.digest('hex');
  const spec = (c: Compiled): string => specs.get(c) ?? '';
  const precompiled: PrecompiledTemplates = {
    dir,
    fingerprint,
    locations,
    origins,
    partialNames,
    vocabulary: { decisionIds: [...options.decisionIds], applicationDates: [...options.applicationDates] },
    partials: partialSpecs,
    documents: [...documents].map(([key, d]) => [key, { docType: d.docType, file: d.file, frontMatter: d.frontMatter, body: spec(d.body), fields: [...d.fields].map(([f, c]) => [f, spec(c)] as const), keywords: d.keywords.map(spec) }] as const),
  };
  return { value: { ...empty, fingerprint, precompiled }, diagnostics };
}

function frontMatterLine(text: string, key: string): number {
  const index = text.split('\n').findIndex((line) => line.startsWith(`${key}:`));
  return index < 0 ? 1 : index + 1;
}

/** Template files are small; this only stops a link to a device or a huge file. */
const MAX_TEMPLATE_BYTES = 1_000_000;

/**
 * A template file's text, read like every input: its real path inside the template folder
 * (a symlinked `.md` cannot pull in a file from elsewhere), a regular file, bounded, UTF-8.
 */
function readTemplateFile(path: string, dir: string): string | { problem: string; hint: string; at?: Point } {
  const read = readContained(path, { root: dir, maxBytes: MAX_TEMPLATE_BYTES });
  if (!read.ok) {
    const hint = read.problem.kind === 'outside' ? 'copy the file into the template folder instead of linking to it' : 'check the file';
    return { problem: problemText(read.problem), hint };
  }
  const decoded = decodeUtf8(read.bytes);
  if ('problem' in decoded) return { problem: decoded.problem.message.replace(/^the file /, ''), hint: decoded.problem.hint, at: decoded.problem.at };
  return decoded.text;
}
