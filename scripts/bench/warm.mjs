// Warm figures for the bench: the renderer stage beside the raw library, and the examples
// generated in a process that has already loaded everything.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { renderDocx } from '../../dist/render/docx/index.js';
import { renderPdf } from '../../dist/render/pdf/index.js';
import { generate } from '../../dist/index.js';
import { loadTemplates } from '../../dist/pipeline/template-set.js';
import { defaultTemplatesDir } from '../../dist/pipeline/templates-dir.js';
import { median } from './stats.mjs';

/**
 * Words per second of techfile's renderer and of `raw` on the same models: one warm-up round
 * each, then `repeat` rounds, techfile and raw alternating; medians.
 */
export async function renderStage(models, format, raw, repeat) {
  const render = format === 'docx' ? renderDocx : renderPdf;
  const words = models.reduce((s, d) => s + d.words, 0);
  const round = async (fn) => {
    const t0 = performance.now();
    for (const d of models) await fn(d.document);
    return words / ((performance.now() - t0) / 1000);
  };
  const ours = (doc) => render(doc, { assets: new Map() });
  await round(ours);
  await round(raw);
  const techfile = [];
  const rawRates = [];
  for (let i = 0; i < repeat; i++) {
    techfile.push(await round(ours));
    rawRates.push(await round(raw));
  }
  return { techfile: median(techfile), raw: median(rawRates), words, documents: models.length };
}

/** The concrete example device files (product-line parents and the incomplete example included: generate skips or reports them). */
function exampleFiles(root) {
  const out = [];
  const dir = join(root, 'examples');
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (e.isFile() && /\.(ya?ml|json)$/.test(e.name)) out.push(join(e.parentPath, e.name));
  return out.sort();
}

/** Milliseconds to generate every example in this process, after one warm-up round (median). */
export async function warmExamples(root, format, outDir, repeat) {
  const templates = loadTemplates(defaultTemplatesDir()).value;
  const files = exampleFiles(root);
  const round = async () => {
    const t0 = performance.now();
    for (const file of files) await generate(file, { cwd: root, outDir, formats: [format], templates });
    return performance.now() - t0;
  };
  await round();
  const times = [];
  for (let i = 0; i < repeat; i++) times.push(await round());
  return median(times);
}
