import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { techfile } from './cli.js';
import { docxText } from './docx.js';
import { ROOT, tempDir } from './examples.js';
import { listFiles } from './files.js';
import { pdfText } from './pdf.js';

/**
 * Every example generated once per test file (`techfile generate examples`, as a user runs
 * it), with the text of each file extracted once. Test files that scan the documents share
 * this instead of generating the examples again and again.
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
  readonly files: readonly GeneratedFile[];
}

let pending: Promise<GeneratedExamples> | undefined;

/** Generates `examples/` into a temp folder (removed by the test file's `removeTempDirs`). */
export function generatedExamples(): Promise<GeneratedExamples> {
  pending ??= (async () => {
    const out = tempDir('generated');
    const r = await techfile(['generate', 'examples', '--out', out], ROOT);
    if (r.code !== 0) throw new Error(`techfile generate examples exited ${r.code}:\n${r.stderr}`);
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
    return { out, stdout: r.stdout, files };
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
export function outputNames(productId: string, docType: string, formats: readonly string[] = ['docx', 'pdf'], annex = false): string[] {
  const names = docType === 'cyber-techdoc' ? [docType] : [docType, `${docType}.traceability`];
  // The IT and security annex beside a lay guide that organisations also deploy.
  if (annex && docType === 'secure-operation') names.push(`${docType}-annex`);
  return names.flatMap((n) => formats.map((f) => `${productId}/${n}.${f}`));
}
