import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serialize } from 'node:v8';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/data/limits.js';
import { discoverDevices } from '../../src/pipeline/discover.js';
import { portfolioJobs } from '../../src/pipeline/portfolio-jobs.js';
import { runProductJob } from '../../src/pipeline/product-job.js';
import { defaultTemplatesDir } from '../../src/pipeline/templates-dir.js';

// A portfolio job carries where its device is, not the device's data: the data is loaded where
// the job runs, so a run over hundreds of products holds only the products being built.
const example = resolve('examples/wellness-wearable/pulseband.yaml');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function jobFor(dir: string) {
  const file = join(dir, 'pulseband.yaml');
  copyFileSync(example, file);
  const found = await discoverDevices([file], { cwd: dir, retain: 'summary' });
  const { items } = portfolioJobs(found.value.devices, {
    cwd: dir,
    limits: DEFAULT_LIMITS,
    templatesDir: defaultTemplatesDir(),
    options: { formats: ['docx'], docTypes: ['decommissioning'], outDir: join(dir, 'out'), final: false },
  });
  const item = items[0];
  if (item === undefined) throw new Error('no job');
  return { file, item };
}

describe('product jobs', () => {
  it('hold no device data (a few KB per job), only where to load it and the names of files it uses', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'techfile-job-'));
    dirs.push(dir);
    const { item } = await jobFor(dir);
    expect(item.job.productId).toBe('pulseband-3');
    expect(item.job.productIdAt?.range?.start.line).toBeGreaterThan(1);
    expect(serialize(item).length).toBeLessThan(8_000);
    const result = await runProductJob(item.job);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(readdirSync(join(dir, 'out', 'pulseband-3'))).toContain('decommissioning.docx');
  });

  it('fail only their product, with a diagnostic, when the device file no longer loads where the job runs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'techfile-job-'));
    dirs.push(dir);
    const { file, item } = await jobFor(dir);
    writeFileSync(file, 'product: [unclosed\n');
    const result = await runProductJob(item.job);
    expect(result.written).toEqual([]);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['generate/changed-during-run']);
    expect(result.diagnostics[0]?.source?.file).toBe(item.job.file);
  });
});
