// What `techfile generate` does once its options are parsed; generate.ts imports this lazily.
import { existsSync, rmdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { hasErrors, sortDiagnostics } from '../../diagnostics/diagnostic.js';
import { FINAL_REPORT_CODES, formatFinalReport } from '../../pipeline/final-check.js';
import { formatDiagnostics } from '../../diagnostics/format.js';
import { DOC_TYPES, FORMATS } from '../../pipeline/generate.js';
import { packageVersion } from '../../pipeline/fingerprints.js';
import { summarize, writeReport } from '../../pipeline/report.js';
import { parseShard } from '../../pipeline/shard.js';
import { manifestOptions, runPortfolio, workerFailure } from '../../pipeline/portfolio.js';
import { portfolioJobs } from '../../pipeline/portfolio-jobs.js';
import { rememberTemplates } from '../../pipeline/product-job.js';
import { openPool } from '../../pipeline/batch.js';
import { expandInputs } from '../../pipeline/discover.js';
import type { CliContext } from '../context.js';
import { loadInputs, uniqueDiagnostics } from '../devices.js';
import { ExitCode, type ExitCode as ExitCodeValue } from '../exit-codes.js';
import { listOption } from '../list-option.js';
import { loadTemplateSet } from '../templates.js';
import { sourceDateEpoch } from '../source-date-epoch.js';
import { onInterrupt } from '../interrupt.js';
import { portfolioPrinter } from '../portfolio-events.js';
import { limitsFrom } from '../limits.js';
import { prepareOutputDir } from '../../pipeline/make-dir.js';
import { removePendingTemps, removeStaleTemps } from '../../pipeline/write-atomic.js';
import { errnoText } from '../../source/read-file.js';

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

  const epoch = sourceDateEpoch(ctx);
  if (epoch === null) return;

  const templates = loadTemplateSet(flags.templates, ctx);
  if (!templates) return;
  const templatesDir = templates.dir;
  rememberTemplates(templatesDir, templates);
  // Worker threads start, load what every product needs, then load the device files in parallel
  // (the main thread collects the summaries); a run over one named file, or a folder with at
  // most one .yaml, .yml or .json file, does not start them.
  // At most one thread per file found (an upper bound on the products).
  const expanded = expandInputs(paths, io.cwd);
  const candidates = expanded.inputs.length;
  const pool = candidates > 1 ? openPool(Math.min(jobs, candidates), formats) : undefined;
  let createdOutDir: string | undefined;
  try {
    // Summaries only: each product's data is loaded again where it is built (memory stays flat).
    // With worker threads, they load the files in parallel (and keep the parsed parents).
    const { loaded, missing } = await loadInputs(expanded, io, limits, 'summary', pool?.discover);
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
    const outDir = resolve(io.cwd, flags.out);
    // Before any work: an output folder that cannot be written (`--out /proc/x`) fails at once.
    // A folder this run creates and leaves empty (every product failed) is removed again.
    createdOutDir = existsSync(outDir) ? undefined : outDir;
    const outProblem = prepareOutputDir(outDir, process.pid);
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
      sourceDateEpoch: epoch,
      limits,
    };
    const diagnostics: (readonly Diagnostic[])[] = [uniqueDiagnostics(loaded.map((l) => l.diagnostics))];
    const { items, loadFailures, abstractFiles, duplicates, productCount } = portfolioJobs(loaded, {
      cwd: io.cwd,
      limits,
      templatesDir,
      options,
      shard,
    });
    // The loaded inputs are no longer needed: only the jobs (data and provenance) stay.
    loaded.length = 0;
    for (const file of abstractFiles)
      io.stdout(`skipped ${file}: a product-line parent (abstract: true), not a product\n`);
    diagnostics.push(...duplicates.map((d) => [d]));
    if (loadFailures.length > 0 || duplicates.length > 0) ctx.exit(ExitCode.invalidInput);

    // Products are independent: they run in parallel, and are reported in input order.
    const started = performance.now();
    const run = await runPortfolio({
      items,
      outDir,
      tool: `techfile ${packageVersion()}`,
      options: manifestOptions(options),
      force: flags.force === true,
      pool,
      secondsPerJob: limits.productSeconds,
      cwd: io.cwd,
      events: portfolioPrinter(io, docTypes !== undefined),
    });
    // The loaded devices are not needed any more: let them go before the failures are reported.
    items.length = 0;
    for (const failure of run.failures) {
      diagnostics.push([workerFailure(failure, limits.productSeconds)]);
      ctx.exit(failure.timedOut ? ExitCode.invalidInput : ExitCode.output);
    }
    if (run.refused.includes(true)) ctx.exit(ExitCode.finalRefused);
    for (const list of run.diagnostics) if (hasErrors(list)) ctx.exit(exitCodeFor(list));
    diagnostics.push(...run.diagnostics);
    // A worker stopped at the time limit may have been writing: remove what it left.
    removeStaleTemps(outDir, (pid) => pid !== process.pid);
    stopCleanup();
    // The --final report keeps its ranking (fields that unlock the most clauses first), one line each.
    const isFinal = (d: Diagnostic) => FINAL_REPORT_CODES.includes(d.code);
    const all = sortDiagnostics(diagnostics.flat().filter((d) => !isFinal(d)));
    if (all.length > 0) io.stderr(`${formatDiagnostics(all)}\n\n`);
    const finalLines = diagnostics.flat().filter(isFinal);
    if (finalLines.length > 0) io.stderr(`${formatFinalReport(finalLines)}\n\n`);
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
      `${t.written} file${t.written === 1 ? '' : 's'} written for ${productCount} product${productCount === 1 ? '' : 's'}${failedAll > 0 ? `; ${failedAll} device file(s) failed` : ''}\n`,
    );
    // The elapsed time is shown, never written into an output file or the report.
    io.stdout(
      `summary: ${t.ok + t.unchanged} product(s) ok (${t.unchanged} unchanged), ${failedAll} failed; ${t.written} file(s) written, ${t.skipped} skipped as unchanged` +
        `${t.skipped > 0 ? ' (--force rebuilds them)' : ''}; ${t.warnings} warning(s); ${t.tbd} TBD; ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
    );
  } finally {
    // Stopped here when no batch took the pool (a usage error, nothing to build).
    await pool?.destroy();
    if (createdOutDir !== undefined) removeIfEmpty(createdOutDir);
  }
}

function removeIfEmpty(dir: string): void {
  try {
    rmdirSync(dir);
  } catch {
    // Not empty (documents or the manifest were written), or already gone: nothing to do.
  }
}

/** The exit code a product's errors call for: write and render failures, templates, else data. */
function exitCodeFor(diagnostics: readonly Diagnostic[]): ExitCodeValue {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.some((d) => d.code.startsWith('output/') || d.code.startsWith('render/'))) return ExitCode.output;
  if (errors.some((d) => d.code.startsWith('template/'))) return ExitCode.template;
  return ExitCode.invalidInput;
}
