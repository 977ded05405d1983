// `npm run bench`: generation figures for a synthetic portfolio (default 200 products derived
// from the examples), measured in fresh processes, beside the raw building blocks (`docx`,
// `pdfkit`) measured in the same run. It prints figures; it is not a test. The machine may be
// shared: every figure that is repeated is a median.
//
//   node scripts/bench.mjs [--products N] [--jobs N] [--format docx,pdf] [--repeat N] [--keep]
import { readdirSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { BASES, buildPortfolio } from './bench/portfolio.mjs';
import { documentModels } from './bench/model.mjs';
import { rawDocx, rawPdf } from './bench/raw.mjs';
import { median, runNode } from './bench/stats.mjs';

const root = resolve(new URL('..', import.meta.url).pathname);
const cli = join(root, 'dist', 'cli', 'main.js');
const { values } = parseArgs({
  options: {
    products: { type: 'string', default: '200' },
    jobs: { type: 'string', default: String(availableParallelism()) },
    format: { type: 'string', default: 'docx,pdf' },
    repeat: { type: 'string', default: '3' },
    keep: { type: 'boolean', default: false },
  },
});
const products = Number(values.products);
const jobs = Number(values.jobs);
const repeat = Number(values.repeat);
const formats = values.format.split(',');
const cores = Math.min(jobs, availableParallelism());

const fmt = (n, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const rows = [];
const row = (label, value) => {
  rows.push([label, value]);
  console.log(`${label.padEnd(58)} ${value}`);
};

// The load average says how far the figures can be trusted on a shared machine.
console.log(
  `techfile bench: ${products} products, --jobs ${jobs}, ${availableParallelism()} cores, formats ${formats.join(',')}, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}\n`,
);
const portfolio = buildPortfolio(root, products);
const tmp = portfolio.dir;

// ---------------------------------------------------------------- fresh-process latency
const pulseband = join(root, 'examples', 'wellness-wearable', 'pulseband.yaml');
const latency = (label, args) => {
  const times = [];
  for (let i = 0; i < repeat; i++) {
    const r = runNode([cli, ...args], root);
    if (r.status !== 0 && r.status !== 3) throw new Error(`${label}: exit ${r.status}\n${r.stderr}`);
    times.push(r.ms);
  }
  row(`fresh process: ${label} (median of ${repeat})`, `${fmt(median(times))} ms`);
};
latency('--help', ['--help']);
latency('validate one file', ['validate', pulseband]);
latency('first small DOCX (decommissioning)', [
  'generate',
  pulseband,
  '--doc',
  'decommissioning',
  '--format',
  'docx',
  '--jobs',
  '1',
  '--out',
  join(tmp, 'first'),
]);

// ---------------------------------------------------------------- words per document
// Every variant extends one example and changes a sentence, so its documents have the
// example's word count (within a few words).
const models = [];
for (const base of BASES) models.push(await documentModels(join(root, 'examples', base.dir, base.file), root));
const wordsPerProduct = models.map((docs) => docs.reduce((s, d) => s + d.words, 0));
const docsPerProduct = models.map((docs) => docs.length);
let totalWords = 0;
let totalDocs = 0;
for (const p of portfolio.files) {
  totalWords += wordsPerProduct[p.base];
  totalDocs += docsPerProduct[p.base];
}
console.log(
  `\nportfolio: ${products} products, ${totalDocs} documents per format (plus traceability records), ${fmt(totalWords)} words per format\n`,
);

// ---------------------------------------------------------------- raw building blocks
async function rawRate(render) {
  const all = models.flat();
  const words = all.reduce((s, d) => s + d.words, 0);
  await render(all[0].document); // module warm-up
  const rates = [];
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now();
    for (const d of all) await render(d.document);
    rates.push(words / ((performance.now() - t0) / 1000));
  }
  return median(rates);
}
const raw = {};
if (formats.includes('docx')) raw.docx = await rawRate(rawDocx);
if (formats.includes('pdf')) raw.pdf = await rawRate(rawPdf);

// ---------------------------------------------------------------- the portfolio run
function filesIn(dir) {
  let n = 0;
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (e.isFile() && /\.(docx|pdf)$/.test(e.name)) n++;
  return n;
}
for (const format of formats) {
  const out = join(tmp, `out-${format}`);
  const r = runNode(
    [cli, 'generate', portfolio.portfolio, '--format', format, '--jobs', String(jobs), '--out', out],
    tmp,
  );
  if (r.status !== 0)
    console.log(`(generate exited with ${r.status}; last lines:\n${r.stderr.split('\n').slice(-6).join('\n')})`);
  const files = filesIn(out);
  const s = r.ms / 1000;
  const perCore = totalWords / s / cores;
  console.log(`\n${format.toUpperCase()} (${files} files written, ${fmt(s, 1)} s wall, fresh process)`);
  row(`  products/s`, fmt(products / s, 2));
  row(`  documents/s (files incl. traceability records)`, fmt(files / s, 2));
  row(`  ms per document (wall x cores / documents)`, fmt((r.ms * cores) / totalDocs, 0));
  row(`  words/s per core, techfile`, fmt(perCore));
  row(`  words/s per core, raw ${format === 'docx' ? 'docx' : 'pdfkit'} (same models)`, fmt(raw[format]));
  row(`  ratio techfile/raw`, `${fmt(perCore / raw[format], 2)}x`);
  if (r.rssKiB !== undefined) {
    row(`  peak RSS, process with ${jobs} worker thread(s)`, `${fmt(r.rssKiB / 1024)} MiB`);
    row(`  peak RSS per worker (process / workers)`, `${fmt(r.rssKiB / 1024 / jobs)} MiB`);
  }
  // A second run over unchanged inputs: what an incremental rebuild costs.
  const again = runNode(
    [cli, 'generate', portfolio.portfolio, '--format', format, '--jobs', String(jobs), '--out', out],
    tmp,
  );
  row(`  rerun, inputs unchanged`, `${fmt(again.ms / 1000, 1)} s`);
  const skipped = /(\d+) file\(s\) skipped/.exec(again.stdout);
  if (skipped) row(`  rerun: skipped as unchanged`, skipped[1]);
}

if (values.keep) console.log(`\nportfolio kept in ${tmp}`);
else rmSync(tmp, { recursive: true, force: true });
