// Entry point of a batch worker thread (see batch.ts): one product job per call.
import type { ProductResult } from './generate.js';
import { runProductJob, type ProductJob } from './product-job.js';

export function generateInWorker(job: ProductJob): Promise<ProductResult> {
  return runProductJob(job);
}
