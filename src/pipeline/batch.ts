import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Tinypool from 'tinypool';
import { runProductJob, warmStart, type ProductJob, type ProductJobResult } from './product-job.js';

/** How one job ended: its result, or the message of what went wrong (never a rejection). */
export type JobOutcome =
  | { readonly ok: true; readonly result: ProductJobResult }
  | { readonly ok: false; readonly error: string; readonly timedOut?: boolean };

export interface Batch {
  /** One outcome per job, in job order (not completion order), so output is stable. Never rejects. */
  readonly results: readonly Promise<JobOutcome>[];
  /** Stops the worker threads once every result has settled. */
  close(): Promise<void>;
}

/** Young-generation size of each worker thread (MB); see startBatch. */
const YOUNG_GENERATION_MB = 8;

/** The compiled worker module; absent when techfile runs from its TypeScript sources (tests). */
function workerFile(): string | undefined {
  const url = new URL('./generate-worker.js', import.meta.url);
  const path = fileURLToPath(url);
  return existsSync(path) ? path : undefined;
}

/**
 * A promise that never rejects: the caller awaits results in job order, so a later job that
 * fails while an earlier one still runs must not leave a rejection nobody handles yet
 * (Node would end the process with a raw stack trace).
 */
function settle(promise: Promise<ProductJobResult>): Promise<JobOutcome> {
  return promise.then(
    (result) => ({ ok: true, result }),
    (error: unknown) => ({
      ok: false,
      error: error instanceof Error ? error.message : String(error),
      ...(error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')
        ? { timedOut: true }
        : {}),
    }),
  );
}

/**
 * Runs product jobs on up to `concurrency` worker threads (a product line is many independent
 * products). Each worker gets the compiled templates and the catalogue (workerData) and loads
 * its own fonts once, so only the first product per worker pays for loading the modules.
 * With one job, concurrency 1, or no compiled worker, jobs run here,
 * one after another, in the same order.
 */
export function startBatch(jobs: readonly ProductJob[], concurrency: number, secondsPerJob?: number): Batch {
  const filename = workerFile();
  if (concurrency <= 1 || jobs.length <= 1 || filename === undefined) {
    let previous: Promise<unknown> = Promise.resolve();
    const results = jobs.map((job) => {
      const result = settle(previous.then(() => runProductJob(job)));
      previous = result;
      return result;
    });
    return { results, close: async () => {} };
  }
  // workerData: each worker starts with the templates and catalogue this thread compiled.
  const pool = new Tinypool({
    filename,
    name: 'generateInWorker',
    minThreads: 1,
    maxThreads: Math.min(concurrency, jobs.length),
    // A small young generation: documents are built from many short-lived objects, and V8's
    // default nursery lets each worker's heap swell to several times what it keeps alive.
    // Measured on 16 products, 2 workers: peak RSS 714 MiB with the default, 484 MiB with 8 MB,
    // same run time. Objects that live longer move to the old generation, so this never fails a run.
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    workerData: warmStart(),
  });
  const threads = Math.min(concurrency, jobs.length);
  // A worker that runs past the limit is stopped (its thread terminated), so no input can
  // hold the run. The clock starts at submission: a job queued behind k rounds gets k + 1 limits.
  const results = jobs.map((job, i) =>
    settle(
      pool.run(
        job,
        secondsPerJob === undefined
          ? {}
          : { signal: AbortSignal.timeout(secondsPerJob * 1000 * (Math.floor(i / threads) + 1)) },
      ) as Promise<ProductJobResult>,
    ),
  );
  return {
    results,
    close: async () => {
      await Promise.all(results);
      await pool.destroy();
    },
  };
}
