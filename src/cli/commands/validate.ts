import type { Command } from 'commander';
import { Option } from 'commander';
import { sortDiagnostics } from '../../diagnostics/diagnostic.js';
import { diagnosticsToJson, formatDiagnostics } from '../../diagnostics/format.js';
import type { CliContext } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import { loadInputs, uniqueDiagnostics } from '../devices.js';
import { addLimitOptions, LOAD_LIMITS, limitsFrom } from '../limits.js';

interface FileResult {
  readonly file: string;
  readonly abstract: boolean;
  readonly errors: number;
  readonly warnings: number;
}

export function registerValidate(program: Command, ctx: CliContext): void {
  const command = program
    .command('validate')
    .description('check device data files: syntax, schema, product-line inheritance and regulatory consistency')
    .argument('<paths...>', 'device files, or folders to search for .yaml, .yml and .json device files')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  $ techfile validate devices/glucoflow-x2.yaml',
        '  $ techfile validate devices/                 # every device file below devices/',
        '  $ techfile validate devices/ --format json   # for CI annotations',
        '',
        'Exit code 0 when every file is valid (warnings allowed), 3 when any file has errors.',
      ].join('\n'),
    );
  addLimitOptions(command, LOAD_LIMITS)
    .action(async (paths: string[], options: { format: 'text' | 'json' }) => {
      const { io } = ctx;
      const limits = limitsFrom(options, io);
      if (limits === null) return ctx.exit(ExitCode.usage);
      const { loaded, missing } = await loadInputs(paths, io, limits, 'summary');
      if (missing.length > 0) {
        io.stderr(missing.map((m) => `techfile: no such file or folder: ${m}\n`).join(''));
        ctx.exit(ExitCode.usage);
        return;
      }
      const results: FileResult[] = loaded.map((l) => ({
        file: l.file,
        abstract: l.device?.abstract ?? false,
        errors: l.diagnostics.filter((d) => d.severity === 'error').length,
        warnings: l.diagnostics.filter((d) => d.severity === 'warning').length,
      }));
      // A parent's mistake is found again through each child: report it once per run.
      const all = uniqueDiagnostics(loaded.map((l) => l.diagnostics));
      if (results.length === 0) {
        io.stderr(`techfile: no device files found in ${paths.join(', ')}\n`);
        ctx.exit(ExitCode.usage);
        return;
      }
      const sorted = sortDiagnostics(all);
      const errors = sorted.filter((d) => d.severity === 'error').length;
      const warnings = sorted.filter((d) => d.severity === 'warning').length;
      const invalid = results.filter((r) => r.errors > 0).length;
      const summary =
        `${plural(results.length, 'file')} checked: ${results.length - invalid} valid, ${invalid} with errors ` +
        `(${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
      if (options.format === 'json') {
        const report = {
          files: results.map((r) => ({ file: r.file, abstract: r.abstract, valid: r.errors === 0, errors: r.errors, warnings: r.warnings })),
          diagnostics: diagnosticsToJson(sorted),
          summary: { files: results.length, valid: results.length - invalid, invalid, errors, warnings },
        };
        io.stdout(`${JSON.stringify(report, null, 2)}\n`);
      } else {
        if (sorted.length > 0) io.stdout(`${formatDiagnostics(sorted)}\n\n`);
        io.stdout(`${summary}\n`);
      }
      ctx.exit(errors > 0 ? ExitCode.invalidInput : ExitCode.ok);
    });
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
