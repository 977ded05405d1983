import type { Command } from 'commander';
import { Option } from 'commander';
import type { CliIO } from './context.js';

/**
 * One option name for how a command reports to its caller, in every command: `--report text`
 * (for people, the default) or `--report json` (for programs and CI). `generate --format`
 * chooses document formats, so the old spellings of this choice (`validate --format json`,
 * `coverage --json`) still work, with a warning that names `--report`.
 */
export const REPORT_FORMATS = ['text', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportFlags {
  readonly report?: ReportFormat;
}

/** Adds `--report <text|json>` to a command; `what` says what JSON holds for this command. */
export function addReportOption(command: Command, what: string): Command {
  return command.addOption(new Option('--report <format>', `how to report: text for people, json for programs (${what})`).choices(REPORT_FORMATS));
}

/** Adds a hidden old spelling that still works. */
export function addDeprecatedOption(command: Command, option: Option): Command {
  return command.addOption(option.hideHelp());
}

/**
 * The format asked for. An old spelling (`legacy`, already mapped to a format, with the
 * words the user typed) still works, with a warning; `--report` wins when both are given.
 */
export function reportFormat(flags: ReportFlags, io: CliIO, legacy?: { readonly format: ReportFormat | undefined; readonly typed: string }): ReportFormat {
  if (legacy?.format !== undefined) {
    const instead = `--report ${legacy.format}`;
    io.stderr(`techfile: warning: \`${legacy.typed}\` is deprecated and will be removed; write \`${instead}\`${flags.report !== undefined ? ` (\`--report ${flags.report}\` given too: it wins)` : ''}\n`);
  }
  return flags.report ?? legacy?.format ?? 'text';
}
