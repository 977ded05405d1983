import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Document } from '../model/nodes.js';
import type { RenderOptions } from '../render/options.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { decideApplicability } from '../regulatory/applicability.js';
import { DOC_TYPES, type Catalogue, type DocType } from '../regulatory/catalogue.js';
import { referencesToConfirm, type CoverageReport } from '../regulatory/coverage.js';
import type { Data } from '../regulatory/data-path.js';
import { printedReference } from '../regulatory/traceability.js';
import { prepareSbomData } from './sbom.js';
import type { TemplateSet } from '../templates/load.js';
import { DEFAULT_LIMITS, type Limits } from '../data/limits.js';
import type { SourceRef } from '../source/position.js';
import { errnoText } from '../source/read-file.js';
import { xmlSafeDocument } from '../transform/xml-safe.js';
import { loadAssets, type AssetSearch } from './assets.js';
import { buildDocument } from './build-document.js';
import { cleanData } from './clean-data.js';
import { finalGaps, finalReport, type Locate } from './final-check.js';
import type { DocumentGaps } from '../regulatory/missing.js';
import { imageLocator } from './image-locator.js';
import { fieldContaining } from './field-containing.js';
import { unverifiedReferencesWarning } from './reference-check.js';

/** The document types `generate` can make (the CLI's `--doc` choices). */
export { DOC_TYPES };

export const FORMATS = ['docx', 'pdf'] as const;
export type Format = (typeof FORMATS)[number];

export interface GenerateOptions {
  /** Requested document types; undefined: every type that applies to the product. */
  readonly docTypes?: readonly DocType[] | undefined;
  readonly formats: readonly Format[];
  readonly outDir: string;
  readonly final: boolean;
  readonly sourceDateEpoch?: string | undefined;
  /** Image size and time limits (default DEFAULT_LIMITS). */
  readonly limits?: Pick<Limits, 'imageBytes' | 'imagePixels' | 'productSeconds'> | undefined;
}

export interface ProductInput {
  /** The device file as shown to the user. */
  readonly file: string;
  readonly productId: string;
  readonly data: Data;
  /** Where the product's images are looked for. */
  readonly assets: Omit<AssetSearch, 'file' | 'locate' | 'limits'>;
  /** Where a field of the data was written, for diagnostics about missing fields. */
  readonly locate?: Locate;
}

export interface GeneratedFile {
  readonly path: string;
  readonly docType: DocType;
  readonly format: Format;
  readonly placeholders: number;
  /**
   * Set for a companion file of the document: `traceability` for `<doc-type>.traceability.pdf`,
   * `annex` for the IT and security annex of a lay guide, `<doc-type>-annex.pdf`.
   */
  readonly part?: 'traceability' | 'annex';
}

export interface ProductResult {
  readonly written: readonly GeneratedFile[];
  readonly skipped: readonly { docType: DocType; reason: string }[];
  readonly diagnostics: readonly Diagnostic[];
  /** true when --final refused at least one document. */
  readonly refused: boolean;
  /** The TBDs of the documents --final refused (they are not among `written`). */
  readonly refusedPlaceholders: number;
}

/**
 * Every requested document of one product, in both formats. A document is rendered in
 * full before anything is written, and each file is written atomically by `write`.
 */
