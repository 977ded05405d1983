import type { Command } from 'commander';
import { Option } from 'commander';
import { sortDiagnostics } from '../../diagnostics/diagnostic.js';
import { formatDiagnostics } from '../../diagnostics/format.js';
import { coverageReport, missingFieldAt } from '../../pipeline/coverage-report.js';
import { coverage, describeMissing, summariseMissing, type DocumentCoverage } from '../../pipeline/library.js';
import type { SourceRef } from '../../source/position.js';
import type { ReferenceToConfirm } from '../../pipeline/library.js';
import type { CliContext } from '../context.js';
import { loadInputs } from '../devices.js';
import { ExitCode } from '../exit-codes.js';
import { loadTemplateSet } from '../templates.js';
import { sourceDateEpoch } from '../source-date-epoch.js';
import { addLimitOptions, LOAD_LIMITS, limitsFrom } from '../limits.js';
import { addDiagnosticsOption, diagnosticsFormat, type DiagnosticsFlags } from '../diagnostics-option.js';

export function registerCoverage(program: Command, ctx: CliContext): void {
  const command = program
    .command('coverage')
    .description('show, per document type, the status of every catalogue clause for one product')
    .argument('<file>', 'a device file')
    .option(
      '--missing',
      'list each missing field once, the fields that unlock the most clauses first, with where it belongs',
    )
    .addOption(new Option('--templates <dir>', 'template folder (default: the templates shipped with techfile)'))
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  $ techfile coverage examples/radiology-ai/lumen-cxr.yaml',
        '  $ techfile coverage examples/incomplete/draft-monitor.yaml --diagnostics json > coverage.json',
        '  $ techfile coverage examples/incomplete/draft-monitor.yaml --missing',
        '',
        'Status: addressed (a section cites the clause and its data is supplied), tbd (data',
        'missing: the fields are listed) or not-applicable (with the reason).',
        'References to confirm: references the catalogue marks unverified that a document cites;',
        'the documents print them without the doubtful detail, which is shown here.',
      ].join('\n'),
    );
  addDiagnosticsOption(command, 'one entry per clause and document type');
  addLimitOptions(command, LOAD_LIMITS).action(
    async (file: string, flags: DiagnosticsFlags & { missing?: boolean; templates?: string }) => {
      const { io } = ctx;
      const limits = limitsFrom(flags, io);
      if (limits === null) return ctx.exit(ExitCode.usage);
      const format = diagnosticsFormat(flags, io);
      const { loaded, missing } = await loadInputs([file], io, limits);
      const input = loaded[0];
      if (missing.length > 0 || !input) {
        io.stderr(`techfile: no such device file: ${file}\n`);
        return ctx.exit(ExitCode.usage);
      }
      // A folder of several products: reporting the first one found would look like an answer.
      if (loaded.length > 1) {
        io.stderr(
          `techfile: coverage reports on one device file; ${file} holds ${loaded.length}: name one of them, e.g. ${input.file}\n`,
        );
        return ctx.exit(ExitCode.usage);
      }
      if (!input.valid || !input.device) {
        io.stderr(`${formatDiagnostics(sortDiagnostics(input.diagnostics))}\n`);
        return ctx.exit(ExitCode.invalidInput);
      }
      const epoch = sourceDateEpoch(ctx);
      if (epoch === null) return;
      const templates = loadTemplateSet(flags.templates, ctx);
      if (!templates) return;
      const result = await coverage(
        { file: input.file, ...input.device },
        { templates, cwd: io.cwd, sourceDateEpoch: epoch ?? '0' },
      );
      const { diagnostics } = result;
      if (!result.value) {
        io.stderr(`${formatDiagnostics(sortDiagnostics(diagnostics))}\n`);
        return ctx.exit(
          diagnostics.some((d) => d.code.startsWith('template/')) ? ExitCode.template : ExitCode.invalidInput,
        );
      }
      const {
        product: productId,
        instruments,
        documents,
        referencesToConfirm: toConfirm,
        decisions,
        missing: ranked,
      } = result.value;
      const provenance = input.device.provenance;
      // A product-line parent usually has no `product.id` of its own.
      const product = productId !== '' ? productId : input.device.abstract ? 'the product-line parent' : 'the product';
      if (flags.missing === true && format !== 'json') {
        io.stdout(`Missing facts for ${product} (${input.file}), the fields that unlock the most clauses first:\n\n`);
        ranked.fields.forEach((f, i) =>
          io.stdout(
            `${String(i + 1).padStart(4)}. ${formatWhere(missingFieldAt(f, provenance, input.file))}${describeMissing(f)}\n`,
          ),
        );
        for (const c of ranked.unaddressed)
          io.stdout(`      Clause ${c.id} (${c.ref}) of ${c.doc} is addressed by no section: ${c.reason}.\n`);
        io.stdout(`\n${summariseMissing(ranked.fields, ranked.unaddressed)}\n`);
        return;
      }
      if (format === 'json') {
        const report = coverageReport(result.value, input.file, provenance, flags.missing === true);
        io.stdout(`${JSON.stringify(report, null, 2)}\n`);
        return;
      }
      io.stdout(`Coverage for ${product} (${input.file})\n`);
      if (input.device.abstract)
        io.stdout('This is a product-line parent (abstract: true): the figures show what its variants inherit.\n');
      io.stdout('\nApplicable law:\n');
      for (const i of instruments) io.stdout(`  ${i.applies ? '✔' : '–'} ${i.reason}\n`);
      // The finer decisions a reader of the coverage needs: the CRA route and the AI Act transparency duties.
      for (const d of decisions.filter((x) => x.id === 'CRA-category' || x.id === 'AIA-art50')) {
        if (d.applies || (d.id === 'AIA-art50' && instruments.some((i) => i.id === 'AIA' && i.applies)))
          io.stdout(
            `  ${d.applies ? '✔' : '–'} ${d.reason}${d.missing.length > 0 ? ` (missing: ${d.missing.join(', ')})` : ''}\n`,
          );
      }
      for (const d of documents) io.stdout(`\n${renderDocument(d)}`);
      io.stdout(`\n${renderReferencesToConfirm(toConfirm)}`);
    },
  );
}

