import { createHash } from 'node:crypto';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { loadCatalogue } from './catalogue.js';
import type { Data } from '../regulatory/data-path.js';
import type { SourceRef } from '../source/position.js';
import type { TemplateSet } from '../templates/load.js';
import { loadTemplates } from './template-set.js';
import { generateProduct, type GenerateOptions, type ProductResult } from './generate.js';
import { writeFileAtomic } from './write-atomic.js';

/**
 * Everything needed to generate one product's documents, as plain data, so that a job can
 * run in this process or be sent to a worker thread (structured clone) unchanged.
 */
export interface ProductJob {
  readonly file: string;
  readonly productId: string;
  readonly data: Data;
  readonly assets: { readonly dirs: readonly string[]; readonly projectRoot: string };
  /** Where each field was written (file:line:col), for diagnostics about missing fields. */
  readonly provenance: ReadonlyMap<string, SourceRef>;
  readonly templatesDir: string;
  readonly options: GenerateOptions;
}

const templateSets = new Map<string, TemplateSet>();

/** Lets the caller hand over a template set it already loaded and checked (no second parse). */
export function rememberTemplates(dir: string, set: TemplateSet): void {
  templateSets.set(dir, set);
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

/** Runs one product job: its documents are rendered and written atomically. */
export async function runProductJob(job: ProductJob): Promise<ProductJobResult> {
  const hashes: Record<string, string> = {};
  const result = await generateProduct({
    product: {
      file: job.file,
      productId: job.productId,
      data: job.data,
      assets: job.assets,
      locate: (path) => job.provenance.get(path),
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
