// Entry point of a batch worker thread (see batch.ts): one product job per call.
import Tinypool from 'tinypool';
import { defaultDeviceSchema } from './default-schema.js';
import { discoverOne, type DiscoveredDevice, type DiscoverRequest } from './discover.js';
import { loadRenderers, type Format } from './generate.js';
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

/**
 * Loads what every product needs (device schema, the renderers of the run's formats) while the
 * main thread is still finding the products, so the worker's first product does not wait for it.
 */
export async function warmUpWorker(formats: readonly Format[]): Promise<void> {
  await Promise.all([defaultDeviceSchema(), loadRenderers(formats)]);
}

/** One device file of the run loaded here (the main thread collects them in input order). */
export async function discoverInWorker(request: DiscoverRequest): Promise<DiscoveredDevice | undefined> {
  return discoverOne(request, await defaultDeviceSchema());
}

export function generateInWorker(job: ProductJob): Promise<ProductJobResult> {
  return runProductJob(job);
}
