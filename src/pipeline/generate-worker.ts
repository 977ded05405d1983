// Entry point of a batch worker thread (see batch.ts): one product job per call.
import { runProductJob, type ProductJob, type ProductJobResult } from './product-job.js';

export function generateInWorker(job: ProductJob): Promise<ProductJobResult> {
  return runProductJob(job);
}
