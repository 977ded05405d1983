import type { Result } from '../diagnostics/diagnostic.js';
import type { Block } from '../model/nodes.js';
import type { SectionRef } from '../regulatory/coverage.js';
import type { TemplateContext } from '../templates/context.js';
import type { TemplateSet } from '../templates/load.js';
import type { FrontMatter } from '../templates/front-matter.js';
import { TEMPLATE_PASSES } from './template-passes.js';

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
  const built = TEMPLATE_PASSES.run({
    templates: input.templates,
    key: input.key,
    file: input.file,
    start: input.context(input.guideNumber, ''),
    resolveNumber: (rendered) => rendered ?? `${input.guideNumber}-A`,
  });
  if (!built.value) return { value: undefined, diagnostics: built.diagnostics };
  const { front, rendered, body } = built.value;
  const label = front.context.meta.title;
  const sections = input.sectionsOf(body).map((s) => ({
    ...s,
    id: `annex-${s.id}`,
    title: `${label}, ${s.number !== undefined ? `${s.number} ` : ''}${s.title}`,
  }));
  return {
    value: {
      number: front.context.meta.number,
      frontMatter: rendered.frontMatter,
      blocks: body,
      sections: sections.map(({ number: _n, ...rest }) => rest),
      placeholders: rendered.placeholders,
    },
    diagnostics: built.diagnostics,
  };
}
