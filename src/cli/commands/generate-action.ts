// What `techfile generate` does once its options are parsed; generate.ts imports this lazily.
import { rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { hasErrors, sortDiagnostics } from '../../diagnostics/diagnostic.js';
import { FINAL_REPORT_CODES, formatFinalReport } from '../../pipeline/final-check.js';
import { formatDiagnostics } from '../../diagnostics/format.js';
import { DOC_TYPES, FORMATS, type GenerateOptions } from '../../pipeline/generate.js';
import { packageVersion } from '../../pipeline/fingerprints.js';
import { summarize, writeReport, type ProductReport } from '../../pipeline/report.js';
import { inShard, parseShard } from '../../pipeline/shard.js';
import { runPortfolio, type PortfolioItem } from '../../pipeline/portfolio.js';
import { rememberTemplates, type ProductJob } from '../../pipeline/product-job.js';
import type { CliContext } from '../context.js';
import { loadInputs, uniqueDiagnostics, type LoadedInput } from '../devices.js';
import { ExitCode, type ExitCode as ExitCodeValue } from '../exit-codes.js';
import { listOption } from '../list-option.js';
import { loadTemplateSet } from '../templates.js';
import { onInterrupt } from '../interrupt.js';
import { portfolioPrinter } from '../portfolio-events.js';
import { limitsFrom } from '../limits.js';
import { makeDirectory } from '../../pipeline/make-dir.js';
import { removePendingTemps, removeStaleTemps } from '../../pipeline/write-atomic.js';
import { errnoText } from '../../source/read-file.js';
import type { SourceRef } from '../../source/position.js';

export interface GenerateFlags {
  readonly doc?: string;
  readonly format: string;
  readonly out: string;
  readonly final?: boolean;
  readonly templates?: string;
  readonly jobs?: string;
  readonly force?: boolean;
  readonly report?: string;
  readonly shard?: string;
}

/** Runs `techfile generate` on the parsed paths and flags; the outcome is in ctx (exit code) and io. */
export async function runGenerate(paths: string[], flags: GenerateFlags, ctx: CliContext): Promise<void> {
  const { io } = ctx;
  const docTypes = flags.doc === undefined ? undefined : listOption(flags.doc, DOC_TYPES, '--doc', io);
  const formats = listOption(flags.format, FORMATS, '--format', io);
  const limits = limitsFrom(flags, io);
  if (docTypes === null || formats === null || limits === null) return ctx.exit(ExitCode.usage);
  const jobs = flags.jobs === undefined ? availableParallelism() : Number(flags.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) {
    io.stderr(`techfile: --jobs takes a whole number of 1 or more; got ${String(flags.jobs)}\n`);
    return ctx.exit(ExitCode.usage);
  }

  const shard = flags.shard === undefined ? undefined : parseShard(flags.shard);
  if (shard === undefined && flags.shard !== undefined) {
    io.stderr(`techfile: --shard takes i/n with 1 <= i <= n, e.g. --shard 2/4; got ${flags.shard}\n`);
    return ctx.exit(ExitCode.usage);
  }

  const { loaded, missing } = await loadInputs(paths, io, limits);
  if (missing.length > 0) {
    io.stderr(missing.map((m) => `techfile: no such file or folder: ${m}\n`).join(''));
    return ctx.exit(ExitCode.usage);
  }
  if (loaded.length === 0) {
    io.stderr(
      `techfile: no device files found in ${paths.join(', ')} (device files are .yaml, .yml or .json files with a \`product:\` block)\n`,
    );
    return ctx.exit(ExitCode.usage);
  }
  const templates = loadTemplateSet(flags.templates, ctx);
  if (!templates) return;
  const templatesDir = templates.dir;
  rememberTemplates(templatesDir, templates);
  const outDir = resolve(io.cwd, flags.out);
  // Before any work: an output folder that cannot be written (`--out /proc/x`) fails at once.
  const outProblem = prepareOutput(outDir);
  if (outProblem !== undefined) {
    io.stderr(
      `techfile: cannot write to the output folder ${flags.out}: ${outProblem}\n  = hint: choose a folder you can write to with --out\n`,
    );
    return ctx.exit(ExitCode.output);
  }
  // Temporary files of a run that was killed (kill -9, power loss) are removed here.
  removeStaleTemps(outDir);
  const stopCleanup = onInterrupt(() => {
    removePendingTemps();
    removeStaleTemps(outDir, (pid) => pid !== process.pid);
  });
  const options = {
    docTypes,
    formats,
    outDir,
    final: flags.final === true,
    sourceDateEpoch: process.env['SOURCE_DATE_EPOCH'],
    limits,
  };
  const diagnostics: (readonly Diagnostic[])[] = [uniqueDiagnostics(loaded.map((l) => l.diagnostics))];
  const products = new Map<string, string>();
  const work: ProductJob[] = [];
  const deviceFiles: string[][] = [];
  // Device files that did not load are products that failed, in the report too.
  const loadFailures: ProductReport[] = [];
  for (const l of loaded) {
    if (!l.valid || !l.device) {
      const id = (l.device?.data['product'] as { id?: unknown } | undefined)?.id;
      const count = (severity: string): number => l.diagnostics.filter((d) => d.severity === severity).length;
      loadFailures.push({
        product: typeof id === 'string' ? id : '',
        file: l.file,
        status: 'failed',
        written: [],
        skipped: [],
        notApplicable: [],
        diagnostics: { errors: count('error'), warnings: count('warning') },
        tbd: 0,
      });
      ctx.exit(ExitCode.invalidInput);
      continue;
    }
    if (l.device.abstract) {
      io.stdout(`skipped ${l.file}: a product-line parent (abstract: true), not a product\n`);
      continue;
    }
    // Validated data: product.id is a string; anything else counts as no id.
    const id = (l.device.data['product'] as { id?: unknown } | undefined)?.id;
    const productId = typeof id === 'string' ? id : '';
    const other = products.get(productId);
    if (other !== undefined) {
      diagnostics.push([duplicateProduct(l.file, productId, other, l.device.provenance.get('product.id'))]);
      ctx.exit(ExitCode.invalidInput);
      continue;
    }
    products.set(productId, l.file);
    work.push({
      file: l.file,
      productId,
      data: l.device.data,
      assets: assetSearch(l, io.cwd),
      provenance: l.device.provenance,
      templatesDir,
      options,
    });
    deviceFiles.push([l.input.path, ...l.device.chain.map((f) => resolve(io.cwd, f))]);
  }
  // The loaded inputs are no longer needed: only the jobs (data and provenance) stay.
  loaded.length = 0;

  let items: PortfolioItem[] = work.map((job, i) => ({ job, deviceFiles: deviceFiles[i] ?? [] }));
  if (shard) items = inShard(items, (item) => item.job.productId, shard);
  work.length = 0;
  deviceFiles.length = 0;

  // Products are independent: they run in parallel, and are reported in input order.
  const started = performance.now();
  const run = await runPortfolio({
    items,
    outDir,
    tool: `techfile ${packageVersion()}`,
    options: manifestOptions(options),
    force: flags.force === true,
    concurrency: jobs,
    secondsPerJob: limits.productSeconds,
    cwd: io.cwd,
    events: portfolioPrinter(io, docTypes !== undefined),
  });
  // The loaded devices are not needed any more: let them go before the failures are reported.
  // eslint-disable-next-line no-useless-assignment
  items = [];
  for (const { job, error, timedOut } of run.failures) {
    // A bug or a crash of the worker: reported like any other failure of one product.
    const start = { line: 1, column: 1 };
    const at = job.provenance.get('product.id') ?? { file: job.file, range: { start, end: start } };
    diagnostics.push([
      timedOut
        ? {
            severity: 'error',
            code: 'generate/time-limit',
            message: `building the documents of this product took longer than ${limits.productSeconds} s and was stopped`,
            source: at,
            hints: ['check the data for very long texts or lists, or raise the limit with --max-seconds'],
          }
        : {
            severity: 'error',
            code: 'generate/failed',
            message: `the documents of this product could not be built: ${error}`,
            source: at,
            hints: ['this is probably a bug in techfile: please report it with this file'],
          },
    ]);
    ctx.exit(timedOut ? ExitCode.invalidInput : ExitCode.output);
  }
  for (const { result } of run.results) {
    if (result.refused) ctx.exit(ExitCode.finalRefused);
    if (hasErrors(result.diagnostics)) ctx.exit(exitCodeFor(result.diagnostics));
  }
  diagnostics.push(...run.diagnostics);
  // A worker stopped at the time limit may have been writing: remove what it left.
  removeStaleTemps(outDir, (pid) => pid !== process.pid);
  stopCleanup();
  // The --final report keeps its ranking (fields that unlock the most clauses first), one line each.
  const isFinal = (d: Diagnostic) => FINAL_REPORT_CODES.includes(d.code);
  const all = sortDiagnostics(diagnostics.flat().filter((d) => !isFinal(d)));
  if (all.length > 0)
    io.stderr(`${formatDiagnostics(all)}

`);
  const finalLines = diagnostics.flat().filter(isFinal);
  if (finalLines.length > 0)
    io.stderr(`${formatFinalReport(finalLines)}

`);
  const report = summarize(`techfile ${packageVersion()}`, [...loadFailures, ...run.reports]);
  if (flags.report !== undefined) {
    try {
      writeReport(resolve(io.cwd, flags.report), report);
    } catch (error) {
      io.stderr(`techfile: cannot write the report ${flags.report}: ${errnoText(error)}\n`);
      ctx.exit(ExitCode.output);
    }
  }
  const t = report.totals;
  const failedAll = t.failed;
  io.stdout(
    `${t.written} file${t.written === 1 ? '' : 's'} written for ${products.size} product${products.size === 1 ? '' : 's'}${failedAll > 0 ? `; ${failedAll} device file(s) failed` : ''}\n`,
  );
  // The elapsed time is shown, never written into an output file or the report.
  io.stdout(
    `summary: ${t.ok + t.unchanged} product(s) ok (${t.unchanged} unchanged), ${failedAll} failed; ${t.written} file(s) written, ${t.skipped} skipped as unchanged` +
      `${t.skipped > 0 ? ' (--force rebuilds them)' : ''}; ${t.warnings} warning(s); ${t.tbd} TBD; ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
}

/** What shapes the output besides the inputs: a change rebuilds every product. */
function manifestOptions(o: GenerateOptions): Record<string, unknown> {
  return {
    docTypes: o.docTypes ?? 'applicable',
    formats: o.formats,
    final: o.final,
    sourceDateEpoch: o.sourceDateEpoch ?? null,
    imageBytes: o.limits?.imageBytes ?? null,
    imagePixels: o.limits?.imagePixels ?? null,
  };
}

/** The exit code a product's errors call for: write and render failures, templates, else data. */
function exitCodeFor(diagnostics: readonly Diagnostic[]): ExitCodeValue {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.some((d) => d.code.startsWith('output/') || d.code.startsWith('render/'))) return ExitCode.output;
  if (errors.some((d) => d.code.startsWith('template/'))) return ExitCode.template;
  return ExitCode.invalidInput;
}

/** Creates the output folder and checks that a file can be written in it; the problem, or undefined. */
function prepareOutput(outDir: string): string | undefined {
  try {
    makeDirectory(outDir);
    const probe = join(outDir, `.techfile-probe-${process.pid}`);
    writeFileSync(probe, '');
    rmSync(probe, { force: true });
    return undefined;
  } catch (error) {
    return errnoText(error);
  }
}

/** Images are looked up beside the device file, then beside each product-line parent. */
function assetSearch(l: LoadedInput, cwd: string): { dirs: string[]; projectRoot: string } {
  const files = [l.input.path, ...(l.device?.chain ?? []).map((f) => resolve(cwd, f))];
  return { dirs: [...new Set(files.map((f) => dirname(f)))], projectRoot: l.input.projectRoot };
}

function duplicateProduct(file: string, id: string, other: string, at: SourceRef | undefined): Diagnostic {
  return {
    severity: 'error',
    code: 'generate/duplicate-product-id',
    message: `product id \`${id}\` is also used by ${other}; both would write to the same output folder`,
    source: at ?? { file },
    fieldPath: 'product.id',
    hints: ['give each product variant its own `product.id`'],
  };
}
