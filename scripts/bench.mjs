// Prints generation figures for the bundled examples: wall time per document and format,
// total time and peak memory. Figures, not pass/fail: compare them between commits.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { runCli } from '../dist/cli/program.js';

const root = resolve(new URL('..', import.meta.url).pathname);
const quiet = { stdout: () => {}, stderr: (s) => process.stderr.write(s), cwd: root };

async function timed(label, args) {
  const out = mkdtempSync(join(tmpdir(), 'techfile-bench-'));
  const t0 = performance.now();
  const code = await runCli([...args, '--out', out], quiet);
  const ms = performance.now() - t0;
  rmSync(out, { recursive: true, force: true });
  if (code !== 0) throw new Error(`${label}: exit ${code}`);
  return ms;
}

const rows = [];
// First run includes loading fonts and compiling templates; later runs show the steady state.
rows.push(['all examples, docx+pdf, --jobs 1 (cold)', await timed('cold', ['generate', 'examples', '--jobs', '1'])]);
rows.push(['all examples, docx+pdf, --jobs 1 (warm)', await timed('warm', ['generate', 'examples', '--jobs', '1'])]);
rows.push(['all examples, docx+pdf, --jobs 2 (workers)', await timed('pool', ['generate', 'examples', '--jobs', '2'])]);
rows.push(['all examples, docx only, --jobs 1', await timed('docx', ['generate', 'examples', '--format', 'docx', '--jobs', '1'])]);
rows.push(['all examples, pdf only, --jobs 1', await timed('pdf', ['generate', 'examples', '--format', 'pdf', '--jobs', '1'])]);
for (const doc of ['cyber-techdoc', 'secure-operation', 'decommissioning', 'ai-transparency'])
  rows.push([`radiology-ai ${doc}, docx+pdf`, await timed(doc, ['generate', 'examples/radiology-ai', '--doc', doc, '--jobs', '1'])]);

const width = Math.max(...rows.map((r) => r[0].length));
for (const [label, ms] of rows) console.log(`${label.padEnd(width)}  ${ms.toFixed(0).padStart(7)} ms`);
const mem = process.memoryUsage();
console.log(`${'peak resident set size (process, incl. workers)'.padEnd(width)}  ${(process.resourceUsage().maxRSS / 1024).toFixed(0).padStart(7)} MiB`);
console.log(`${'heap used at end'.padEnd(width)}  ${(mem.heapUsed / 1024 / 1024).toFixed(0).padStart(7)} MiB`);
