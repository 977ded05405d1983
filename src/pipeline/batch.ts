import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Tinypool from 'tinypool';
import { defaultDeviceSchema } from './default-schema.js';
import { discoverOne, type DiscoveredDevice, type DiscoverRequest } from './discover.js';
import type { Format } from './generate.js';
import { runProductJob, warmStart, type ProductJob, type ProductJobResult } from './product-job.js';

/** How one job ended: its result, or the message of what went wrong (never a rejection). */
export type JobOutcome =
  | { readonly ok: true; readonly result: ProductJobResult }
  | { readonly ok: false; readonly error: string; readonly timedOut?: boolean; readonly outOfMemory?: boolean };

/**
 * The old generation a worker thread may use. A limit changes how V8 sizes the heap: without one
 * (about a quarter of the machine's memory) a worker's heap grew to 400-450 MiB for a live set
 * of about 50 MiB; with it, about 250 MiB, for some 5-10 % more time collecting garbage. A
 * product that needs more fails with generate/worker-memory, and `--jobs 1` builds it in the
 * main thread, which has no such limit.
 */
export const WORKER_HEAP_MB = 1024;

export interface Batch {
  /** One outcome per job, in job order (not completion order), so output is stable. Never rejects. */
  readonly results: readonly Promise<JobOutcome>[];
  /** Stops the worker threads once every result has settled. */
  close(): Promise<void>;
}

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
      ...((error as { code?: unknown } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { outOfMemory: true } : {}),
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
/** Worker threads started ahead of the jobs (see openPool). */
export interface WorkerPool {
  readonly threads: number;
  /** Loads one device file on a worker thread (discover.ts `discoverOne`), for discoverDevices. */
  readonly discover: (request: DiscoverRequest) => Promise<DiscoveredDevice | undefined>;
  run(job: ProductJob, signal: AbortSignal | undefined): Promise<ProductJobResult>;
  destroy(): Promise<void>;
}

/**
 * Starts `concurrency` worker threads and has each load what its first product needs, so the
 * warm-up overlaps the main thread finding and loading the device files. Undefined when the jobs
 * will run in this thread (one thread asked for, or no compiled worker). The templates and the
 * catalogue must be loaded before (warmStart); the caller destroys the pool if no batch takes it.
 */
export function openPool(concurrency: number, formats: readonly Format[]): WorkerPool | undefined {
  const filename = workerFile();
  if (concurrency <= 1 || filename === undefined) return undefined;
  const pool = new Tinypool({
    filename,
    name: 'generateInWorker',
    minThreads: concurrency,
    maxThreads: concurrency,
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    workerData: warmStart(),
  });
  // One warm-up per thread; a failure here shows again, and is reported, with the first job.
  for (let i = 0; i < concurrency; i++) pool.run(formats, { name: 'warmUpWorker' }).catch(() => undefined);
  let destroyed = false;
  return {
    threads: concurrency,
    // A file a worker cannot load (its thread ran out of memory) is loaded here instead, where
    // the whole process's memory is available: discovery reports it like any other file.
    discover: (request) =>
      (pool.run(request, { name: 'discoverInWorker' }) as Promise<DiscoveredDevice | undefined>).catch(async () =>
        discoverOne(request, await defaultDeviceSchema()),
      ),
    run: (job, signal) => pool.run(job, signal === undefined ? {} : { signal }) as Promise<ProductJobResult>,
    destroy: async () => {
      if (destroyed) return;
      destroyed = true;
      await pool.destroy();
    },
  };
}

/**
 * Runs product jobs on the worker threads of `pool` (a product line is many independent
 * products), each job's outcome in job order. Without a pool, or with one job, jobs run here,
 * one after another, in the same order (and the pool is stopped).
 */
export function startBatch(jobs: readonly ProductJob[], pool: WorkerPool | undefined, secondsPerJob?: number): Batch {
  if (pool === undefined || jobs.length <= 1) {
    const stopped = pool?.destroy() ?? Promise.resolve();
    let previous: Promise<unknown> = stopped;
    const results = jobs.map((job) => {
      const result = settle(previous.then(() => runProductJob(job)));
      previous = result;
      return result;
    });
    return { results, close: async () => {} };
  }
  const threads = pool.threads;
  // A worker that runs past the limit is stopped (its thread terminated), so no input can
  // hold the run. The clock starts at submission: a job queued behind k rounds gets k + 1 limits.
  const results = jobs.map((job, i) =>
    settle(
      pool.run(
        job,
        secondsPerJob === undefined
          ? undefined
          : AbortSignal.timeout(secondsPerJob * 1000 * (Math.floor(i / threads) + 1)),
      ),
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
