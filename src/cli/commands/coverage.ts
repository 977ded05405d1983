import type { Command } from 'commander';
import { Option } from 'commander';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { formatDiagnostics } from '../../diagnostics/format.js';
import { buildDocument } from '../../pipeline/build-document.js';
import { nearest } from '../../pipeline/final-check.js';
import { decideApplicability, describeDecision } from '../../regulatory/applicability.js';
import { DOC_TYPES, loadCatalogue } from '../../regulatory/catalogue.js';
import { referencesToConfirm, type CoverageEntry, type CoverageReport, type CoverageSummary, type ReferenceToConfirm } from '../../regulatory/coverage.js';
import { printedReference } from '../../regulatory/traceability.js';
import { INSTRUMENT_IDS } from '../../regulatory/instruments.js';
import { describeMissing, rankMissing, summariseMissing, type DocumentGaps } from '../../regulatory/missing.js';
import { templateDecisions } from '../../regulatory/template-decisions.js';
import { fieldLabel } from '../../schema/device-schema.js';
import type { SourceRef } from '../../source/position.js';
import type { CliContext } from '../context.js';
import { loadInputs } from '../devices.js';
import { ExitCode } from '../exit-codes.js';
import { loadTemplateSet } from '../templates.js';
import { addLimitOptions, LOAD_LIMITS, limitsFrom } from '../limits.js';

interface DocumentCoverage {
  readonly doc: string;
  readonly applies: boolean;
  readonly reason: string;
  readonly summary: CoverageSummary | null;
  readonly entries: readonly CoverageEntry[];
}

