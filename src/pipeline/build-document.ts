import type { Result } from '../diagnostics/diagnostic.js';
import type { Block, Document, DocumentMeta, Fingerprints } from '../model/nodes.js';
import { inlineText, walkBlocks } from '../model/text.js';
import type { Applicability } from '../regulatory/applicability.js';
import type { Catalogue, DocType } from '../regulatory/catalogue.js';
import { referenceFor } from '../regulatory/citation.js';
import { computeCoverage, type CoverageReport, type SectionRef } from '../regulatory/coverage.js';
import type { Data } from '../regulatory/data-path.js';
import { missingForDocument } from '../regulatory/field-requirements.js';
import { authorisedRepDecision } from './authorised-rep.js';
import { networkDecision, regulationTitle, templateDecisions } from '../regulatory/template-decisions.js';
import { traceabilityPlacement, traceabilityView } from '../regulatory/traceability.js';
import { fieldLabel, isYesNoField } from '../schema/device-schema.js';
import { valueWording } from '../schema/value-wording.js';
import type { TemplateContext } from '../templates/context.js';
import type { TemplateSet } from '../templates/load.js';
import type { RenderedFrontMatter, RenderedTemplate } from '../templates/render.js';
import { appendPrepared } from '../transform/prepare.js';
import { buildAnnex, type BuiltAnnex } from './build-annex.js';
import { itAnnexDecision } from './annex.js';
import { buildMeta, readDocumentControl, type DocumentControl } from './document-meta.js';
import { PassList, type Pass } from './passes.js';
import { fingerprintsOf } from './fingerprints.js';
import { bodyPass, frontMatterPass, markdownPass, preparePass, type TemplateSource } from './template-passes.js';
import { renderTraceability, traceabilityDocument, type RenderedTraceability } from './traceability-document.js';

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
  /** Every missing value shown as TBD, in document order (document control first), the annex's last. */
  readonly placeholders: readonly { field: string; label: string }[];
  /** How many of `placeholders` are the annex's (they are shown in the annex file, not the document). */
  readonly annexPlaceholders: number;
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
    out.push({
      id: b.id,
      ...(b.number !== undefined ? { number: b.number } : {}),
      title: inlineText(b.children),
      clauses: b.clauses,
    });
  }
  return out;
}

// What the build knows after each pass: the request, then each pass's own part added.
type Control = { readonly control: DocumentControl };
type Context = Pick<TemplateSource, 'key' | 'start' | 'resolveNumber'> & {
  readonly context: (number: string, title: string) => TemplateContext;
};
type Sourced = BuildRequest & Control & Context;
type Bodied = Sourced & {
  readonly front: RenderedFrontMatter;
  readonly rendered: RenderedTemplate;
  readonly body: readonly Block[];
};
type Annexed = Bodied & { readonly annex?: BuiltAnnex };
type Covered = Annexed & {
  readonly coverage: CoverageReport;
  readonly sections: readonly SectionRef[];
  readonly separate: boolean;
};
type Traced = Covered & { readonly table: RenderedTraceability };

/** Document control from the data; no document without a date. */
const controlPass: Pass<BuildRequest, Control> = {
  name: 'document-control',
  run: (req) => {
    const control = readDocumentControl(req.data, req.docType, req.file, req.sourceDateEpoch);
    return { value: control.value ? { control: control.value } : undefined, diagnostics: control.diagnostics };
  },
};

/** The template context: applicability, citations, labels, and the values the clauses still need. */
const contextPass: Pass<BuildRequest & Control, Context> = {
  name: 'template-context',
  run: (req) => {
    // Values the document's clauses still need: `if` on one of them shows a TBD, not nothing.
    const needed = missingForDocument(req.catalogue, req.applicability, req.docType, req.data);
    const { control } = req;
    const context = (number: string, title: string): TemplateContext => ({
      data: req.data,
      docType: req.docType,
      applicability: {
        ...templateDecisions(req.applicability),
        'IT-annex': { ...itAnnexDecision(req.data), missing: [] },
        'authorised-rep': authorisedRepDecision(req.data, req.applicability),
        network: networkDecision(req.data),
      },
      regulation: req.applicability.facts.deviceRegulation
        ? { short: regulationTitle(req.applicability, 'short'), long: regulationTitle(req.applicability) }
        : undefined,
      clauseRef: (id) => {
        const c = req.catalogue.byId.get(id);
        if (!c) return undefined;
        const applies = req.applicability.clause(c, req.docType).applies;
        return {
          ref: c.ref,
          verified: c.verified,
          reference: referenceFor(c, req.applicability.facts.deviceRegulation),
          applies,
        };
      },
      fieldLabel,
      valueWording,
      meta: { title, number, version: control.version, date: control.date, status: control.status },
      locale: control.language,
      needed: (path) => (needed.has(path) ? (isYesNoField(path) ? 'yes-no' : 'value') : undefined),
    });
    // The document number may come from the front matter's pattern, which itself sees the context.
    const value = {
      context,
      key: req.docType,
      start: context(control.number ?? '', ''),
      resolveNumber: (rendered: string | undefined) => control.number ?? rendered ?? req.docType,
    };
    return { value, diagnostics: [] };
  },
};

