import type { Diagnostic, Result } from '../diagnostics/diagnostic.js';
import type { Block, Document, DocumentMeta } from '../model/nodes.js';
import type { TemplateContext } from '../templates/context.js';
import type { FrontMatter } from '../templates/front-matter.js';
import type { TemplateSet } from '../templates/load.js';
import { prepareBlocks } from '../transform/prepare.js';
import type { TraceabilityView } from '../regulatory/traceability.js';
import { PassList } from './passes.js';
import { bodyPass, frontMatterPass, markdownPass, type TemplateSource } from './template-passes.js';

/** The folder of the template that words the traceability table (templates/traceability/document.md). */
export const TRACEABILITY_TEMPLATE = 'traceability';

/** The table's template to model blocks, not prepared: they are appended to the document, or prepared as a record of their own. */
const TRACEABILITY_PASSES = PassList.start<TemplateSource>()
  .then(frontMatterPass)
  .then(bodyPass, { haltOnErrors: true })
  .then(markdownPass);

export interface RenderedTraceability {
  readonly blocks: Block[];
  readonly frontMatter: FrontMatter;
}

/**
 * Renders the traceability template with the table's facts added to the device data under
 * `traceability`. `ctx` is the document's own context, so `{{doc "number"}}` names the
 * document the table is evidence for.
 */
export function renderTraceability(
  templates: TemplateSet,
  ctx: TemplateContext,
  view: TraceabilityView,
  file: string,
): Result<RenderedTraceability | undefined> {
  if (!templates.documents.has(TRACEABILITY_TEMPLATE)) {
    const d: Diagnostic = {
      severity: 'error',
      code: 'template/traceability-missing',
      message: `the template folder has no ${TRACEABILITY_TEMPLATE}/document.md, which words the traceability table of every document`,
      source: { file: templates.dir },
      hints: [
        `copy ${TRACEABILITY_TEMPLATE}/document.md from the templates shipped with techfile into ${templates.dir}`,
      ],
    };
    return { value: undefined, diagnostics: [d] };
  }
  const built = TRACEABILITY_PASSES.run({
    templates,
    key: TRACEABILITY_TEMPLATE,
    file,
    start: { ...ctx, data: { ...ctx.data, traceability: view } },
  });
  if (!built.value) return { value: undefined, diagnostics: built.diagnostics };
  return {
    value: { blocks: [...built.value.parsed], frontMatter: built.value.rendered.frontMatter },
    diagnostics: built.diagnostics,
  };
}

/**
 * The separate traceability record of a document: a small controlled document of its own,
 * with the main document's control facts (version, status, date, author, approver) and a
 * document-control row naming the document it is evidence for.
 */
export function traceabilityDocument(main: DocumentMeta, rendered: RenderedTraceability): Document {
  const fm = rendered.frontMatter;
  const { subtitle: _mainSubtitle, audience: _mainAudience, ...control } = main;
  const meta: DocumentMeta = {
    ...control,
    title: fm.title,
    ...(fm.subtitle ? { subtitle: fm.subtitle } : {}),
    docType: `${main.docType}.traceability`,
    documentNumber: fm.number !== undefined && fm.number !== '' ? fm.number : `${main.documentNumber}-TR`,
    ...(fm.audience ? { audience: fm.audience } : {}),
    subject: fm.subject ?? fm.title,
    keywords: fm.keywords,
    relatedDocument: { number: main.documentNumber, version: main.version, title: main.title },
  };
  return { type: 'document', meta, children: prepareBlocks(rendered.blocks) };
}
