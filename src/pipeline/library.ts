import { dirname, resolve } from 'node:path';
import { defaultDeviceSchema } from './default-schema.js';
import { loadDevice as loadDeviceWith, type LoadedDevice } from '../data/device.js';
import type { InheritHost } from '../data/inherit.js';
import { DEFAULT_LIMITS, type Limits } from '../data/limits.js';
import { nodeHost } from '../data/node-host.js';
import type { DeviceData, DeviceSchema } from '../data/validate.js';
import { hasErrors, type Diagnostic, type Result } from '../diagnostics/diagnostic.js';
import { decideApplicability, describeDecision } from '../regulatory/applicability.js';
import { DOC_TYPES, type Catalogue, type DocType } from '../regulatory/catalogue.js';
import { loadCatalogue } from './catalogue.js';
import {
  referencesToConfirm,
  type CoverageEntry,
  type CoverageReport,
  type CoverageSummary,
  type ReferenceToConfirm,
} from '../regulatory/coverage.js';
import { INSTRUMENT_IDS, type InstrumentId } from '../regulatory/instruments.js';
import { rankMissing, type DocumentGaps, type MissingField, type UnaddressedClause } from '../regulatory/missing.js';
// The CLI words the ranked list with these; it reaches the regulatory stage only through the library.
export { describeMissing, summariseMissing } from '../regulatory/missing.js';
import { templateDecisions } from '../regulatory/template-decisions.js';
import { printedReference } from '../regulatory/traceability.js';
import { fieldLabel } from '../schema/device-schema.js';
import type { SourceRef } from '../source/position.js';
import type { TemplateSet } from '../templates/load.js';
import { loadTemplates } from './template-set.js';
import { buildDocument } from './build-document.js';
import { displayPath, projectRootFor } from './discover.js';
import { FORMATS, generateProduct, type Format, type GeneratedFile } from './generate.js';
import { defaultTemplatesDir } from './templates-dir.js';
import { writeFileAtomic } from './write-atomic.js';

/*
 * The library API: each function takes a path (or a device loaded before) and options that
 * all have defaults, and returns `{ value, diagnostics }`. User mistakes are diagnostics;
 * only bugs throw. Relative paths are resolved against `cwd` (default: the working directory).
 */

export interface LoadDeviceOptions {
  /** Folder relative paths are resolved against and shown relative to (default: the working directory). */
  readonly cwd?: string;
  /** Folder `extends` parents must lie in (default: `cwd` if it holds the file, else the file's folder). */
  readonly projectRoot?: string;
  readonly limits?: Limits;
  /** Where files are read from (default: the file system, confined to `projectRoot`). */
  readonly host?: InheritHost;
  /** The device schema (default: the one shipped with techfile). */
  readonly schema?: DeviceSchema;
}

/** Reads a device file and its `extends` chain, and validates it. The value is undefined only when a file cannot be read or parsed. */
export async function loadDevice(
  path: string,
  options: LoadDeviceOptions = {},
): Promise<Result<LoadedDevice | undefined>> {
  const cwd = options.cwd ?? resolve('.');
  const absolute = resolve(cwd, path);
  const host =
    options.host ??
    nodeHost(options.projectRoot ?? projectRootFor(absolute, cwd), cwd, options.limits ?? DEFAULT_LIMITS);
  return loadDeviceWith(absolute, host, options.schema ?? (await defaultDeviceSchema()));
}

// In its own module so that `techfile validate` loads no renderer.
export { validate, type FileValidation, type Validation } from './validate-files.js';

/** What coverage and generation need of a device; a `LoadedDevice` is one. */
export interface DeviceLike {
  /** The device file as shown to the user. */
  readonly file: string;
  readonly data: DeviceData;
  readonly abstract: boolean;
  readonly chain?: readonly string[];
  readonly provenance?: ReadonlyMap<string, SourceRef>;
}

export interface BuildOptions extends LoadDeviceOptions {
  /** The template set (default: the templates shipped with techfile, or `templatesDir`). */
  readonly templates?: TemplateSet;
  readonly templatesDir?: string;
  /** The clause catalogue (default: the one shipped with techfile). */
  readonly catalogue?: Catalogue;
  /** Document date when the data has none (seconds since 1970, as SOURCE_DATE_EPOCH); never the clock. */
  readonly sourceDateEpoch?: string;
}

