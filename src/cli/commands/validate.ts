import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { Option } from 'commander';
import { defaultDeviceSchema } from '../../data/default-schema.js';
import { loadDevice } from '../../data/device.js';
import { loadSource } from '../../data/load.js';
import { nodeHost } from '../../data/node-host.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { sortDiagnostics } from '../../diagnostics/diagnostic.js';
import { diagnosticsToJson, formatDiagnostics } from '../../diagnostics/format.js';
import type { CliContext } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import type { DeviceInput } from '../paths.js';
import { displayPath, expandInputs } from '../paths.js';

/** Top-level keys that mark a YAML/JSON file found in a folder as device data (not e.g. package.json). */
const DEVICE_KEYS = ['product', 'manufacturer', 'regulatory', 'extends', 'abstract'];

interface FileResult {
  readonly file: string;
  readonly abstract: boolean;
  readonly errors: number;
  readonly warnings: number;
}

export function registerValidate(program: Command, ctx: CliContext): void {
  program
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
    )
    .action(async (paths: string[], options: { format: 'text' | 'json' }) => {
      const { io } = ctx;
      const { inputs, missing } = expandInputs(paths, io.cwd);
      if (missing.length > 0) {
        io.stderr(missing.map((m) => `techfile: no such file or folder: ${m}\n`).join(''));
        ctx.exit(ExitCode.usage);
        return;
      }
      const schema = await defaultDeviceSchema();
      const results: FileResult[] = [];
      const all: Diagnostic[] = [];
      // A parent's mistake is found again through each child: report it once per run.
      const seen = new Set<string>();
      for (const input of inputs) {
        if (input.found && !looksLikeDevice(input, io.cwd)) continue;
        const { value, diagnostics } = loadDevice(input.path, nodeHost(input.projectRoot, io.cwd), schema);
        const errors = diagnostics.filter((d) => d.severity === 'error').length;
        const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
        const file = displayPath(io.cwd, input.path);
        results.push({ file, abstract: value?.abstract ?? false, errors, warnings });
        for (const d of diagnostics) {
          const key = `${d.code}|${d.source?.file}|${d.source?.range?.start.line}|${d.source?.range?.start.column}|${d.fieldPath}`;
          if (!seen.has(key)) {
            seen.add(key);
            all.push(d);
          }
        }
      }
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

/** Files found by searching a folder are checked only if they look like device data (or do not parse). */
function looksLikeDevice(input: DeviceInput, cwd: string): boolean {
  let text: string;
  try {
    text = readFileSync(input.path, 'utf8');
  } catch {
    return true;
  }
  const loaded = loadSource(input.path, displayPath(cwd, input.path), text);
  if (!loaded.value) return true;
  return DEVICE_KEYS.some((k) => k in loaded.value!.value);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
