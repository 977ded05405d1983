import type { Diagnostic, Result } from '../diagnostics/diagnostic.js';
import { placeholderText } from '../model/text.js';
import type { SourceRef } from '../source/position.js';
import type { Compiled } from './compile.js';
import { TemplateError, type Frame, type TemplateContext } from './context.js';
import { unescapeText } from './escape.js';
import { RUNTIME_OPTIONS } from './environment.js';
import type { FrontMatter } from './front-matter.js';
import type { TemplateSet } from './load.js';
import { PLACEHOLDER_PATTERN } from '../contract/markers.js';
import { stripOrigins } from './origins.js';

export interface RenderedTemplate {
  /** Markdown with placeholder markers (decoded by markdown/from-markdown). */
  readonly markdown: string;
  readonly frontMatter: FrontMatter;
  /** Every placeholder in the output, in order (front matter first). */
  readonly placeholders: { field: string; label: string }[];
  /** Per Markdown line (index = line - 1): the template file and line it came from. */
  readonly lines: readonly SourceRef[];
}

type Run = { text: string; diagnostics: Diagnostic[] };

function run(set: TemplateSet, template: Compiled, ctx: TemplateContext, file: string): Run {
  const data: Frame = { tf: { ctx, locations: set.locations }, tfStack: [{ value: ctx.data, path: '' }] };
  try {
    return { text: template(ctx.data, { data, ...RUNTIME_OPTIONS }), diagnostics: [] };
  } catch (error) {
    return { text: '', diagnostics: [runtimeDiagnostic(error, file)] };
  }
}

function runtimeDiagnostic(error: unknown, file: string): Diagnostic {
  if (error instanceof TemplateError) {
    return {
      severity: 'error',
      code: error.code,
      message: error.message,
      source: error.at ?? { file },
      hints: error.hints,
      ...(error.fieldPath !== undefined && error.fieldPath !== '' ? { fieldPath: error.fieldPath } : {}),
    };
  }
  // Handlebars' own exceptions carry a position; anything else is a bug in techfile.
  const e = error as Error & { lineNumber?: number; column?: number; name?: string };
  if (e instanceof Error && e.lineNumber !== undefined) {
    const start = { line: e.lineNumber, column: (e.column ?? 0) + 1 };
    return { severity: 'error', code: 'template/runtime', message: e.message.replace(/ - \d+:\d+$/, ''), source: { file, range: { start, end: start } } };
  }
  throw error;
}

/** Replaces markers in plain text (front matter) with the visible placeholder text. */
function plainPlaceholders(text: string, found: { field: string; label: string }[]): string {
  return text.replace(PLACEHOLDER_PATTERN, (_, field: string, label: string) => {
    found.push({ field, label });
    return placeholderText(label, field);
  });
}

/** Renders the front matter fields of a document type (e.g. the default document number). */
export function renderFrontMatter(set: TemplateSet, docType: string, ctx: TemplateContext): Result<{ frontMatter: FrontMatter; placeholders: { field: string; label: string }[] }> {
  const doc = set.documents.get(docType);
  const placeholders: { field: string; label: string }[] = [];
  if (!doc) return { value: { frontMatter: { title: '', keywords: [] }, placeholders }, diagnostics: [unknownDocType(set, docType)] };
  const diagnostics: Diagnostic[] = [];
  const text = (template: Compiled): string => {
    const result = run(set, template, ctx, doc.file);
    diagnostics.push(...result.diagnostics);
    return plainPlaceholders(result.text, placeholders).trim();
  };
  const out: Record<string, string> = {};
  for (const [key, template] of doc.fields) out[key] = text(template);
  const frontMatter = { ...out, title: out['title'] ?? doc.frontMatter.title, keywords: doc.keywords.map(text) } as FrontMatter;
  return { value: { frontMatter, placeholders }, diagnostics };
}

export function renderTemplate(set: TemplateSet, docType: string, ctx: TemplateContext): Result<RenderedTemplate> {
  const doc = set.documents.get(docType);
  if (!doc) {
    return { value: { markdown: '', frontMatter: { title: '', keywords: [] }, placeholders: [], lines: [] }, diagnostics: [unknownDocType(set, docType)] };
  }
  const front = renderFrontMatter(set, docType, ctx);
  const body = run(set, doc.body, ctx, doc.file);
  const stripped = stripOrigins(body.text, set.origins, { file: doc.file });
  const { lines } = stripped;
  const markdown = dropDoubledFullStops(stripped.markdown);
  const placeholders = [...front.value.placeholders];
  for (const match of markdown.matchAll(PLACEHOLDER_PATTERN)) {
    placeholders.push({ field: unescapeText(match[1] ?? ''), label: unescapeText(match[2] ?? '') });
  }
  return {
    value: { markdown, frontMatter: front.value.frontMatter, placeholders, lines },
    diagnostics: [...front.diagnostics, ...body.diagnostics],
  };
}

function unknownDocType(set: TemplateSet, docType: string): Diagnostic {
  return {
    severity: 'error',
    code: 'template/unknown-doc-type',
    message: `there is no template for document type \`${docType}\``,
    source: { file: set.dir },
    hints: [`add ${set.dir}/${docType}/document.md, or use one of ${[...set.documents.keys()].join(', ') || '(none)'}`],
  };
}

/**
 * A data value written as a sentence ends with a full stop, and so does the template's
 * sentence around it: "…degraded performance.." Data full stops arrive escaped (`\.`), so an
 * escaped full stop followed directly by a template one loses the template's (a closing
 * ellipsis absorbs the full stop too, as in print). Full stops the template writes are untouched.
 */
export function dropDoubledFullStops(markdown: string): string {
  return markdown.replace(/\\\.\.(?!\.)/g, '\\.');
}
