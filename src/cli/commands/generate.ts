import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { hasErrors, sortDiagnostics } from '../../diagnostics/diagnostic.js';
import { formatDiagnostics } from '../../diagnostics/format.js';
import { startBatch } from '../../pipeline/batch.js';
import { FINAL_REPORT_CODES, formatFinalReport } from '../../pipeline/final-check.js';
import { FORMATS } from '../../pipeline/generate.js';
import { rememberTemplates, type ProductJob } from '../../pipeline/product-job.js';
import { DOC_TYPES } from '../../regulatory/catalogue.js';
import type { CliContext } from '../context.js';
import { loadInputs, uniqueDiagnostics, type LoadedInput } from '../devices.js';
import { ExitCode } from '../exit-codes.js';
import { displayPath } from '../paths.js';
import { listOption } from '../list-option.js';
import { loadTemplateSet } from '../templates.js';

interface GenerateFlags {
  readonly doc?: string;
  readonly format: string;
  readonly out: string;
  readonly final?: boolean;
  readonly templates?: string;
  readonly jobs?: string;
}

export function registerGenerate(program: Command, ctx: CliContext): void {
  program
    .command('generate')
    .description('write the regulatory documents of each product as DOCX and PDF')
    .argument('<paths...>', 'device files, or folders to search for device files (product-line parents are skipped)')
    .option('--doc <types>', `document types, comma-separated (default: all that apply): ${DOC_TYPES.join(', ')}`)
    .option('--format <formats>', 'output formats, comma-separated', 'docx,pdf')
    .option('--out <dir>', 'output folder; files go to <out>/<product.id>/<doc-type>.<format>', 'out')
    .option('--final', 'release build: no DRAFT marking, and refuse any document that still has a TBD')
    .option('--jobs <n>', 'products generated in parallel (default: the number of CPU cores)')
    .addOption(new Option('--templates <dir>', 'template folder (default: the templates shipped with techfile)'))
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  $ techfile generate examples --out out',
        '  $ techfile generate devices/x2.yaml --doc secure-operation --format pdf',
        '  $ SOURCE_DATE_EPOCH=1798761600 techfile generate devices/ --final',
        '',
        'The document date comes from documents.<type>.date or documents.defaults.date in the',
        'data, else from SOURCE_DATE_EPOCH; never from the clock, so two runs give the same bytes.',
        'Exit codes: 0 all written, 2 usage, 3 invalid data, 4 template error, 5 write error,',
        '6 --final refused because a document still has TBDs.',
      ].join('\n'),
    )
    .action(async (paths: string[], flags: GenerateFlags) => {
      const { io } = ctx;
      const docTypes = flags.doc === undefined ? undefined : listOption(flags.doc, DOC_TYPES, '--doc', io);
      const formats = listOption(flags.format, FORMATS, '--format', io);
      if (docTypes === null || formats === null) return ctx.exit(ExitCode.usage);

      const { loaded, missing } = await loadInputs(paths, io);
      if (missing.length > 0) {
        io.stderr(missing.map((m) => `techfile: no such file or folder: ${m}\n`).join(''));
        return ctx.exit(ExitCode.usage);
      }
      const templates = loadTemplateSet(flags.templates, ctx);
      if (!templates) return;
      const templatesDir = templates.dir;
      rememberTemplates(templatesDir, templates);
      const jobs = flags.jobs === undefined ? availableParallelism() : Number(flags.jobs);
      if (!Number.isInteger(jobs) || jobs < 1) {
        io.stderr(`techfile: --jobs takes a whole number of 1 or more; got ${String(flags.jobs)}\n`);
        return ctx.exit(ExitCode.usage);
      }
      const options = { docTypes, formats, outDir: resolve(io.cwd, flags.out), final: flags.final === true, sourceDateEpoch: process.env['SOURCE_DATE_EPOCH'] };
      const diagnostics: (readonly Diagnostic[])[] = [uniqueDiagnostics(loaded.map((l) => l.diagnostics))];
      const products = new Map<string, string>();
      const work: ProductJob[] = [];
      let failed = 0;
      for (const l of loaded) {
        if (!l.valid || !l.device) {
          failed++;
          ctx.exit(ExitCode.invalidInput);
          continue;
        }
        if (l.device.abstract) {
          io.stdout(`skipped ${l.file}: a product-line parent (abstract: true), not a product\n`);
          continue;
        }
        const productId = String((l.device.data['product'] as { id?: unknown } | undefined)?.id ?? '');
        const other = products.get(productId);
        if (other !== undefined) {
          diagnostics.push([duplicateProduct(l.file, productId, other)]);
          ctx.exit(ExitCode.invalidInput);
          continue;
        }
        products.set(productId, l.file);
        work.push({ file: l.file, productId, data: l.device.data, assets: assetSearch(l, io.cwd), provenance: l.device.provenance, templatesDir, options });
      }

      // Products are independent: they run in parallel, and are reported in input order.
      const batch = startBatch(work, jobs);
      let written = 0;
      for (const [i, pending] of batch.results.entries()) {
        const job = work[i];
        if (!job) continue;
        try {
          const result = await pending;
          diagnostics.push(result.diagnostics);
          for (const f of result.written) {
            written++;
            const tbd = f.placeholders > 0 ? `  (${f.placeholders} TBD)` : '';
            io.stdout(`wrote ${displayPath(io.cwd, f.path)}${tbd}\n`);
          }
          for (const s of result.skipped)
            if (docTypes !== undefined) io.stdout(`skipped ${job.productId}/${s.docType}: ${s.reason}\n`);
          if (result.refused) ctx.exit(ExitCode.finalRefused);
          else if (hasErrors(result.diagnostics)) ctx.exit(result.diagnostics.some((d) => d.code.startsWith('template/')) ? ExitCode.template : ExitCode.invalidInput);
        } catch (error) {
          // Writing failed (disk full, permissions): the atomic writer left no partial file.
          failed++;
          io.stderr(`techfile: could not write the documents of ${job.file}: ${error instanceof Error ? error.message : String(error)}\n`);
          ctx.exit(ExitCode.output);
        }
      }
      await batch.close();
      // The --final report keeps its ranking (fields that unlock the most clauses first), one line each.
      const isFinal = (d: Diagnostic) => FINAL_REPORT_CODES.includes(d.code);
      const all = sortDiagnostics(diagnostics.flat().filter((d) => !isFinal(d)));
      if (all.length > 0) io.stderr(`${formatDiagnostics(all)}\n\n`);
      const finalLines = diagnostics.flat().filter(isFinal);
      if (finalLines.length > 0) io.stderr(`${formatFinalReport(finalLines)}\n\n`);
      io.stdout(`${written} file${written === 1 ? '' : 's'} written for ${products.size} product${products.size === 1 ? '' : 's'}${failed > 0 ? `; ${failed} device file(s) failed` : ''}\n`);
    });
}

/** Images are looked up beside the device file, then beside each product-line parent. */
function assetSearch(l: LoadedInput, cwd: string): { dirs: string[]; projectRoot: string } {
  const files = [l.input.path, ...(l.device?.chain ?? []).map((f) => resolve(cwd, f))];
  return { dirs: [...new Set(files.map((f) => dirname(f)))], projectRoot: l.input.projectRoot };
}

function duplicateProduct(file: string, id: string, other: string): Diagnostic {
  return {
    severity: 'error',
    code: 'generate/duplicate-product-id',
    message: `product id \`${id}\` is also used by ${other}; both would write to the same output folder`,
    source: { file },
    fieldPath: 'product.id',
    hints: ['give each product variant its own `product.id`'],
  };
}


