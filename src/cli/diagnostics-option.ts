import type { Command } from 'commander';
import { Option } from 'commander';
import type { CliIO } from './context.js';

/**
 * One option name for how validate, coverage and explain print their diagnostics and results:
 * `--diagnostics text` (for people, the default) or `--diagnostics json` (for programs and CI).
 * `generate --format` chooses document formats and `generate --report <file.json>` names the
 * per-product results file, so the old spellings of this choice (`--report json`,
 * `validate --format json`, `coverage --json`) still work, with a warning that names `--diagnostics`.
 */
export const DIAGNOSTICS_FORMATS = ['text', 'json'] as const;
export type DiagnosticsFormat = (typeof DIAGNOSTICS_FORMATS)[number];

export interface DiagnosticsFlags {
  readonly diagnostics?: DiagnosticsFormat;
  /** The old spellings of `--diagnostics`, hidden from the help. */
  readonly report?: DiagnosticsFormat;
  readonly format?: DiagnosticsFormat;
  readonly json?: boolean;
}

/** An old spelling the user typed, already mapped to a format (undefined: not given). */
interface LegacySpelling {
  readonly format: DiagnosticsFormat | undefined;
  readonly typed: string;
}

/**
 * Adds `--diagnostics <text|json>` to a command, and its hidden old spellings `--report
 * <text|json>`, `--format <text|json>` and `--json`; `what` says what JSON holds for this command.
 */
export function addDiagnosticsOption(command: Command, what: string): Command {
  command.addOption(
    new Option('--diagnostics <format>', `how to report: text for people, json for programs (${what})`).choices(
      DIAGNOSTICS_FORMATS,
    ),
  );
  for (const old of ['--report <format>', '--format <format>']) {
    command.addOption(new Option(old, 'deprecated: use --diagnostics').choices(DIAGNOSTICS_FORMATS).hideHelp());
  }
  return command.addOption(new Option('--json', 'deprecated: use --diagnostics json').hideHelp());
}

/**
 * The format asked for. An old spelling still works, with a warning; `--diagnostics` wins
 * when given too, then `--report`, `--format` and `--json` in that order.
 */
export function diagnosticsFormat(flags: DiagnosticsFlags, io: CliIO): DiagnosticsFormat {
  const legacy: LegacySpelling[] = [
    { format: flags.report, typed: `--report ${flags.report ?? ''}` },
    { format: flags.format, typed: `--format ${flags.format ?? ''}` },
    { format: flags.json === true ? 'json' : undefined, typed: '--json' },
  ];
  const old = legacy.filter((l) => l.format !== undefined);
  for (const l of old) {
    const instead = `--diagnostics ${l.format ?? ''}`;
    const wins = flags.diagnostics !== undefined ? ` (\`--diagnostics ${flags.diagnostics}\` given too: it wins)` : '';
    io.stderr(`techfile: warning: \`${l.typed}\` is deprecated and will be removed; write \`${instead}\`${wins}\n`);
  }
  return flags.diagnostics ?? old[0]?.format ?? 'text';
}
