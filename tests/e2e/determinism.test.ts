import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { techfile } from './support/cli.js';
import {
  ROOT,
  concreteExamples,
  copyExampleFolder,
  describeExample,
  tempDir,
  removeTempDirs,
} from './support/examples.js';
import { editYaml, listFiles, sha256 } from './support/files.js';
import { outputNames } from './support/generated.js';
import { itAnnexDecision } from '../../src/pipeline/annex.js';

afterAll(removeTempDirs);

// Dates come from the data, never from the clock or the environment.
const savedEpoch = process.env['SOURCE_DATE_EPOCH'];

describe('generate is deterministic', () => {
  let first: string;
  let second: string;

  beforeAll(async () => {
    delete process.env['SOURCE_DATE_EPOCH'];
    first = tempDir('det-a');
    second = tempDir('det-b');
    const a = await techfile(['generate', 'examples', '--out', first], ROOT);
    // A second, separate run: nothing may depend on state left by the first (counters, caches).
    const b = await techfile(['generate', 'examples', '--out', second], ROOT);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
  });

  afterAll(() => {
    if (savedEpoch !== undefined) process.env['SOURCE_DATE_EPOCH'] = savedEpoch;
  });

  it('writes the same set of files twice', async () => {
    const examples = await concreteExamples();
    const names = examples.flatMap((e) =>
      e.docTypes.flatMap((d) => outputNames(e.productId, d, ['docx', 'pdf'], itAnnexDecision(e.device.data).applies)),
    );
    expect(listFiles(first)).toEqual(names.sort());
    expect(listFiles(second)).toEqual(listFiles(first));
  });

  it('gives every file the same SHA-256 in both runs', () => {
    const files = listFiles(first);
    expect(files.length).toBeGreaterThan(0);
    const differing = files.filter((f) => sha256(join(first, f)) !== sha256(join(second, f)));
    expect(differing, `files whose bytes differ between two runs: ${differing.join(', ')}`).toEqual([]);
  });

  it('changes the bytes of both formats when documents.defaults.date changes', async () => {
    const copy = copyExampleFolder('insulin-pump');
    const file = join(copy, 'insulin-pump/glucoflow-x2-eu.yaml');
    const before = await describeExample(file, copy);
    const data = before.device.data as { documents?: { defaults?: { date?: unknown } } };
    const old = String(data.documents?.defaults?.date ?? '');
    expect(old).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const changed = old === '2030-06-15' ? '2030-06-16' : '2030-06-15';
    editYaml(file, [[['documents', 'defaults', 'date'], changed]]);
    const after = await describeExample(file, copy);
    expect(String((after.device.data as typeof data).documents?.defaults?.date)).toBe(changed);

    const out = tempDir('det-date');
    const r = await techfile(['generate', file, '--doc', 'decommissioning', '--out', out], ROOT);
    expect(r.code).toBe(0);
    for (const ext of ['docx', 'pdf']) {
      const name = `${before.productId}/decommissioning.${ext}`;
      expect(listFiles(out)).toContain(name);
      expect(sha256(join(out, name)), `${name} did not change with the document date`).not.toBe(
        sha256(join(first, name)),
      );
    }
  });
});
