import type { Result } from '../diagnostics/diagnostic.js';
import type { Block } from '../model/nodes.js';
import { fromMarkdown } from '../markdown/from-markdown.js';
import type { SectionRef } from '../regulatory/coverage.js';
import type { TemplateContext } from '../templates/context.js';
import type { TemplateSet } from '../templates/load.js';
import type { FrontMatter } from '../templates/front-matter.js';
import { renderFrontMatter, renderTemplate } from '../templates/render.js';
import { prepareBlocks } from '../transform/prepare.js';

export interface BuiltAnnex {
  readonly number: string;
  readonly frontMatter: FrontMatter;
  readonly blocks: readonly Block[];
  /** Its sections as the main document's coverage sees them: named as annex sections. */
  readonly sections: readonly SectionRef[];
  readonly placeholders: readonly { field: string; label: string }[];
}

/**
 * Renders `<doc-type>/annex.md` when the template set has it (undefined value otherwise). Its
 * front matter sees the main document's number (`{{doc "number"}}`), so the annex can be
 * numbered after it; the annex has no traceability appendix of its own, because its sections
 * are traced in the main document's.
 */
export function buildAnnex(input: {
  readonly templates: TemplateSet;
  readonly key: string;
  readonly file: string;
  readonly context: (number: string, title: string) => TemplateContext;
  readonly guideNumber: string;
  readonly sectionsOf: (blocks: readonly Block[]) => SectionRef[];
}): Result<BuiltAnnex | undefined> {
  if (!input.templates.documents.has(input.key)) return { value: undefined, diagnostics: [] };
  const front = renderFrontMatter(input.templates, input.key, input.context(input.guideNumber, ''));
  const number = front.value.frontMatter.number ?? `${input.guideNumber}-A`;
  const rendered = renderTemplate(input.templates, input.key, input.context(number, front.value.frontMatter.title));
  const parsed = fromMarkdown(rendered.value.markdown, input.file, rendered.value.lines);
  const blocks = prepareBlocks(parsed.value);
  const label = front.value.frontMatter.title;
  const sections = input.sectionsOf(blocks).map((s) => ({ ...s, id: `annex-${s.id}`, title: `${label}, ${s.number !== undefined ? `${s.number} ` : ''}${s.title}` }));
  return {
    value: {
      number,
      frontMatter: rendered.value.frontMatter,
      blocks,
      sections: sections.map(({ number: _n, ...rest }) => rest),
      placeholders: rendered.value.placeholders,
    },
    diagnostics: [...front.diagnostics, ...rendered.diagnostics, ...parsed.diagnostics],
  };
}
