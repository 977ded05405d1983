import { existsSync } from 'node:fs';
import { join } from 'node:path';
// A portfolio run: which products the manifest lets skip, the others on the worker pool, the
// manifest kept up to date. What is printed about it is the caller's (PortfolioEvents).
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { startBatch, WORKER_HEAP_MB, type WorkerPool } from './batch.js';
import { FileHasher, manifestPath, pdfFontFiles, productInputs, templateFiles } from './manifest-inputs.js';
import {
  emptyManifest,
  MANIFEST_NAME,
  readManifest,
  sameBuild,
  sameInputs,
  writeManifest,
  type Manifest,
  type ProductEntry,
} from './manifest.js';
import type { GenerateOptions } from './generate.js';
import type { ProductJob, ProductJobResult } from './product-job.js';
import type { ProductReport } from './report.js';

/** A product to build, with what the manifest needs to know about it. */
export interface PortfolioItem {
  readonly job: ProductJob;
  /** The device file and each parent (absolute). */
  readonly deviceFiles: readonly string[];
  /** Strings of the product's data that may name a file (hashed as inputs when they do). */
  readonly fileNames: readonly string[];
  /** Warnings reported when the device file was loaded (shown before the run, counted with the product's). */
  readonly loadWarnings: number;
}

export interface PortfolioRun {
  readonly items: readonly PortfolioItem[];
  readonly outDir: string;
  readonly tool: string;
  /** The options that shape the output, as recorded in the manifest. */
  readonly options: Readonly<Record<string, unknown>>;
  readonly force: boolean;
  /** Worker threads opened by the caller (openPool); undefined: products are built in this thread. */
  readonly pool: WorkerPool | undefined;
  readonly secondsPerJob: number | undefined;
  /** Absolute working directory: device paths in the manifest are recorded relative to it. */
  readonly cwd: string;
  readonly events: PortfolioEvents;
}

/** What a portfolio run tells its caller as it goes, in this order: start, then per product, then stop. */
export interface PortfolioEvents {
  /** The skip decisions are made: `total` products, of which some may already count as done. */
  start(total: number): void;
  /** A file of a built product was written (absolute path), with its TBD placeholders. */
  fileWritten(path: string, placeholders: number): void;
  /** A document type of a built product did not apply to it. */
  typeSkipped(productId: string, docType: string, reason: string): void;
  /** A product finished: `done` products of the total (skipped ones included), a one-line status, documents written. */
  productDone(done: number, line: string, documents: number): void;
  /** Every product has finished (before the manifest is written for the last time). */
  stop(): void;
}

/** A product whose worker failed: a bug or a crash, or the time limit was hit. */
export interface WorkerFailure {
  readonly job: ProductJob;
  readonly error: string;
  readonly timedOut: boolean;
  /** The worker thread reached its memory limit (batch.ts WORKER_HEAP_MB). */
  readonly outOfMemory: boolean;
}

export interface PortfolioOutcome {
  readonly reports: ProductReport[];
  readonly diagnostics: (readonly Diagnostic[])[];
  /** Products whose worker failed, in input order. */
  readonly failures: WorkerFailure[];
  /** Per built product: whether --final refused it (its diagnostics are in `diagnostics`). */
  readonly refused: boolean[];
}

/** Every output of an entry still on disk with the recorded bytes. */
function outputsIntact(entry: ProductEntry, outDir: string, hasher: FileHasher): boolean {
  return Object.entries(entry.outputs).every(([rel, sha]) => hasher.hash(join(outDir, ...rel.split('/'))) === sha);
}

/** TBDs of a product: each document and annex once (its DOCX and PDF carry the same placeholders). */
function tbdCount(result: ProductJobResult): number {
  const seen = new Map<string, number>();
  for (const f of result.written)
    if (f.part !== 'traceability') seen.set(`${f.docType} ${f.part ?? ''}`, f.placeholders);
  // Documents --final refused are not written, but their TBDs are why: they count too.
  return [...seen.values()].reduce((a, b) => a + b, 0) + result.refusedPlaceholders;
}

/**
 * Runs a portfolio: products whose inputs, options and files match the manifest are skipped,
 * the others run on the worker pool; the manifest is rewritten as products finish (every few
 * products and at the end), so a run killed at any moment is finished by the next one.
 */