export interface DocumentCoverage {
  readonly doc: DocType;
  readonly applies: boolean;
  readonly reason: string;
  readonly summary: CoverageSummary | null;
  readonly entries: readonly CoverageEntry[];
}

export interface Coverage {
  readonly product: string;
  readonly file: string;
  readonly abstract: boolean;
  readonly instruments: readonly { id: InstrumentId; applies: boolean; reason: string }[];
  readonly documents: readonly DocumentCoverage[];
  readonly referencesToConfirm: readonly ReferenceToConfirm[];
  /** The finer decisions documents print (CRA category and route, AI Act Art. 50, NIS2 by entity), with facts still missing. */
  readonly decisions: readonly { id: string; applies: boolean; reason: string; missing: readonly string[] }[];
  /** Each missing field once, the fields that unlock the most clauses first. */
  readonly missing: { readonly fields: readonly MissingField[]; readonly unaddressed: readonly UnaddressedClause[] };
}

export interface CoverageOptions extends BuildOptions {
  /** Default: every document type. */
  readonly docTypes?: readonly DocType[];
}

/** Per document type, the status of every catalogue clause for one product. Undefined when the device or a template has errors. */
export async function coverage(
  device: string | DeviceLike,
  options: CoverageOptions = {},
): Promise<Result<Coverage | undefined>> {
  const loaded = await deviceFrom(device, options);
  if (!loaded.value) return { value: undefined, diagnostics: loaded.diagnostics };
  const templates = templatesFrom(options);
  if (!templates.value) return { value: undefined, diagnostics: templates.diagnostics };
  const { data, file } = loaded.value;
  const catalogue = options.catalogue ?? loadCatalogue();
  const applicability = decideApplicability(data);
  const documents: DocumentCoverage[] = [];
  const diagnostics: Diagnostic[] = [];
  const reports: CoverageReport[] = [];
  const gaps: DocumentGaps[] = [];
  for (const doc of options.docTypes ?? DOC_TYPES) {
    const decision = applicability.documents[doc];
    if (!decision.applies) {
      documents.push({ doc, applies: false, reason: decision.reason, summary: null, entries: [] });
      continue;
    }
    let built: ReturnType<typeof buildDocument>;
    try {
      built = buildDocument({
        file,
        data,
        docType: doc,
        templates: templates.value,
        catalogue,
        applicability,
        final: false,
        sourceDateEpoch: options.sourceDateEpoch ?? '0',
      });
    } catch (error) {
      // A template construct the load-time checks did not foresee: a template error, not a crash.
      const at = templates.value.documents.get(doc)?.file ?? templates.value.dir;
      const start = { line: 1, column: 1 };
      diagnostics.push({
        severity: 'error',
        code: 'template/render-failed',
        message: `the ${doc} template failed: ${error instanceof Error ? error.message : String(error)}`,
        source: { file: at, range: { start, end: start } },
        hints: ['check the partials this document includes'],
      });
      continue;
    }
    diagnostics.push(...built.diagnostics);
    if (!built.value) continue;
    documents.push({
      doc,
      applies: true,
      reason: decision.reason,
      summary: built.value.coverage.summary,
      entries: built.value.coverage.entries,
    });
    gaps.push({ doc, entries: built.value.coverage.entries, placeholders: built.value.placeholders });
    reports.push(built.value.coverage);
  }
  if (hasErrors(diagnostics)) return { value: undefined, diagnostics };
  const regulation = applicability.facts.deviceRegulation;
  return {
    value: {
      product: String((data['product'] as { id?: unknown } | undefined)?.id ?? ''),
      file,
      abstract: loaded.value.abstract,
      instruments: INSTRUMENT_IDS.map((id) => ({
        id,
        applies: applicability.instruments[id].applies,
        reason: describeDecision(id, applicability.instruments[id]),
      })),
      documents,
      referencesToConfirm: referencesToConfirm(reports, catalogue, (c) => printedReference(c, regulation)),
      decisions: Object.entries(templateDecisions(applicability)).map(([id, d]) => ({
        id,
        applies: d.applies,
        reason: d.reason,
        missing: d.missing,
      })),
      missing: rankMissing(catalogue, gaps, fieldLabel),
    },
    diagnostics,
  };
}

