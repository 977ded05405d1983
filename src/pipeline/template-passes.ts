import type { Block } from '../model/nodes.js';
import { fromMarkdown } from '../markdown/from-markdown.js';
import type { TemplateContext } from '../templates/context.js';
import type { TemplateSet } from '../templates/load.js';
import {
  renderFrontMatter,
  renderTemplate,
  type RenderedFrontMatter,
  type RenderedTemplate,
} from '../templates/render.js';
import { prepareBlocks } from '../transform/prepare.js';
import { PassList, type Pass } from './passes.js';

/** A template to turn into model blocks: the document, its annex or its traceability table. */
export interface TemplateSource {
  readonly templates: TemplateSet;
  /** The template's key in the set, e.g. `secure-operation` or `secure-operation/annex`. */
  readonly key: string;
  /** The device file as shown to the user (for diagnostics). */
  readonly file: string;
  /** The context the front matter starts from. */
  readonly start: TemplateContext;
  /** Turns the rendered `number` pattern into the document's number; absent: `start` is final. */
  readonly resolveNumber?: (rendered: string | undefined) => string;
}

/** Front matter, rendered once; its context (number and title resolved) is the body's. */
export const frontMatterPass: Pass<TemplateSource, { readonly front: RenderedFrontMatter }> = {
  name: 'front-matter',
  run: (s) => {
    const front = renderFrontMatter(s.templates, s.key, s.start, s.resolveNumber);
    return { value: { front: front.value }, diagnostics: front.diagnostics };
  },
};

/** The template's body → Markdown with placeholder markers and a line map. */
export const bodyPass: Pass<
  TemplateSource & { readonly front: RenderedFrontMatter },
  { readonly rendered: RenderedTemplate }
> = {
  name: 'template',
  run: (s) => {
    const rendered = renderTemplate(s.templates, s.key, s.front.context, { value: s.front, diagnostics: [] });
    return { value: { rendered: rendered.value }, diagnostics: rendered.diagnostics };
  },
};

/** Markdown → model blocks. */
export const markdownPass: Pass<
  { readonly file: string; readonly rendered: RenderedTemplate },
  { readonly parsed: readonly Block[] }
> = {
  name: 'markdown',
  run: (s) => {
    const parsed = fromMarkdown(s.rendered.markdown, s.file, s.rendered.lines);
    return { value: { parsed: parsed.value }, diagnostics: parsed.diagnostics };
  },
};

/** Unique heading ids and section numbers (transform). */
export const preparePass: Pass<{ readonly parsed: readonly Block[] }, { readonly body: readonly Block[] }> = {
  name: 'prepare',
  run: (s) => ({ value: { body: prepareBlocks(s.parsed) }, diagnostics: [] }),
};

/** Template → model for a companion document (the annex): the same passes as a document's. */
export const TEMPLATE_PASSES = PassList.start<TemplateSource>()
  .then(frontMatterPass)
  .then(bodyPass)
  .then(markdownPass)
  .then(preparePass);