export async function runPortfolio(run: PortfolioRun): Promise<PortfolioOutcome> {
  const { events, outDir, cwd } = run;
  const path = join(outDir, MANIFEST_NAME);
  const previous = run.force ? undefined : readManifest(path);
  const usable = previous && sameBuild(previous, run.tool, run.options) ? previous : undefined;
  // Entries of products not in this run stay (another folder, another shard written here).
  const entries: Record<string, ProductEntry> = { ...(usable?.products ?? {}) };
  const manifest = (): Manifest => ({ ...emptyManifest(run.tool, run.options), products: entries });
  // A run that built nothing leaves no manifest behind in a folder that had none.
  const save = (): void => {
    if (Object.keys(entries).length > 0 || previous !== undefined || existsSync(path)) writeManifest(path, manifest());
  };

  const hasher = new FileHasher();
  const first = run.items[0]?.job;
  const templates = first ? templateFiles(first.templatesDir) : [];
  // A font update changes every PDF (metrics, embedded subset): the fonts are inputs too.
  const fonts = first?.options.formats.includes('pdf') === true ? pdfFontFiles() : [];
  const reports: (ProductReport | undefined)[] = [];
  const inputs = new Map<string, Record<string, string>>();
  const build: ProductJob[] = [];
  const slot = new Map<ProductJob, number>();
  for (const [i, item] of run.items.entries()) {
    const { job } = item;
    const own = productInputs(
      { deviceFiles: item.deviceFiles, assetDirs: job.assets.dirs, fileNames: item.fileNames, templates, fonts },
      cwd,
      hasher,
    );
    const entry = usable?.products[job.productId];
    if (entry && sameInputs(entry, own) && outputsIntact(entry, outDir, hasher)) {
      reports[i] = {
        product: job.productId,
        file: job.file,
        status: 'unchanged',
        written: [],
        skipped: Object.keys(entry.outputs).sort(),
        notApplicable: [],
        diagnostics: { errors: 0, warnings: item.loadWarnings },
        tbd: entry.tbd,
      };
      continue;
    }
    inputs.set(job.productId, own);
    slot.set(job, i);
    build.push(job);
  }
  hasher.clear();

  events.start(run.items.length);
  let done = reports.filter((r) => r !== undefined).length;
  const diagnostics: (readonly Diagnostic[])[] = [];
  const failures: PortfolioOutcome['failures'] = [];
  const refused: boolean[] = [];
  const batch = startBatch(build, run.pool, run.secondsPerJob);
  let sinceSaved = 0;
  for (const [k, pending] of batch.results.entries()) {
    const job = build[k];
    if (!job) continue;
    const outcome = await pending;
    const i = slot.get(job) ?? 0;
    const loadWarnings = run.items[i]?.loadWarnings ?? 0;
    const base = { product: job.productId, file: job.file, skipped: [] as string[] };
    if (!outcome.ok) {
      delete entries[job.productId];
      failures.push({
        job,
        error: outcome.error,
        timedOut: outcome.timedOut === true,
        outOfMemory: outcome.outOfMemory === true,
      });
      reports[i] = {
        ...base,
        status: 'failed',
        written: [],
        notApplicable: [],
        diagnostics: { errors: 1, warnings: loadWarnings },
        tbd: 0,
      };
      events.productDone(++done, `${job.productId}: failed`, 0);
      continue;
    }
    const result = outcome.result;
    // Only what the summary needs is kept of a finished product: memory stays flat.
    refused.push(result.refused);
    diagnostics.push(result.diagnostics);
    for (const f of result.written) events.fileWritten(f.path, f.placeholders);
    for (const s of result.skipped) events.typeSkipped(job.productId, s.docType, s.reason);
    const failed = result.refused || hasErrors(result.diagnostics);
    const outputs: Record<string, string> = {};
    for (const [p, sha] of Object.entries(result.hashes)) outputs[manifestPath(outDir, p)] = sha;
    const tbd = tbdCount(result);
    // A product with errors is not recorded: the next run builds it again.
    if (failed) delete entries[job.productId];
    else
      entries[job.productId] = {
        file: manifestPath(cwd, join(cwd, job.file)),
        inputs: inputs.get(job.productId) ?? {},
        outputs,
        tbd,
      };
    inputs.delete(job.productId);
    reports[i] = {
      ...base,
      status: failed ? 'failed' : 'ok',
      written: Object.keys(outputs).sort(),
      notApplicable: result.skipped.map((s) => ({ docType: s.docType, reason: s.reason })),
      diagnostics: {
        errors: result.diagnostics.filter((d) => d.severity === 'error').length,
        warnings: loadWarnings + result.diagnostics.filter((d) => d.severity === 'warning').length,
      },
      tbd,
    };
    events.productDone(
      ++done,
      `${job.productId}: ${failed ? 'failed' : 'ok'}, ${result.written.length} file(s) written`,
      result.written.length,
    );
    if (++sinceSaved >= 10) {
      save();
      sinceSaved = 0;
    }
  }
  await batch.close();
  events.stop();
  save();
  return { reports: reports.filter((r): r is ProductReport => r !== undefined), diagnostics, failures, refused };
}

/** What shapes the output besides the inputs: a change rebuilds every product. */
export function manifestOptions(o: GenerateOptions): Record<string, unknown> {
  return {
    docTypes: o.docTypes ?? 'applicable',
    formats: o.formats,
    final: o.final,
    sourceDateEpoch: o.sourceDateEpoch ?? null,
    imageBytes: o.limits?.imageBytes ?? null,
    imagePixels: o.limits?.imagePixels ?? null,
  };
}

/** A failed worker as a diagnostic at the product's id, reported like any other failure of one product. */
export function workerFailure(f: WorkerFailure, productSeconds: number): Diagnostic {
  const start = { line: 1, column: 1 };
  const at = f.job.productIdAt ?? { file: f.job.file, range: { start, end: start } };
  if (f.outOfMemory)
    return {
      severity: 'error',
      code: 'generate/worker-memory',
      message: `building the documents of this product needed more than the ${WORKER_HEAP_MB} MB a worker thread may use`,
      source: at,
      hints: ['build this product with --jobs 1 (in the main thread, without that limit)'],
    };
  return f.timedOut
    ? {
        severity: 'error',
        code: 'generate/time-limit',
        message: `building the documents of this product took longer than ${productSeconds} s and was stopped`,
        source: at,
        hints: ['check the data for very long texts or lists, or raise the limit with --max-seconds'],
      }
    : {
        severity: 'error',
        code: 'generate/failed',
        message: `the documents of this product could not be built: ${f.error}`,
        source: at,
        hints: ['this is probably a bug in techfile: please report it with this file'],
      };
}
