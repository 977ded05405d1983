import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { techfile } from './cli.js';
import { docxText } from './docx.js';
import { ROOT } from './examples.js';
import { listFiles } from './files.js';
import { pdfText } from './pdf.js';

/**
 * Every example generated once per e2e run (`techfile generate examples`, as a user runs it),
 * with the text of each file extracted once per test file. Test files that read the documents
 * share this instead of generating the examples again and again.
 */
export interface GeneratedFile {
  readonly productId: string;
  /** `secure-operation`, or `secure-operation.traceability` for the separate record. */
  readonly name: string;
  readonly docType: string;
  readonly part: 'document' | 'traceability';
  readonly format: 'docx' | 'pdf';
  readonly path: string;
}

export interface GeneratedExamples {
  readonly out: string;
  readonly stdout: string;
  /** Warnings (the run exited 0: generatedExamples rejects otherwise). */
  readonly stderr: string;
  readonly files: readonly GeneratedFile[];
}

interface Generation {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `generate examples` once for the whole e2e run: test files run in separate workers, so
 * the first one to get here takes a lock (an atomic mkdir) and generates, and the others wait for
 * the result it writes. No deadline: the project's hook timeout guards against a hang.
 */
async function generateOnce(shared: string): Promise<Generation & { readonly out: string }> {
  const out = join(shared, 'examples');
  const result = join(shared, 'examples.json');
  let owner = false;
  try {
    mkdirSync(join(shared, 'examples.lock'));
    owner = true;
  } catch (error) {
    // EEXIST: another test file is generating (or has generated) the examples.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if (owner) {
    let r: Generation;
    try {
      r = await techfile(['generate', 'examples', '--out', out], ROOT);
    } catch (error) {
      // The waiting files must learn of the failure too, not wait for their hook timeout.
      r = { code: -1, stdout: '', stderr: String(error instanceof Error ? error.stack : error) };
    }
    writeFileSync(`${result}.tmp`, JSON.stringify(r));
    renameSync(`${result}.tmp`, result);
  }
  while (!existsSync(result)) await sleep(250);
  return { out, ...(JSON.parse(readFileSync(result, 'utf8')) as Generation) };
}

let pending: Promise<GeneratedExamples> | undefined;

/**
 * `techfile generate examples --out <folder>` run from the repository root, generated once per
 * e2e run and shared by every test file. Read it, never write into it.
 */
export function generatedExamples(): Promise<GeneratedExamples> {
  pending ??= (async () => {
    const r = await generateOnce(inject('e2eSharedDir'));
    if (r.code !== 0) throw new Error(`techfile generate examples exited ${r.code}:\n${r.stderr}`);
    const out = r.out;
    const files = listFiles(out).flatMap((rel): GeneratedFile[] => {
      const m = /^([^/]+)\/(([a-z-]+)(\.traceability)?)\.(docx|pdf)$/.exec(rel);
      if (!m) return [];
      return [
        {
          productId: m[1] ?? '',
          name: m[2] ?? '',
          docType: m[3] ?? '',
          part: m[4] ? 'traceability' : 'document',
          format: m[5] === 'docx' ? 'docx' : 'pdf',
          path: join(out, rel),
        },
      ];
    });
    return { out, stdout: r.stdout, stderr: r.stderr, files };
  })();
  return pending;
}

const texts = new Map<string, string>();

/**
 * The text a reader (or a search) gets from a file: `pdftotext -raw` (content order, table
 * cells row by row) for a PDF, the paragraphs of word/document.xml for a DOCX.
 */
export function fileText(file: GeneratedFile): string {
  let text = texts.get(file.path);
  if (text === undefined) {
    text = file.format === 'pdf' ? pdfText(file.path, ['-raw']) : docxText(readFileSync(file.path));
    texts.set(file.path, text);
  }
  return text;
}

/**
 * The files `generate` writes for one document: `<doc-type>.<format>`, and beside every
 * document except cyber-techdoc its traceability record `<doc-type>.traceability.<format>`.
 */
export function outputNames(
  productId: string,
  docType: string,
  formats: readonly string[] = ['docx', 'pdf'],
  annex = false,
): string[] {
  const names = docType === 'cyber-techdoc' ? [docType] : [docType, `${docType}.traceability`];
  // The IT and security annex beside a lay guide that organisations also deploy.
  if (annex && docType === 'secure-operation') names.push(`${docType}-annex`);
  return names.flatMap((n) => formats.map((f) => `${productId}/${n}.${f}`));
}
