// From the loaded device files to the jobs of a portfolio run: which files are products, which
// failed to load, which are product-line parents, which repeat a product id.
import { dirname, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Limits } from '../data/limits.js';
import type { SourceRef } from '../source/position.js';
import type { DiscoveredDevice } from './discover.js';
import type { GenerateOptions } from './generate.js';
import type { PortfolioItem } from './portfolio.js';
import type { ProductJob } from './product-job.js';
import type { ProductReport } from './report.js';
import { inShard, type Shard } from './shard.js';

export interface PortfolioJobsOptions {
  /** Absolute working directory: the parents of a device file are named relative to it. */
  readonly cwd: string;
  /** The limits the device files were loaded with: each job loads its device again with them. */
  readonly limits: Limits;
  readonly templatesDir: string;
  readonly options: GenerateOptions;
  /** Only the products of this shard are built (the others still count as products). */
  readonly shard?: Shard | undefined;
}

export interface PortfolioJobs {
  /** The products to build, in input order (of the shard, when one is given). */
  readonly items: PortfolioItem[];
  /** Device files that did not load: products that failed, in the report too. */
  readonly loadFailures: ProductReport[];
  /** Product-line parents (abstract: true), in input order: not products. */
  readonly abstractFiles: string[];
  /** One error per device file whose product id an earlier file already uses. */
  readonly duplicates: Diagnostic[];
  /** How many distinct products there are (before sharding). */
  readonly productCount: number;
}

/** Sorts the loaded device files into the jobs of a portfolio run and what keeps the others out. */
export function portfolioJobs(loaded: readonly DiscoveredDevice[], o: PortfolioJobsOptions): PortfolioJobs {
  const products = new Map<string, string>();
  const loadFailures: ProductReport[] = [];
  const abstractFiles: string[] = [];
  const duplicates: Diagnostic[] = [];
  let items: PortfolioItem[] = [];
  for (const l of loaded) {
    if (!l.valid || !l.device) {
      const id = l.device?.productId;
      const count = (severity: string): number => l.diagnostics.filter((d) => d.severity === severity).length;
      loadFailures.push({
        product: typeof id === 'string' ? id : '',
        file: l.file,
        status: 'failed',
        written: [],
        skipped: [],
        notApplicable: [],
        diagnostics: { errors: count('error'), warnings: count('warning') },
        tbd: 0,
      });
      continue;
    }
    if (l.device.abstract) {
      abstractFiles.push(l.file);
      continue;
    }
    // Validated data: product.id is a string; anything else counts as no id.
    const productId = l.device.productId ?? '';
    const other = products.get(productId);
    if (other !== undefined) {
      duplicates.push(duplicateProduct(l.file, productId, other, l.device.productIdAt));
      continue;
    }
    products.set(productId, l.file);
    const job: ProductJob = {
      file: l.file,
      productId,
      productIdAt: l.device.productIdAt,
      load: { path: l.input.path, projectRoot: l.input.projectRoot, cwd: o.cwd, limits: o.limits },
      assets: assetSearch(l, o.cwd),
      templatesDir: o.templatesDir,
      options: o.options,
    };
    items.push({
      job,
      deviceFiles: [l.input.path, ...l.device.chain.map((f) => resolve(o.cwd, f))],
      fileNames: l.device.fileNames,
      loadWarnings: l.diagnostics.filter((d) => d.severity === 'warning').length,
    });
  }
  if (o.shard) items = inShard(items, (item) => item.job.productId, o.shard);
  return { items, loadFailures, abstractFiles, duplicates, productCount: products.size };
}

/** Images are looked up beside the device file, then beside each product-line parent. */
function assetSearch(l: DiscoveredDevice, cwd: string): { dirs: string[]; projectRoot: string } {
  const files = [l.input.path, ...(l.device?.chain ?? []).map((f) => resolve(cwd, f))];
  return { dirs: [...new Set(files.map((f) => dirname(f)))], projectRoot: l.input.projectRoot };
}

/** A product whose id an earlier file already uses (generate would write both to one folder). */
export function duplicateProduct(file: string, id: string, other: string, at: SourceRef | undefined): Diagnostic {
  return {
    severity: 'error',
    code: 'generate/duplicate-product-id',
    message: `product id \`${id}\` is also used by ${other}; both would write to the same output folder`,
    source: at ?? { file },
    fieldPath: 'product.id',
    hints: ['give each product variant its own `product.id`'],
  };
}
