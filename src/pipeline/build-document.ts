import type { Diagnostic, Result } from '../diagnostics/diagnostic.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import type { Block, Document } from '../model/nodes.js';
import { inlineText, walkBlocks } from '../model/text.js';
import { fromMarkdown } from '../markdown/from-markdown.js';
import type { Applicability } from '../regulatory/applicability.js';
import type { Catalogue, DocType } from '../regulatory/catalogue.js';
import { referenceFor } from '../regulatory/citation.js';
import { computeCoverage, type CoverageReport, type SectionRef } from '../regulatory/coverage.js';
import type { Data } from '../regulatory/data-path.js';
import { missingForDocument } from '../regulatory/field-requirements.js';
import { regulationTitle, templateDecisions } from '../regulatory/template-decisions.js';
import { traceabilityPlacement, traceabilityView } from '../regulatory/traceability.js';
import { fieldLabel, isYesNoField } from '../schema/device-schema.js';
import { valueLabel } from '../schema/value-labels.js';
import type { TemplateContext } from '../templates/context.js';
import type { TemplateSet } from '../templates/load.js';
import { renderFrontMatter, renderTemplate } from '../templates/render.js';
import { prepareBlocks } from '../transform/prepare.js';
import { buildAnnex } from './build-annex.js';
import { itAnnexDecision } from './annex.js';
import { buildMeta, readDocumentControl } from './document-meta.js';
import { provenanceOf } from './provenance.js';
import { renderTraceability, traceabilityDocument } from './traceability-document.js';

export interface BuildRequest {
  /** The device file as shown to the user (for diagnostics). */
  readonly file: string;
  readonly data: Data;
  readonly docType: DocType;
  readonly templates: TemplateSet;
  readonly catalogue: Catalogue;
  readonly applicability: Applicability;
  readonly final: boolean;
  readonly sourceDateEpoch?: string | undefined;
}

export interface BuiltDocument {
  readonly document: Document;
  readonly coverage: CoverageReport;
  /** Every missing value shown as TBD, in document order (document control first). */
  readonly placeholders: readonly { field: string; label: string }[];
  /**
   * The traceability record as a file of its own, for documents handed to patients, consumers,
   * hospital IT or AI deployers; undefined when the table is the document's last chapter.
   */
  readonly traceability?: Document;
  /**
   * The companion annex (`<doc-type>/annex.md`) written beside the document, when the template
   * set has one and the data calls for it; its sections count toward this document's coverage.
   */
  readonly annex?: Document;
}

/** The sections of a document with the clauses they cite, for coverage. */
export function sectionsOf(blocks: readonly Block[]): SectionRef[] {
  const out: SectionRef[] = [];
  for (const b of walkBlocks(blocks)) {
    if (b.type !== 'heading') continue;
    out.push({ id: b.id, ...(b.number !== undefined ? { number: b.number } : {}), title: inlineText(b.children), clauses: b.clauses });
  }
  return out;
}

/**
 * One product, one document type: template → Markdown → model → coverage → traceability table
 * (the last chapter of cyber-techdoc, a separate record beside the documents for users).
 * Returns the document model ready for the renderers, or diagnostics.
 */
export function buildDocument(req: BuildRequest): Result<BuiltDocument | undefined> {
  const diagnostics: Diagnostic[] = [];
  const control = readDocumentControl(req.data, req.docType, req.file, req.sourceDateEpoch);
  diagnostics.push(...control.diagnostics);
  if (!control.value) return { value: undefined, diagnostics };

  // Values the document's clauses still need: `if` on one of them shows a TBD, not nothing.
  const needed = missingForDocument(req.catalogue, req.applicability, req.docType, req.data);
  const ctx = (number: string, title: string): TemplateContext => ({
    data: req.data,
    docType: req.docType,
    applicability: { ...templateDecisions(req.applicability), 'IT-annex': { ...itAnnexDecision(req.data), missing: [] } },
    regulation: req.applicability.facts.deviceRegulation
      ? { short: regulationTitle(req.applicability, 'short'), long: regulationTitle(req.applicability) }
      : undefined,
    clauseRef: (id) => {
      const c = req.catalogue.byId.get(id);
      if (!c) return undefined;
      const applies = req.applicability.clause(c, req.docType).applies;
      return { ref: c.ref, verified: c.verified, reference: referenceFor(c, req.applicability.facts.deviceRegulation), applies };
    },
    fieldLabel,
    valueLabel,
    meta: { title, number, version: control.value!.version, date: control.value!.date, status: control.value!.status },
    locale: control.value!.language,
    needed: (path) => (needed.has(path) ? (isYesNoField(path) ? 'yes-no' : 'value') : undefined),
  });

  // The document number may come from the front matter's pattern, which itself needs a context.
  const front = renderFrontMatter(req.templates, req.docType, ctx(control.value.number ?? '', ''));
  diagnostics.push(...front.diagnostics);
  const number = control.value.number ?? front.value.frontMatter.number ?? req.docType;
  const rendered = renderTemplate(req.templates, req.docType, ctx(number, front.value.frontMatter.title));
  diagnostics.push(...rendered.diagnostics);
  if (hasErrors(diagnostics)) return { value: undefined, diagnostics };

  const parsed = fromMarkdown(rendered.value.markdown, req.file, rendered.value.lines);
  diagnostics.push(...parsed.diagnostics);
  const body = prepareBlocks(parsed.value);
  const annex = itAnnexDecision(req.data).applies
    ? buildAnnex({ templates: req.templates, key: `${req.docType}/annex`, file: req.file, context: (n, t) => ctx(n, t), guideNumber: number, sectionsOf })
    : undefined;
  if (annex) diagnostics.push(...annex.diagnostics);
  const sections = [...sectionsOf(body), ...(annex?.value?.sections ?? [])];
  const coverage = computeCoverage({
    catalogue: req.catalogue,
    applicability: req.applicability,
    doc: req.docType,
    data: req.data,
    sections,
  });
  const separate = traceabilityPlacement(req.docType) === 'separate';
  const view = traceabilityView({
    report: coverage,
    catalogue: req.catalogue,
    regulation: req.applicability.facts.deviceRegulation,
    sections,
    separate,
    label: fieldLabel,
  });
  const table = renderTraceability(req.templates, ctx(number, front.value.frontMatter.title), view, req.file);
  diagnostics.push(...table.diagnostics);
  if (!table.value || hasErrors(diagnostics)) return { value: undefined, diagnostics };
  const blocks = prepareBlocks(separate ? body : [...body, { type: 'pageBreak' }, ...table.value.blocks]);
  const meta = {
    ...buildMeta({
      data: req.data,
      docType: req.docType,
      control: control.value,
      frontMatter: rendered.value.frontMatter,
      number,
      final: req.final,
    }),
    provenance: provenanceOf(req.data, req.templates.fingerprint),
  };
  return {
    value: {
      document: { type: 'document', meta, children: blocks },
      coverage,
      placeholders: [...control.value.placeholders, ...rendered.value.placeholders, ...(annex?.value?.placeholders ?? [])],
      ...(separate ? { traceability: traceabilityDocument(meta, table.value) } : {}),
      ...(annex?.value
        ? {
            annex: {
              type: 'document' as const,
              meta: {
                ...buildMeta({ data: req.data, docType: req.docType, control: control.value, frontMatter: annex.value.frontMatter, number: annex.value.number, final: req.final }),
                provenance: meta.provenance,
              },
              children: annex.value.blocks,
            },
          }
        : {}),
    },
    diagnostics,
  };
}
