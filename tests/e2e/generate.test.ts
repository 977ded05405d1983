import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOC_TYPES } from '../../src/regulatory/catalogue.js';
import { itAnnexDecision } from '../../src/pipeline/annex.js';
import { techfile, type CliRun } from './support/cli.js';
import {
  ABSTRACT_PARENT,
  EXAMPLES,
  EXPECTED_EXAMPLES,
  ROOT,
  concreteExamples,
  describeExample,
  exampleExists,
  removeTempDirs,
  tempDir,
  type Example,
} from './support/examples.js';
import { listFiles } from './support/files.js';
import { generatedExamples, outputNames } from './support/generated.js';

afterAll(removeTempDirs);

describe('techfile generate examples', () => {
  let out: string;
  let result: CliRun;
  let examples: Example[];

  beforeAll(async () => {
    examples = await concreteExamples();
    // The run every e2e file shares: `techfile generate examples --out <folder>` from the root.
    const generated = await generatedExamples();
    out = generated.out;
    result = { code: 0, stdout: generated.stdout, stderr: generated.stderr };
  });

  it.each(EXPECTED_EXAMPLES)('ships the example %s', (name) => {
    expect(exampleExists(name), `examples/${name} is missing`).toBe(true);
  });

  it('exits 0 and reports no errors', () => {
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.code).toBe(0);
  });

  it('writes <out>/<product.id>/<doc-type>.docx and .pdf (and its traceability record) for every document each concrete example gets, and nothing else', () => {
    expect(examples.length).toBeGreaterThanOrEqual(2);
    const expected = examples
      .flatMap((e) =>
        e.docTypes.flatMap((d) => outputNames(e.productId, d, ['docx', 'pdf'], itAnnexDecision(e.device.data).applies)),
      )
      .sort();
    expect(listFiles(out)).toEqual(expected);
    for (const e of examples) expect(e.docTypes.length, `${e.name} gets no document`).toBeGreaterThan(0);
  });

  it('gives the abstract product-line parent no folder', async () => {
    const parent = await describeExample(join(EXAMPLES, ABSTRACT_PARENT));
    expect(parent.device.abstract).toBe(true);
    expect(existsSync(join(out, parent.productId))).toBe(false);
    expect(
      readdirSync(out)
        .filter((f) => f !== 'manifest.json')
        .sort(),
    ).toEqual([...new Set(examples.map((e) => e.productId))].sort());
  });

  it('writes ai-transparency only for products with an AI system', () => {
    for (const e of examples) {
      const ai =
        (e.device.data as { regulatory?: { ai_act?: { ai_system?: boolean } } }).regulatory?.ai_act?.ai_system === true;
      expect(existsSync(join(out, e.productId, 'ai-transparency.docx')), `${e.name}: ai_system=${ai}`).toBe(ai);
      expect(existsSync(join(out, e.productId, 'ai-transparency.pdf')), `${e.name}: ai_system=${ai}`).toBe(ai);
    }
  });

  it('names every file it wrote on stdout', () => {
    const files = listFiles(out);
    for (const f of files) expect(result.stdout).toContain(relative(ROOT, join(out, f)).split('\\').join('/'));
    const wrote = result.stdout.split('\n').filter((l) => l.startsWith('wrote '));
    expect(wrote).toHaveLength(files.length);
    expect(result.stdout).toContain(`${files.length} files written for ${examples.length} products`);
  });
});

describe('techfile generate with options', () => {
  it('writes only the secure-operation PDFs with --doc secure-operation --format pdf', async () => {
    const examples = await concreteExamples();
    const out = tempDir('generate-doc');
    const r = await techfile(
      ['generate', 'examples', '--doc', 'secure-operation', '--format', 'pdf', '--out', out],
      ROOT,
    );
    expect(r.code).toBe(0);
    const expected = examples
      .filter((e) => e.docTypes.includes('secure-operation'))
      .flatMap((e) => outputNames(e.productId, 'secure-operation', ['pdf']));
    expect(expected.length).toBeGreaterThan(0);
    // A lay guide whose product organisations also deploy gets its IT and security annex beside it.
    const annexes = listFiles(out).filter((f) => f.endsWith('/secure-operation-annex.pdf'));
    expect(annexes).toContain('glucoflow-x2-eu/secure-operation-annex.pdf');
    expect(listFiles(out).filter((f) => !annexes.includes(f))).toEqual(expected.sort());
  });

  it('exits 2 for an unknown --doc and writes nothing', async () => {
    const out = tempDir('generate-unknown');
    const r = await techfile(['generate', 'examples', '--doc', 'x', '--out', out], ROOT);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('x');
    // The message lists what would have been accepted, so the writer can correct the typo.
    for (const d of DOC_TYPES) expect(r.stderr).toContain(d);
    expect(listFiles(out)).toEqual([]);
  });

  it('exits 3 for a data file with errors, writes nothing for it and still writes the valid product', async () => {
    const out = tempDir('generate-invalid');
    const broken = 'tests/e2e/fixtures/broken-class.yaml';
    const good = await describeExample(join(EXAMPLES, 'insulin-pump/glucoflow-x2-eu.yaml'));
    const r = await techfile(
      [
        'generate',
        broken,
        'examples/insulin-pump/glucoflow-x2-eu.yaml',
        '--doc',
        'decommissioning',
        '--format',
        'pdf',
        '--out',
        out,
      ],
      ROOT,
    );
    expect(r.code).toBe(3);
    // The error says where (file:line:column) and which field.
    expect(r.stderr).toMatch(/tests\/e2e\/fixtures\/broken-class\.yaml:\d+:\d+/);
    expect(r.stderr).toContain('regulatory.medical_device.class');
    expect(existsSync(join(out, 'broken-class-pump'))).toBe(false);
    expect(listFiles(out)).toEqual(outputNames(good.productId, 'decommissioning', ['pdf']));
  });
});
