import { createHash } from 'node:crypto';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { loadDeviceCached } from '../data/device-cache.js';
import { nodeHost } from '../data/node-host.js';
import type { Limits } from '../data/limits.js';
import { defaultDeviceSchema } from './default-schema.js';
import { loadCatalogue, useLoadedCatalogue } from './catalogue.js';
import type { Catalogue } from '../regulatory/catalogue.js';
import type { Data } from '../regulatory/data-path.js';
import type { SourceRef } from '../source/position.js';
import { templatesFromPrecompiled, type PrecompiledTemplates, type TemplateSet } from '../templates/load.js';
import { loadTemplates } from './template-set.js';
import { generateProduct, type GenerateOptions, type ProductResult } from './generate.js';
import { writeFileAtomic } from './write-atomic.js';

/**
 * Everything needed to generate one product's documents, as small plain data, so that a job
 * can run in this process or be sent to a worker thread (structured clone) unchanged. The
 * device's data is not in the job: the job loads it again where it runs, so a run over
 * hundreds of products never holds more than the products being built.
 */
export interface ProductJob {
  readonly file: string;
  readonly productId: string;
  /** Where `product.id` was written: failures of the whole product are reported there. */
  readonly productIdAt: SourceRef | undefined;
  /** How the device file was loaded when the run started (same folder rules, same limits). */
  readonly load: {
    readonly path: string;
    readonly projectRoot: string;
    readonly cwd: string;
    readonly limits: Limits;
  };
  readonly assets: { readonly dirs: readonly string[]; readonly projectRoot: string };
  readonly templatesDir: string;
  readonly options: GenerateOptions;
}

const templateSets = new Map<string, TemplateSet>();

/** Lets the caller hand over a template set it already loaded and checked (no second parse). */
export function rememberTemplates(dir: string, set: TemplateSet): void {
  templateSets.set(dir, set);
}

/**
 * What a worker thread is handed when it starts: the template sets and the catalogue the main
 * thread already loaded, as plain data. Each worker rebuilds them in milliseconds instead of
 * reading, parsing and compiling every template and the catalogue again.
 */
export interface WorkerWarmStart {
  readonly templates: readonly PrecompiledTemplates[];
  readonly catalogue?: Catalogue;
}

/** The warm start for worker threads, from what this thread has loaded. */
export function warmStart(): WorkerWarmStart {
  const templates = [...templateSets.values()].flatMap((set) => (set.precompiled ? [set.precompiled] : []));
  return { templates, catalogue: loadCatalogue() };
}

/** Takes over what the main thread loaded (in a worker thread, before its first job). */
export function useWarmStart(warm: WorkerWarmStart): void {
  for (const p of warm.templates) if (!templateSets.has(p.dir)) templateSets.set(p.dir, templatesFromPrecompiled(p));
  // The catalogue also feeds the device schema (field labels) the worker builds.
  if (warm.catalogue) useLoadedCatalogue(warm.catalogue);
}

function templatesFor(dir: string): TemplateSet {
  let set = templateSets.get(dir);
  if (!set) {
    const loaded = loadTemplates(dir);
    // The CLI checked this folder before starting any job; failing here is a bug.
    if (hasErrors(loaded.diagnostics)) throw new Error(`internal error: templates in ${dir} did not load in a worker`);
    set = loaded.value;
    templateSets.set(dir, set);
  }
  return set;
}

/** A product's result plus the SHA-256 of every file written (for the manifest). */
export interface ProductJobResult extends ProductResult {
  /** Output path (as written) → SHA-256 of its bytes, hashed before the bytes are dropped. */
  readonly hashes: Readonly<Record<string, string>>;
}

/**
 * The job's device, loaded as at the start of the run. Its load diagnostics were reported then;
 * a file that no longer loads cleanly was changed during the run, which fails this product only.
 */
async function loadJobDevice(
  job: ProductJob,
): Promise<{ data: Data; provenance: ReadonlyMap<string, SourceRef> } | Diagnostic> {
  const { path, projectRoot, cwd, limits } = job.load;
  const loaded = loadDeviceCached(path, nodeHost(projectRoot, cwd, limits), await defaultDeviceSchema());
  if (loaded.value !== undefined && !hasErrors(loaded.diagnostics)) return loaded.value;
  const start = { line: 1, column: 1 };
  return {
    severity: 'error',
    code: 'generate/changed-during-run',
    message: 'the device file (or a parent) changed while the run was going on and no longer loads cleanly',
    source: { file: job.file, range: { start, end: start } },
    hints: ['run `techfile validate` on it, fix what it reports and run generate again'],
  };
}

/** Runs one product job: its device is loaded, its documents rendered and written atomically. */
export async function runProductJob(job: ProductJob): Promise<ProductJobResult> {
  const hashes: Record<string, string> = {};
  const device = await loadJobDevice(job);
  if ('severity' in device)
    return { written: [], skipped: [], diagnostics: [device], refused: false, refusedPlaceholders: 0, hashes };
  const result = await generateProduct({
    product: {
      file: job.file,
      productId: job.productId,
      data: device.data,
      assets: job.assets,
      locate: (path) => device.provenance.get(path),
    },
    templates: templatesFor(job.templatesDir),
    catalogue: loadCatalogue(),
    options: job.options,
    write: (path, bytes) => {
      writeFileAtomic(path, bytes);
      hashes[path] = createHash('sha256').update(bytes).digest('hex');
    },
  });
  return { ...result, hashes };
}
