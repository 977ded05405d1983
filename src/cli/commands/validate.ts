import type { Command } from 'commander';
import { diagnosticsToJson, formatDiagnostics } from '../../diagnostics/format.js';
import type { CliContext } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import { validate } from '../../pipeline/validate-files.js';
import { addLimitOptions, LOAD_LIMITS, limitsFrom } from '../limits.js';
import { addDiagnosticsOption, diagnosticsFormat, type DiagnosticsFlags } from '../diagnostics-option.js';

export function registerValidate(program: Command, ctx: CliContext): void {
  const command = program
    .command('validate')
    .description('check device data files: syntax, schema, product-line inheritance and regulatory consistency')
    .argument('<paths...>', 'device files, or folders to search for .yaml, .yml and .json device files')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  $ techfile validate devices/glucoflow-x2.yaml',
        '  $ techfile validate devices/                      # every device file below devices/',
        '  $ techfile validate devices/ --diagnostics json   # for CI annotations',
        '',
        'Exit code 0 when every file is valid (warnings allowed), 3 when any file has errors.',
      ].join('\n'),
    );
  addDiagnosticsOption(command, 'files, diagnostics and a summary');
  addLimitOptions(command, LOAD_LIMITS).action(async (paths: string[], options: DiagnosticsFlags) => {
    const { io } = ctx;
    const limits = limitsFrom(options, io);
    if (limits === null) return ctx.exit(ExitCode.usage);
    const report = diagnosticsFormat(options, io);
    const { value, diagnostics: sorted } = await validate(paths, { cwd: io.cwd, limits });
    const { files: results, missing } = value;
    if (missing.length > 0) {
      io.stderr(missing.map((m) => `techfile: no such file or folder: ${m}\n`).join(''));
      ctx.exit(ExitCode.usage);
      return;
    }
    if (results.length === 0) {
      io.stderr(`techfile: no device files found in ${paths.join(', ')}\n`);
      ctx.exit(ExitCode.usage);
      return;
    }
    const errors = sorted.filter((d) => d.severity === 'error').length;
    const warnings = sorted.filter((d) => d.severity === 'warning').length;
    const invalid = results.filter((r) => r.errors > 0).length;
    const summary =
      `${plural(results.length, 'file')} checked: ${results.length - invalid} valid, ${invalid} with errors ` +
      `(${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
    if (report === 'json') {
      const json = {
        files: results.map((r) => ({
          file: r.file,
          abstract: r.abstract,
          valid: r.valid,
          errors: r.errors,
          warnings: r.warnings,
        })),
        diagnostics: diagnosticsToJson(sorted),
        summary: { files: results.length, valid: results.length - invalid, invalid, errors, warnings },
      };
      io.stdout(`${JSON.stringify(json, null, 2)}\n`);
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