/** The companion annex, when the template set has one and the data calls for it. */
const annexPass: Pass<Bodied, { readonly annex?: BuiltAnnex }> = {
  name: 'annex',
  run: (s) => {
    if (!itAnnexDecision(s.data).applies) return { value: {}, diagnostics: [] };
    const annex = buildAnnex({
      templates: s.templates,
      key: `${s.docType}/annex`,
      file: s.file,
      context: s.context,
      guideNumber: s.front.context.meta.number,
      sectionsOf,
    });
    return { value: annex.value ? { annex: annex.value } : {}, diagnostics: annex.diagnostics };
  },
};

/** Which clauses the sections (the annex's included) address. */
const coveragePass: Pass<Annexed, Omit<Covered, keyof Annexed>> = {
  name: 'coverage',
  run: (s) => {
    const sections = [...sectionsOf(s.body), ...(s.annex?.sections ?? [])];
    const coverage = computeCoverage({
      catalogue: s.catalogue,
      applicability: s.applicability,
      doc: s.docType,
      data: s.data,
      sections,
    });
    return {
      value: { coverage, sections, separate: traceabilityPlacement(s.docType) === 'separate' },
      diagnostics: [],
    };
  },
};

/** The traceability table, worded by its template. */
const traceabilityPass: Pass<Covered, { readonly table: RenderedTraceability }> = {
  name: 'traceability',
  run: (s) => {
    const view = traceabilityView({
      report: s.coverage,
      catalogue: s.catalogue,
      regulation: s.applicability.facts.deviceRegulation,
      sections: s.sections,
      separate: s.separate,
      label: fieldLabel,
    });
    const table = renderTraceability(s.templates, s.front.context, view, s.file);
    return { value: table.value ? { table: table.value } : undefined, diagnostics: table.diagnostics };
  },
};

/** The table as the document's last chapter, after a page break (transform), unless it is a record of its own. */
const appendixPass: Pass<Traced, { readonly blocks: readonly Block[] }> = {
  name: 'traceability-appendix',
  run: (s) => ({
    value: { blocks: s.separate ? s.body : appendPrepared(s.body, [{ type: 'pageBreak' }, ...s.table.blocks]) },
    diagnostics: [],
  }),
};

/** Title page, headers and file properties; fingerprints of the data and templates. */
const metaPass: Pass<Traced, { readonly meta: DocumentMeta & { readonly fingerprints: Fingerprints } }> = {
  name: 'meta',
  run: (s) => {
    const meta = {
      ...buildMeta({
        data: s.data,
        docType: s.docType,
        control: s.control,
        frontMatter: s.rendered.frontMatter,
        number: s.front.context.meta.number,
        final: s.final,
      }),
      fingerprints: fingerprintsOf(s.data, s.templates.fingerprint),
    };
    return { value: { meta }, diagnostics: [] };
  },
};

/**
 * One product, one document type, as a list of passes each run once: document control →
 * template context → front matter → template → Markdown → model (ids, numbers) → annex →
 * coverage → traceability table → appendix → meta. The traceability table is the last
 * chapter of cyber-techdoc, a separate record beside the documents for users.
 */
export const DOCUMENT_PASSES = PassList.start<BuildRequest>()
  .then(controlPass)
  .then(contextPass)
  .then(frontMatterPass)
  .then(bodyPass, { haltOnErrors: true })
  .then(markdownPass)
  .then(preparePass)
  .then(annexPass)
  .then(coveragePass)
  .then(traceabilityPass, { haltOnErrors: true })
  .then(appendixPass)
  .then(metaPass);

/** Returns the document model ready for the renderers, or diagnostics. `onPass` hears each pass as it starts. */
export function buildDocument(req: BuildRequest, onPass?: (name: string) => void): Result<BuiltDocument | undefined> {
  const built = DOCUMENT_PASSES.run(req, onPass);
  const s = built.value;
  if (!s) return { value: undefined, diagnostics: built.diagnostics };
  const { meta, annex } = s;
  return {
    value: {
      document: { type: 'document', meta, children: [...s.blocks] },
      coverage: s.coverage,
      placeholders: [...s.control.placeholders, ...s.rendered.placeholders, ...(annex?.placeholders ?? [])],
      annexPlaceholders: annex?.placeholders.length ?? 0,
      ...(s.separate ? { traceability: traceabilityDocument(meta, s.table) } : {}),
      ...(annex
        ? {
            annex: {
              type: 'document' as const,
              meta: {
                ...buildMeta({
                  data: s.data,
                  docType: s.docType,
                  control: s.control,
                  frontMatter: annex.frontMatter,
                  number: annex.number,
                  final: s.final,
                }),
                fingerprints: meta.fingerprints,
              },
              children: [...annex.blocks],
            },
          }
        : {}),
    },
    diagnostics: built.diagnostics,
  };
}
