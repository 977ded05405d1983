import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../../helpers/clients.js';

/** One LibreOffice profile per test process, so parallel runs do not lock each other out. */
export const LIBREOFFICE_PROFILE = `/tmp/lo-profile-${process.pid}`;

/**
 * Converts DOCX files to PDF with LibreOffice in ONE soffice call (start-up is the slow part).
 * Files are copied to a flat folder under unique names first, since several products have a
 * `secure-operation.docx`. A private profile keeps parallel runs from colliding.
 * Returns input path → converted PDF path (missing from the map when conversion failed).
 */
export function convertWithLibreOffice(
  files: readonly { path: string; key: string }[],
  work: string,
): {
  pdfs: Map<string, string>;
  log: string;
} {
  const inDir = join(work, 'in');
  const outDir = join(work, 'out');
  mkdirSync(inDir, { recursive: true });
  mkdirSync(outDir, { recursive: true });
  const names = files.map((f) => {
    const name = `${f.key.replace(/[^a-z0-9-]+/gi, '--')}.docx`;
    copyFileSync(f.path, join(inDir, name));
    return name;
  });
  const r = run('soffice', [
    `-env:UserInstallation=file://${LIBREOFFICE_PROFILE}`,
    '--headless',
    '--norestore',
    '--convert-to',
    'pdf',
    '--outdir',
    outDir,
    ...names.map((n) => join(inDir, n)),
  ]);
  const pdfs = new Map<string, string>();
  files.forEach((f, i) => {
    const pdf = join(outDir, (names[i] ?? '').replace(/\.docx$/, '.pdf'));
    if (existsSync(pdf)) pdfs.set(f.path, pdf);
  });
  return { pdfs, log: `${r.stdout}\n${r.stderr}` };
}
