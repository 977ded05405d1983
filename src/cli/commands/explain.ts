import type { Command } from 'commander';
import { diagnosticsToJson, formatDiagnostics } from '../../diagnostics/format.js';
import { explainField } from '../../pipeline/explain.js';
import type { CliContext } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import { expandInputs } from '../paths.js';
import { addLimitOptions, LOAD_LIMITS, limitsFrom } from '../limits.js';
import { addDiagnosticsOption, diagnosticsFormat, type DiagnosticsFlags } from '../diagnostics-option.js';

export function registerExplain(program: Command, ctx: CliContext): void {
  const command = program
    .command('explain')
    .description('show the final value of a field and which file of the product line supplied it')
    .argument('<file>', 'device file')
    .argument('<field>', 'field path, e.g. support_period.end_date or network.ports[0].port')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  $ techfile explain devices/x2.yaml support_period.end_date',
        '  $ techfile explain devices/x2.yaml network.ports            # every port, field by field',
        '  $ techfile explain devices/x2.yaml "network.ports[https].port"   # a record by its id',
        '  $ techfile explain devices/x2.yaml product.name --diagnostics json    # value, sources and chain as JSON',
      ].join('\n'),
    );
  addDiagnosticsOption(command, 'the value, where each part was written, the chain; or the diagnostics');
  addLimitOptions(command, LOAD_LIMITS).action(async (file: string, field: string, flags: DiagnosticsFlags) => {
    const { io } = ctx;
    const limits = limitsFrom(flags, io);
    if (limits === null) return ctx.exit(ExitCode.usage);
    const format = diagnosticsFormat(flags, io);
    const { inputs, missing } = expandInputs([file], io.cwd);
    const input = inputs[0];
    if (missing.length > 0 || !input || input.found) {
      io.stderr(`techfile: ${missing.length > 0 ? 'no such file' : 'not a file'}: ${file}\n`);
      return ctx.exit(ExitCode.usage);
    }
    const outcome = await explainField({
      file: input.path,
      projectRoot: input.projectRoot,
      cwd: io.cwd,
      limits,
      field,
    });
    if (outcome.kind === 'not-a-path') {
      io.stderr(`techfile: not a field path: ${field} (write it like support_period.end_date)\n`);
      return ctx.exit(ExitCode.usage);
    }
    if (outcome.kind === 'invalid') {
      if (format === 'json')
        io.stdout(`${JSON.stringify({ diagnostics: diagnosticsToJson(outcome.diagnostics) }, null, 2)}\n`);
      else io.stderr(`${formatDiagnostics(outcome.diagnostics)}\n`);
      return ctx.exit(ExitCode.invalidInput);
    }
    if (outcome.kind === 'missing') {
      // A program asking for JSON gets JSON on stdout here too: the success shape with no value.
      if (format === 'json') {
        const note =
          outcome.schemaField !== undefined
            ? `it is a field of the device schema (${outcome.schemaField}); the documents show it as TBD until it is written`
            : undefined;
        const json = {
          field,
          value: null,
          sources: [],
          chain: outcome.chain,
          problem: `\`${field}\` is not set`,
          hints: [
            ...(note !== undefined ? [note] : []),
            ...(outcome.suggestion ? [`did you mean \`${outcome.suggestion}\`?`] : []),
          ],
        };
        io.stdout(`${JSON.stringify(json, null, 2)}\n`);
        return ctx.exit(ExitCode.invalidInput);
      }
      io.stderr(`techfile: \`${field}\` is not set in ${outcome.chain.join(' or ')}\n`);
      if (outcome.schemaField !== undefined)
        io.stderr(
          `  = note: it is a field of the device schema (${outcome.schemaField}); the documents show it as TBD until it is written\n`,
        );
      if (outcome.suggestion) io.stderr(`  = hint: did you mean \`${outcome.suggestion}\`?\n`);
      return ctx.exit(ExitCode.invalidInput);
    }
    io.stdout(format === 'json' ? `${JSON.stringify(outcome.json, null, 2)}\n` : outcome.text);
    return ctx.exit(ExitCode.ok);
  });
}
