import { canonicalJson } from './fingerprints.js';
import { writeFileAtomic } from './write-atomic.js';

/** How one product ended in a portfolio run. */
export type ProductStatus = 'ok' | 'unchanged' | 'failed';

/** One product's line in `--report <file.json>`. */
export interface ProductReport {
  readonly product: string;
  readonly file: string;
  readonly status: ProductStatus;
  /** Files written in this run (relative to the output folder). */
  readonly written: readonly string[];
  /** Files left as they were because their inputs did not change (relative to the output folder). */
  readonly skipped: readonly string[];
  /** Documents that do not apply to the product, with the reason. */
  readonly notApplicable: readonly { readonly docType: string; readonly reason: string }[];
  readonly diagnostics: { readonly errors: number; readonly warnings: number };
  readonly tbd: number;
}

export interface RunReport {
  readonly tool: string;
  readonly products: readonly ProductReport[];
  readonly totals: {
    readonly products: number;
    readonly ok: number;
    readonly unchanged: number;
    readonly failed: number;
    readonly written: number;
    readonly skipped: number;
    readonly warnings: number;
    readonly tbd: number;
  };
}

export function summarize(tool: string, products: readonly ProductReport[]): RunReport {
  const sum = (f: (p: ProductReport) => number): number => products.reduce((s, p) => s + f(p), 0);
  return {
    tool,
    products,
    totals: {
      products: products.length,
      ok: products.filter((p) => p.status === 'ok').length,
      unchanged: products.filter((p) => p.status === 'unchanged').length,
      failed: products.filter((p) => p.status === 'failed').length,
      written: sum((p) => p.written.length),
      skipped: sum((p) => p.skipped.length),
      warnings: sum((p) => p.diagnostics.warnings),
      tbd: sum((p) => p.tbd),
    },
  };
}

/** The report has no clock in it: the same run gives the same bytes. Written atomically. */
export function writeReport(path: string, report: RunReport): void {
  writeFileAtomic(path, Buffer.from(`${JSON.stringify(JSON.parse(canonicalJson(report)), null, 2)}\n`, 'utf8'));
}
