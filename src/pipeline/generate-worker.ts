// Entry point of a batch worker thread (see batch.ts): one product job per call.
import Tinypool from 'tinypool';
import {
  runProductJob,
  useWarmStart,
  type ProductJob,
  type ProductJobResult,
  type WorkerWarmStart,
} from './product-job.js';

// Templates and catalogue come compiled from the main thread (batch.ts passes them as
// workerData): this worker's first product does not pay for compiling them again.
const warm = Tinypool.workerData as WorkerWarmStart | undefined;
if (warm !== undefined) useWarmStart(warm);

export function generateInWorker(job: ProductJob): Promise<ProductJobResult> {
  return runProductJob(job);
}