export interface LibraryGenerateOptions extends BuildOptions {
  /** Files go to `<outDir>/<product.id>/<doc-type>.<format>` (relative to `cwd`). */
  readonly outDir: string;
  /** Default: every document type that applies to the product. */
  readonly docTypes?: readonly DocType[];
  /** Default: docx and pdf. */
  readonly formats?: readonly Format[];
  /** Release build: no DRAFT marking, and refuse any document that still has a TBD. */
  readonly final?: boolean;
}

export interface Generation {
  readonly written: readonly GeneratedFile[];
  readonly skipped: readonly { docType: DocType; reason: string }[];
  /** true when `final` refused at least one document. */
  readonly refused: boolean;
}

/** Writes the documents of one product (each file atomically). Undefined when the device is invalid or a product-line parent. */
export async function generate(
  device: string | DeviceLike,
  options: LibraryGenerateOptions,
): Promise<Result<Generation | undefined>> {
  const loaded = await deviceFrom(device, options);
  if (!loaded.value) return { value: undefined, diagnostics: loaded.diagnostics };
  const templates = templatesFrom(options);
  if (!templates.value) return { value: undefined, diagnostics: templates.diagnostics };
  const { data, file, provenance } = loaded.value;
  if (loaded.value.abstract)
    return { value: undefined, diagnostics: [abstractProduct(file, provenance?.get('abstract'))] };
  const cwd = options.cwd ?? resolve('.');
  const entry = resolve(cwd, file);
  const files = [entry, ...(loaded.value.chain ?? []).map((f) => resolve(cwd, f))];
  const result = await generateProduct({
    product: {
      file,
      productId: String((data['product'] as { id?: unknown } | undefined)?.id ?? ''),
      data,
      assets: {
        dirs: [...new Set(files.map((f) => dirname(f)))],
        projectRoot: options.projectRoot ?? projectRootFor(entry, cwd),
      },
      locate: (path) => provenance?.get(path),
    },
    templates: templates.value,
    catalogue: options.catalogue ?? loadCatalogue(),
    options: {
      docTypes: options.docTypes,
      formats: options.formats ?? FORMATS,
      outDir: resolve(cwd, options.outDir),
      final: options.final ?? false,
      sourceDateEpoch: options.sourceDateEpoch,
      limits: options.limits,
    },
    write: writeFileAtomic,
  });
  const { diagnostics, ...value } = result;
  return { value, diagnostics: [...loaded.diagnostics, ...diagnostics] };
}

/** The device as given, or loaded from its path; undefined (with the reasons) when it has errors. */
async function deviceFrom(
  device: string | DeviceLike,
  options: LoadDeviceOptions,
): Promise<Result<DeviceLike | undefined>> {
  if (typeof device !== 'string') return { value: device, diagnostics: [] };
  const loaded = await loadDevice(device, options);
  return { value: hasErrors(loaded.diagnostics) ? undefined : loaded.value, diagnostics: loaded.diagnostics };
}

function templatesFrom(options: BuildOptions): Result<TemplateSet | undefined> {
  if (options.templates) return { value: options.templates, diagnostics: [] };
  const cwd = options.cwd ?? resolve('.');
  const loaded = loadTemplates(
    options.templatesDir === undefined ? defaultTemplatesDir() : resolve(cwd, options.templatesDir),
    { displayPath: (f) => displayPath(cwd, f) },
  );
  return hasErrors(loaded.diagnostics) ? { value: undefined, diagnostics: loaded.diagnostics } : loaded;
}

function abstractProduct(file: string, at: SourceRef | undefined): Diagnostic {
  return {
    severity: 'error',
    code: 'generate/abstract-product',
    message: 'this file is a product-line parent (`abstract: true`), not a product: it has no documents of its own',
    source: at ?? { file },
    fieldPath: 'abstract',
    hints: ['generate one of the variants that extend it'],
  };
}

// What callers of the library (and the CLI) name in its options and results.
export type { Limits } from '../data/limits.js';
export type { ReferenceToConfirm } from '../regulatory/coverage.js';
