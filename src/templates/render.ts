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

export interface RenderedFrontMatter {
  readonly frontMatter: FrontMatter;
  /** The placeholders of the front matter, in field order. */
  readonly placeholders: { field: string; label: string }[];
  /** The context the body renders with: the given one, with the document's number and title. */
  readonly context: TemplateContext;
}

/**
 * Renders the front matter fields of a document type, each once. With `resolveNumber`, a field
 * may name the document (`{{doc "number"}}`, `{{doc "title"}}`): `number` renders first with
 * the context given, `resolveNumber` turns its text into the document's number, then `title`
 * renders with that number and the other fields with both. Without it every field sees `ctx`.
 */
export function renderFrontMatter(
  set: TemplateSet,
  docType: string,
  ctx: TemplateContext,
  resolveNumber?: (rendered: string | undefined) => string,
): Result<RenderedFrontMatter> {
  const doc = set.documents.get(docType);
  if (!doc) return { value: { frontMatter: { title: '', keywords: [] }, placeholders: [], context: ctx }, diagnostics: [unknownDocType(set, docType)] };
  type Field = { text: string; placeholders: { field: string; label: string }[]; diagnostics: Diagnostic[] };
  const render = (template: Compiled, at: TemplateContext): Field => {
    const result = run(set, template, at, doc.file);
    const placeholders: { field: string; label: string }[] = [];
    return { text: plainPlaceholders(result.text, placeholders).trim(), placeholders, diagnostics: result.diagnostics };
  };
  const done = new Map<string, Field>();
  let context = ctx;
  if (resolveNumber) {
    const pattern = doc.fields.get('number');
    const number = pattern ? render(pattern, ctx) : undefined;
    if (number) done.set('number', number);
    context = { ...context, meta: { ...context.meta, number: resolveNumber(number?.text) } };
    const titlePattern = doc.fields.get('title');
    const title = titlePattern ? render(titlePattern, context) : undefined;
    if (title) done.set('title', title);
    context = { ...context, meta: { ...context.meta, title: title?.text ?? doc.frontMatter.title } };
  }
  // Assembled in field order, whatever the order they rendered in.
  const fields = [...doc.fields].map(([key, template]) => [key, done.get(key) ?? render(template, context)] as const);
  const keywords = doc.keywords.map((k) => render(k, context));
  const all = [...fields.map(([, f]) => f), ...keywords];
  const out = Object.fromEntries(fields.map(([key, f]) => [key, f.text])) as Record<string, string>;
  const frontMatter = { ...out, title: out['title'] ?? doc.frontMatter.title, keywords: keywords.map((k) => k.text) } as FrontMatter;
  return { value: { frontMatter, placeholders: all.flatMap((f) => f.placeholders), context }, diagnostics: all.flatMap((f) => f.diagnostics) };
}

/**
 * Renders a document type's body, with its front matter: rendered here with `ctx`, or `front`
 * when the caller rendered it already (the body then renders with `front`'s context).
 */
export function renderTemplate(set: TemplateSet, docType: string, ctx: TemplateContext, front?: Result<RenderedFrontMatter>): Result<RenderedTemplate> {
  const doc = set.documents.get(docType);
  if (!doc) {
    return { value: { markdown: '', frontMatter: { title: '', keywords: [] }, placeholders: [], lines: [] }, diagnostics: front?.diagnostics ?? [unknownDocType(set, docType)] };
  }
  const fm = front ?? renderFrontMatter(set, docType, ctx);
  const body = run(set, doc.body, fm.value.context, doc.file);
  const stripped = stripOrigins(body.text, set.origins, { file: doc.file });
  const { lines } = stripped;
  const markdown = dropDoubledFullStops(stripped.markdown);
  const placeholders = [...fm.value.placeholders];
  for (const match of markdown.matchAll(PLACEHOLDER_PATTERN)) {
    placeholders.push({ field: unescapeText(match[1] ?? ''), label: unescapeText(match[2] ?? '') });
  }
  return {
    value: { markdown, frontMatter: fm.value.frontMatter, placeholders, lines },
    diagnostics: [...fm.diagnostics, ...body.diagnostics],
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
