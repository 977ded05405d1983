import type { PortfolioEvents } from '../pipeline/portfolio.js';
import type { CliIO } from './context.js';
import { displayPath } from './paths.js';
import { startProgress, type Progress } from './progress.js';

/**
 * What `techfile generate` prints while a portfolio runs: the progress (a bar on a terminal, one
 * line per product otherwise), a line per written file when no bar is drawn, and the document
 * types that did not apply when only some types were asked for (`listSkippedTypes`).
 */
export function portfolioPrinter(io: CliIO, listSkippedTypes: boolean): PortfolioEvents {
  let progress: Progress | undefined;
  return {
    start: (total) => {
      progress = startProgress(total, io);
    },
    fileWritten: (path, placeholders) => {
      const tbd = placeholders > 0 ? `  (${placeholders} TBD)` : '';
      if (progress?.bar !== true) io.stdout(`wrote ${displayPath(io.cwd, path)}${tbd}\n`);
    },
    typeSkipped: (productId, docType, reason) => {
      if (listSkippedTypes) io.stdout(`skipped ${productId}/${docType}: ${reason}\n`);
    },
    productDone: (done, line, documents) => progress?.product(done, line, documents),
    stop: () => progress?.stop(),
  };
}