export async function generateProduct(input: {
  readonly product: ProductInput;
  readonly templates: TemplateSet;
  readonly catalogue: Catalogue;
  readonly options: GenerateOptions;
  readonly write: (path: string, bytes: Uint8Array) => void;
}): Promise<ProductResult> {
  const { product, options } = input;
  const limits = options.limits ?? DEFAULT_LIMITS;
  // A monotonic timer, used only to stop: it never reaches the output.
  const started = performance.now();
  const diagnostics: Diagnostic[] = [];
  const cleaned = cleanData(product.data, product.file, product.locate);
  diagnostics.push(...cleaned.diagnostics);
  const data = cleaned.data;
  const applicability = decideApplicability(data);
  const written: GeneratedFile[] = [];
  const skipped: { docType: DocType; reason: string }[] = [];
  let refused = false;
  // --final reports each missing field once for the whole product, so gaps are collected first.
  const gaps: DocumentGaps[] = [];
  const result = (): ProductResult => ({
    written,
    skipped,
    diagnostics: diagnostics.map((d) => placed(d, product.locate)),
    refused,
    refusedPlaceholders: gaps.reduce((sum, g) => sum + g.placeholders.length, 0),
  });
  // SBOM and VEX files named in the data become plain template data; findings are diagnostics.
  const sbom = prepareSbomData({
    data,
    file: product.file,
    dirs: product.assets.dirs,
    root: product.assets.projectRoot,
    docTypes: options.docTypes ?? DOC_TYPES,
    final: options.final,
    sourceDateEpoch: options.sourceDateEpoch,
    applicability,
    locate: product.locate,
  });
  diagnostics.push(...sbom.diagnostics);
  if (hasErrors(sbom.diagnostics)) {
    refused = !sbom.failed;
    return result();
  }
  // What renderers report about a document they still render (a character the PDF fonts lack, say).
  const warnings = {
    onWarning: (w: Diagnostic) => diagnostics.push({ ...w, source: w.source ?? { file: product.file } }),
    fieldOf: (text: string) => fieldContaining(data, text),
  };
  const reports: CoverageReport[] = [];
  for (const docType of options.docTypes ?? DOC_TYPES) {
    const decision = applicability.documents[docType];
    if (!decision.applies) {
      skipped.push({ docType, reason: decision.reason });
      continue;
    }
    if ((performance.now() - started) / 1000 > limits.productSeconds) {
      diagnostics.push(timeLimit(product.file, docType, limits.productSeconds));
      return result();
    }
    let built: ReturnType<typeof buildDocument>;
    try {
      built = buildDocument({
        file: product.file,
        data: sbom.data,
        docType,
        templates: input.templates,
        catalogue: input.catalogue,
        applicability,
        final: options.final,
        sourceDateEpoch: options.sourceDateEpoch,
      });
    } catch (error) {
      // A template construct the checks did not foresee (deep recursion, say): a template
      // error for this document, not a crash of the run.
      diagnostics.push(templateFailure(input.templates, docType, error));
      continue;
    }
    diagnostics.push(...built.diagnostics);
    if (!built.value || hasErrors(built.diagnostics)) continue;
    reports.push(built.value.coverage);
    if (options.final) {
      const open = finalGaps(built.value);
      if (open) {
        gaps.push(open);
        refused = true;
        continue;
      }
      const status = built.value.document.meta.status;
      if (/draft/i.test(status)) diagnostics.push(draftStatusWarning(docType, status, product));
    }
    // Template text may carry characters XML forbids too (data was cleaned above, with warnings).
    const document = xmlSafeDocument(built.value.document).document;
    const annex = built.value.annex ? xmlSafeDocument(built.value.annex).document : undefined;
    const images = loadAssets([...document.children, ...(annex?.children ?? [])], {
      ...product.assets,
      file: product.file,
      locate: imageLocator(data, product.locate),
      limits,
    });
    diagnostics.push(...images.diagnostics);
    if (hasErrors(images.diagnostics)) continue;
    for (const format of options.formats) {
      // Let the event loop turn between documents: a Ctrl-C or SIGTERM is handled here,
      // not only when the whole run is over (rendering otherwise chains only microtasks).
      await new Promise((resolve) => setImmediate(resolve));
      let render: Renderer;
      let bytes: Uint8Array;
      try {
        render = await renderer(format);
        bytes = await render(document, { assets: images.assets, ...warnings });
      } catch (error) {
        diagnostics.push(renderFailure(product.file, docType, format, error));
        continue;
      }
      const path = join(options.outDir, product.productId, `${docType}.${format}`);
      try {
        input.write(path, bytes);
      } catch (error) {
        // Disk full, no permission: stop this product and say which file; what was written stays listed.
        diagnostics.push(writeFailure(path, error, product.locate?.('product.id') ?? { file: product.file }));
        return result();
      }
      const annexTbd = built.value.annexPlaceholders;
      written.push({ path, docType, format, placeholders: built.value.placeholders.length - annexTbd });
      // The IT and security annex of a lay guide is its own file beside the guide.
      if (annex) {
        const annexPath = join(options.outDir, product.productId, `${docType}-annex.${format}`);
        try {
          input.write(annexPath, await render(annex, { assets: images.assets, ...warnings, name: `${docType}-annex` }));
        } catch (error) {
          diagnostics.push(writeFailure(annexPath, error, product.locate?.('product.id') ?? { file: product.file }));
          return result();
        }
        written.push({ path: annexPath, docType, format, placeholders: annexTbd, part: 'annex' });
      }
    }
    const traceability = built.value.traceability;
    if (traceability) {
      const record = xmlSafeDocument(traceability).document;
      for (const format of options.formats) {
        const path = join(options.outDir, product.productId, `${docType}.traceability.${format}`);
        try {
          input.write(path, await (await renderer(format))(record, warnings));
        } catch (error) {
          diagnostics.push(writeFailure(path, error, product.locate?.('product.id') ?? { file: product.file }));
          return result();
        }
        written.push({ path, docType, format, placeholders: 0, part: 'traceability' });
      }
    }
  }
  diagnostics.push(...finalReport(gaps, input.catalogue, product.file, product.locate));
  if (options.final) {
    const regulation = applicability.facts.deviceRegulation;
    const refs = referencesToConfirm(reports, input.catalogue, (c) => printedReference(c, regulation));
    const warning = unverifiedReferencesWarning(refs, product.file);
    if (warning) diagnostics.push(warning);
  }
  return result();
}