export function registerCoverage(program: Command, ctx: CliContext): void {
  const command = program
    .command('coverage')
    .description('show, per document type, the status of every catalogue clause for one product')
    .argument('<file>', 'a device file')
    .option('--json', 'print JSON (one entry per clause and document type)')
    .option('--missing', 'list each missing field once, the fields that unlock the most clauses first, with where it belongs')
    .addOption(new Option('--templates <dir>', 'template folder (default: the templates shipped with techfile)'))
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  $ techfile coverage examples/radiology-ai/lumen-cxr.yaml',
        '  $ techfile coverage examples/incomplete/draft-monitor.yaml --json > coverage.json',
        '  $ techfile coverage examples/incomplete/draft-monitor.yaml --missing',
        '',
        'Status: addressed (a section cites the clause and its data is supplied), tbd (data',
        'missing: the fields are listed) or not-applicable (with the reason).',
        'References to confirm: references the catalogue marks unverified that a document cites;',
        'the documents print them without the doubtful detail, which is shown here.',
      ].join('\n'),
    );
  addLimitOptions(command, LOAD_LIMITS)
    .action(async (file: string, flags: { json?: boolean; missing?: boolean; templates?: string }) => {
      const { io } = ctx;
      const limits = limitsFrom(flags, io);
      if (limits === null) return ctx.exit(ExitCode.usage);
      const { loaded, missing } = await loadInputs([file], io, limits);
      const input = loaded[0];
      if (missing.length > 0 || !input) {
        io.stderr(`techfile: no such device file: ${file}\n`);
        return ctx.exit(ExitCode.usage);
      }
      if (!input.valid || !input.device) {
        io.stderr(`${formatDiagnostics(sortDiagnostics(input.diagnostics))}\n`);
        return ctx.exit(ExitCode.invalidInput);
      }
      const templates = loadTemplateSet(flags.templates, ctx);
      if (!templates) return;
      const catalogue = loadCatalogue();
      const data = input.device.data;
      const applicability = decideApplicability(data);
      const documents: DocumentCoverage[] = [];
      const gaps: DocumentGaps[] = [];
      const diagnostics: Diagnostic[] = [];
      const reports: CoverageReport[] = [];
      for (const doc of DOC_TYPES) {
        const decision = applicability.documents[doc];
        if (!decision.applies) {
          documents.push({ doc, applies: false, reason: decision.reason, summary: null, entries: [] });
          continue;
        }
        const built = buildDocument({
          file: input.file,
          data,
          docType: doc,
          templates,
          catalogue,
          applicability,
          final: false,
          sourceDateEpoch: process.env['SOURCE_DATE_EPOCH'] ?? '0',
        });
        diagnostics.push(...built.diagnostics);
        if (!built.value) continue;
        gaps.push({ doc, entries: built.value.coverage.entries, placeholders: built.value.placeholders });
        documents.push({ doc, applies: true, reason: decision.reason, summary: built.value.coverage.summary, entries: built.value.coverage.entries });
        reports.push(built.value.coverage);
      }
      if (hasErrors(diagnostics)) {
        io.stderr(`${formatDiagnostics(sortDiagnostics(diagnostics))}\n`);
        return ctx.exit(diagnostics.some((d) => d.code.startsWith('template/')) ? ExitCode.template : ExitCode.invalidInput);
      }
      const productId = String((data['product'] as { id?: unknown } | undefined)?.id ?? '');
      const regulation = applicability.facts.deviceRegulation;
      const toConfirm = referencesToConfirm(reports, catalogue, (c) => printedReference(c, regulation));
      const provenance = input.device.provenance;
      const ranked = rankMissing(catalogue, gaps, fieldLabel);
      const where = (path: string): SourceRef => nearest((p) => provenance.get(p), path, input.file);
      const decisions = templateDecisions(applicability);
      if (flags.missing && !flags.json) {
        io.stdout(`Missing facts for ${productId} (${input.file}), the fields that unlock the most clauses first:\n\n`);
        ranked.fields.forEach((f, i) => io.stdout(`${String(i + 1).padStart(4)}. ${formatWhere(where(f.instances[0] ?? f.path))}${describeMissing(f)}\n`));
        for (const c of ranked.unaddressed) io.stdout(`      Clause ${c.id} (${c.ref}) of ${c.doc} is addressed by no section: ${c.reason}.\n`);
        io.stdout(`\n${summariseMissing(ranked.fields, ranked.unaddressed)}\n`);
        return;
      }
      if (flags.json) {
        const report = {
          product: productId,
          file: input.file,
          instruments: INSTRUMENT_IDS.map((id) => ({ id, applies: applicability.instruments[id].applies, reason: describeDecision(id, applicability.instruments[id]) })),
          decisions: Object.entries(decisions).map(([id, d]) => ({ id, applies: d.applies, reason: d.reason, missing: d.missing })),
          documents: documents.map(({ entries: _entries, ...d }) => d),
          clauses: documents.flatMap((d) =>
            d.entries.map((e) => ({ id: e.id, doc: e.doc, ref: e.ref, status: e.status, section: e.section, missing: e.missing, reason: e.reason, verified: e.verified })),
          ),
          referencesToConfirm: toConfirm,
          ...(flags.missing
            ? {
                missing: ranked.fields.map((f) => {
                  const at = where(f.instances[0] ?? f.path);
                  return { ...f, file: at.file, line: at.range?.start.line ?? null, column: at.range?.start.column ?? null };
                }),
                unaddressed: ranked.unaddressed,
              }
            : {}),
        };
        io.stdout(`${JSON.stringify(report, null, 2)}\n`);
        return;
      }
      io.stdout(`Coverage for ${productId} (${input.file})\n`);
      if (input.device.abstract) io.stdout('This is a product-line parent (abstract: true): the figures show what its variants inherit.\n');
      io.stdout('\nApplicable law:\n');
      for (const id of INSTRUMENT_IDS) io.stdout(`  ${applicability.instruments[id].applies ? '✔' : '–'} ${describeDecision(id, applicability.instruments[id])}\n`);
      // The finer decisions a reader of the coverage needs: the CRA route and the AI Act transparency duties.
      for (const id of ['CRA-category', 'AIA-art50'] as const) {
        const d = decisions[id];
        if (d.applies || (id === 'AIA-art50' && applicability.facts.aiSystem))
          io.stdout(`  ${d.applies ? '✔' : '–'} ${d.reason}${d.missing.length > 0 ? ` (missing: ${d.missing.join(', ')})` : ''}\n`);
      }
      for (const d of documents) io.stdout(`\n${renderDocument(d)}`);
      io.stdout(`\n${renderReferencesToConfirm(toConfirm)}`);
    });
}

/** `file:line:col: ` of where a missing field belongs. */
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
    const status = e.status === 'addressed' ? 'addressed     ' : e.status === 'tbd' ? 'TBD           ' : 'not applicable';
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
