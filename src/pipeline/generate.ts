import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { renderDocx } from '../render/docx/index.js';
import { renderPdf } from '../render/pdf/index.js';
import { decideApplicability } from '../regulatory/applicability.js';
import { DOC_TYPES, type Catalogue, type DocType } from '../regulatory/catalogue.js';
import type { Data } from '../regulatory/data-path.js';
import type { TemplateSet } from '../templates/load.js';
import { loadAssets, type AssetSearch } from './assets.js';
import { buildDocument } from './build-document.js';
import { finalGaps, finalReport, type Locate } from './final-check.js';
import type { DocumentGaps } from '../regulatory/missing.js';

export const FORMATS = ['docx', 'pdf'] as const;
export type Format = (typeof FORMATS)[number];

export interface GenerateOptions {
  /** Requested document types; undefined: every type that applies to the product. */
  readonly docTypes?: readonly DocType[] | undefined;
  readonly formats: readonly Format[];
  readonly outDir: string;
  readonly final: boolean;
  readonly sourceDateEpoch?: string | undefined;
}

export interface ProductInput {
  /** The device file as shown to the user. */
  readonly file: string;
  readonly productId: string;
  readonly data: Data;
  /** Where the product's images are looked for. */
  readonly assets: Omit<AssetSearch, 'file'>;
  /** Where a field of the data was written, for diagnostics about missing fields. */
  readonly locate?: Locate;
}

export interface GeneratedFile {
  readonly path: string;
  readonly docType: DocType;
  readonly format: Format;
  readonly placeholders: number;
}

export interface ProductResult {
  readonly written: readonly GeneratedFile[];
  readonly skipped: readonly { docType: DocType; reason: string }[];
  readonly diagnostics: readonly Diagnostic[];
  /** true when --final refused at least one document. */
  readonly refused: boolean;
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
  const applicability = decideApplicability(product.data);
  const diagnostics: Diagnostic[] = [];
  const written: GeneratedFile[] = [];
  const skipped: { docType: DocType; reason: string }[] = [];
  let refused = false;
  // --final reports each missing field once for the whole product, so gaps are collected first.
  const gaps: DocumentGaps[] = [];
  for (const docType of options.docTypes ?? DOC_TYPES) {
    const decision = applicability.documents[docType];
    if (!decision.applies) {
      skipped.push({ docType, reason: decision.reason });
      continue;
    }
    const built = buildDocument({
      file: product.file,
      data: product.data,
      docType,
      templates: input.templates,
      catalogue: input.catalogue,
      applicability,
      final: options.final,
      sourceDateEpoch: options.sourceDateEpoch,
    });
    diagnostics.push(...built.diagnostics);
    if (!built.value || hasErrors(built.diagnostics)) continue;
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
    const images = loadAssets(built.value.document.children, { ...product.assets, file: product.file });
    diagnostics.push(...images.diagnostics);
    for (const format of options.formats) {
      const render = format === 'docx' ? renderDocx : renderPdf;
      const bytes = await render(built.value.document, { assets: images.assets });
      const path = join(options.outDir, product.productId, `${docType}.${format}`);
      input.write(path, bytes);
      written.push({ path, docType, format, placeholders: built.value.placeholders.length });
    }
  }
  diagnostics.push(...finalReport(gaps, input.catalogue, product.file, product.locate));
  return { written, skipped, diagnostics, refused };
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
