import { createRequire } from 'node:module';
import type CliProgress from 'cli-progress';
import type { CliIO } from './context.js';

/** Progress of a portfolio run, one call per finished product. */
export interface Progress {
  /** true when a bar is drawn: per-file lines would tear it, so they are left out. */
  readonly bar: boolean;
  product(done: number, line: string, documents: number): void;
  stop(): void;
}

/**
 * On a terminal (stderr is a TTY): a bar with products done of total, documents per second
 * and time left, drawn on stderr. Otherwise one plain line per product on stdout, which a CI
 * log keeps readable. The clock here only feeds the display; it never reaches an output file.
 */
export function startProgress(total: number, io: CliIO, terminal: boolean = process.stderr.isTTY): Progress {
  if (!terminal || total < 2) {
    return {
      bar: false,
      product: (done, line) => io.stdout(`[${done}/${total}] ${line}\n`),
      stop: () => {},
    };
  }
  const started = performance.now();
  let documents = 0;
  // Loaded only here, for a bar on a terminal: piped and single-product runs never need it.
  const cliProgress = createRequire(import.meta.url)('cli-progress') as typeof CliProgress;
  const bar = new cliProgress.SingleBar(
    {
      format: 'products {bar} {value}/{total} | {rate} documents/s | {eta_formatted} left',
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 20,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { rate: '0.0' });
  return {
    bar: true,
    product: (done, _line, docs) => {
      documents += docs;
      const seconds = (performance.now() - started) / 1000;
      bar.update(done, { rate: (documents / Math.max(seconds, 0.001)).toFixed(1) });
    },
    stop: () => bar.stop(),
  };
}
