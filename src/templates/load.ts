import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { closestName } from '../diagnostics/suggest.js';
import type Handlebars from 'handlebars';
import type { Diagnostic, Result } from '../diagnostics/diagnostic.js';
import { loadCatalogue } from '../regulatory/catalogue.js';
import type { SourceRef } from '../source/position.js';
import { compileTemplate, type Compiled } from './compile.js';
import { createEnvironment, type Environment } from './environment.js';
import { splitFrontMatter, TEXT_FIELDS, type FrontMatterSource } from './front-matter.js';
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
}

export interface LoadOptions {
  /** Valid clause ids; default: the bundled catalogue. */
  readonly clauseIds?: ReadonlySet<string>;
  /** How a template path is shown in diagnostics (the CLI shows it relative to the working directory). */
  readonly displayPath?: (file: string) => string;
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md') && statSync(join(dir, name)).isFile())
    .sort();
}

export function loadTemplates(dir: string, options: LoadOptions = {}): Result<TemplateSet> {
  const displayPath = options.displayPath ?? ((file: string) => file);
  const env = createEnvironment();
  const diagnostics: Diagnostic[] = [];
  const locations: SourceRef[] = [];
  const origins: SourceRef[] = [];
  const documents = new Map<string, TemplateDocument>();
  const partialNames: string[] = [];
  const references: PartialReference[] = [];
  const clauseIds = options.clauseIds ?? new Set(loadCatalogue().clauses.map((c) => c.id));
  const hash = createHash('sha256');
  const empty: TemplateSet = { dir, env, documents, partials: partialNames, locations, origins, fingerprint: '' };
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    return {
      value: empty,
      diagnostics: [{ severity: 'error', code: 'template/io', message: `template folder \`${dir}\` does not exist`, source: { file: displayPath(dir) }, hints: ['pass the folder that holds `<doc-type>/document.md`'] }],
    };
  }
  const compile = (file: string, source: string, plain: boolean, lineOffset?: number) => {
    const result = compileTemplate({ env, file, source, plain, clauseIds, locations, origins, ...(lineOffset !== undefined ? { lineOffset } : {}) });
    diagnostics.push(...result.diagnostics);
    references.push(...result.partials);
    return result.template;
  };

  const folders = readdirSync(dir).filter((name) => statSync(join(dir, name)).isDirectory()).sort();
  for (const folder of folders) {
    for (const name of markdownFiles(join(dir, folder))) {
      const path = join(dir, folder, name);
      const file = displayPath(path);
      const text = readFileSync(path, 'utf8').replace(/\r\n?/g, '\n');
      hash.update(`${folder}/${name}\0${text}\0`);
      // `document.md` is the document of its type; `annex.md` (optional) a companion document
      // with its own front matter, keyed `<doc-type>/annex`, rendered when the pipeline decides so.
      if (folder !== 'partials' && (name === 'document.md' || name === 'annex.md')) {
        const key = name === 'document.md' ? folder : `${folder}/annex`;
        const split = splitFrontMatter(text, file);
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
        if (compiled) env.registerPartial(partialName, compiled as unknown as Handlebars.Template);
      }
    }
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
  return { value: { ...empty, fingerprint: hash.digest('hex') }, diagnostics };
}

function frontMatterLine(text: string, key: string): number {
  const index = text.split('\n').findIndex((line) => line.startsWith(`${key}:`));
  return index < 0 ? 1 : index + 1;
}
