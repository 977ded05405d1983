import { describe, expect, it } from 'vitest';
import { WORKER_HEAP_MB } from '../../src/pipeline/batch.js';
import { workerFailure, type WorkerFailure } from '../../src/pipeline/portfolio.js';
import type { ProductJob } from '../../src/pipeline/product-job.js';

/** How a product whose worker thread failed is reported: which cause, where, and what to do. */
const at = { file: 'devices/x.yaml', range: { start: { line: 3, column: 7 }, end: { line: 3, column: 7 } } };
const job = { file: 'devices/x.yaml', productId: 'x', productIdAt: at } as unknown as ProductJob;
const failure = (extra: Partial<WorkerFailure>): WorkerFailure => ({
  job,
  error: 'boom',
  timedOut: false,
  outOfMemory: false,
  ...extra,
});

describe('a failed worker as a diagnostic', () => {
  it('names the memory limit and the way around it when the worker ran out of memory', () => {
    const d = workerFailure(
      failure({ outOfMemory: true, error: 'Worker terminated due to reaching memory limit' }),
      60,
    );
    expect([d.code, d.source]).toEqual(['generate/worker-memory', at]);
    expect(d.message).toContain(`${WORKER_HEAP_MB} MB`);
    expect(d.hints?.join(' ')).toContain('--jobs 1');
  });

  it('keeps the time limit and other failures apart', () => {
    expect(workerFailure(failure({ timedOut: true }), 60).code).toBe('generate/time-limit');
    const other = workerFailure(failure({}), 60);
    expect([other.code, other.message]).toEqual([
      'generate/failed',
      'the documents of this product could not be built: boom',
    ]);
  });
});