/**
 * A diagnostic about a data field that has no position yet (a missing document date, say)
 * is placed where the nearest written ancestor of that field is.
 */
function placed(d: Diagnostic, locate: Locate | undefined): Diagnostic {
  if (d.source?.range || d.fieldPath === undefined || !locate || d.source?.file === undefined) return d;
  const parts = d.fieldPath.split('.');
  for (let n = parts.length; n >= 0; n--) {
    const at = locate(parts.slice(0, n).join('.'));
    if (at?.range) return { ...d, source: at };
  }
  return d;
}

function timeLimit(file: string, docType: DocType, seconds: number): Diagnostic {
  return {
    severity: 'error',
    code: 'generate/time-limit',
    message: `stopped before ${docType}: building this product's documents took longer than ${seconds} s`,
    source: { file },
    hints: ['check the data for very long texts or lists, or raise the limit with --max-seconds'],
  };
}

function templateFailure(templates: TemplateSet, docType: DocType, error: unknown): Diagnostic {
  const file = templates.documents.get(docType)?.file ?? templates.dir;
  const stack = error instanceof RangeError && /call stack/i.test(error.message);
  return {
    severity: 'error',
    code: 'template/render-failed',
    message: stack
      ? `the ${docType} template nests too deeply (a partial or block that never ends)`
      : `the ${docType} template failed: ${error instanceof Error ? error.message : String(error)}`,
    source: { file, range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } } },
    hints: ['check the partials this document includes for a loop'],
  };
}

function renderFailure(file: string, docType: DocType, format: Format, error: unknown): Diagnostic {
  return {
    severity: 'error',
    code: 'render/failed',
    message: `the ${docType} ${format.toUpperCase()} could not be rendered: ${error instanceof Error ? error.message : String(error)}`,
    source: { file },
    hints: ['check the images and very long texts of this product'],
  };
}

export function writeFailure(path: string, error: unknown, source: SourceRef): Diagnostic {
  return {
    severity: 'error',
    code: 'output/write-failed',
    message: `could not write \`${path}\`: ${errnoText(error)}`,
    source,
    hints: [
      'check that the output folder is writable and the disk has space; the files listed as written are complete',
    ],
  };
}

/** A release build whose document-control status still says "Draft" contradicts itself. */
function draftStatusWarning(docType: DocType, status: string, product: ProductInput): Diagnostic {
  const own = `documents.${docType}.status`;
  const at = product.locate?.(own) ?? product.locate?.('documents.defaults.status');
  return {
    severity: 'warning',
    code: 'final/draft-status',
    message: `${docType}: built with --final, but its status is \`${status}\``,
    source: at ?? { file: product.file },
    fieldPath: at && product.locate?.(own) ? own : 'documents.defaults.status',
    hints: [`set \`${own}\` (or \`documents.defaults.status\`) to the released status, e.g. \`Released\``],
  };
}

type Renderer = (doc: Document, options: RenderOptions) => Promise<Uint8Array>;

/** Loads the renderers of `formats` ahead of the first document (a worker warming up). */
export async function loadRenderers(formats: readonly Format[]): Promise<void> {
  await Promise.all(formats.map(renderer));
}

/**
 * The renderer of a format, loaded on first use: a DOCX-only run does not load pdfkit, its
 * fonts and hyphenation, nor a PDF-only run the docx package.
 */
async function renderer(format: Format): Promise<Renderer> {
  return format === 'docx'
    ? (await import('../render/docx/index.js')).renderDocx
    : (await import('../render/pdf/index.js')).renderPdf;
}