function formatWhere(at: SourceRef): string {
  const start = at.range?.start;
  return start ? `${at.file}:${start.line}:${start.column}: ` : `${at.file}: `;
}

function renderDocument(d: DocumentCoverage): string {
  if (!d.applies || !d.summary) return `${d.doc}: not generated: ${d.reason}\n`;
  const s = d.summary;
  const lines = [
    `${d.doc}: ${s.percent} % of applicable clauses addressed (${s.addressed} addressed, ${s.tbd} TBD, ${s.notApplicable} not applicable)`,
  ];
  const width = Math.max(...d.entries.map((e) => e.id.length));
  for (const e of d.entries) {
    const status =
      e.status === 'addressed' ? 'addressed     ' : e.status === 'tbd' ? 'TBD           ' : 'not applicable';
    const detail =
      e.status === 'addressed'
        ? (e.section ?? '')
        : e.status === 'tbd'
          ? `${e.section ?? 'no section'}: ${e.missing.length > 0 ? `missing ${e.missing.join(', ')}` : e.reason}`
          : e.reason;
    lines.push(`  ${e.id.padEnd(width)}  ${status}  ${detail}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Unverified references the documents cite without their doubtful detail: a writer confirms them. */
function renderReferencesToConfirm(refs: readonly ReferenceToConfirm[]): string {
  if (refs.length === 0) return 'References to confirm: none\n';
  const lines = ['References to confirm (the documents cite them without the detail the catalogue has not verified):'];
  for (const r of refs) {
    lines.push(`  ${r.id}  printed as "${r.printed}" in ${r.docs.join(', ')}`);
    lines.push(`    catalogue: ${r.catalogueRef}${r.note !== undefined ? ` (${r.note})` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}
