import { Command, CommanderError } from 'commander';
import { registerCoverage } from './commands/coverage.js';
import { registerExplain } from './commands/explain.js';
import { registerGenerate } from './commands/generate.js';
import { registerSchema } from './commands/schema.js';
import { registerValidate } from './commands/validate.js';
import { packageVersion } from '../pipeline/provenance.js';
import { escapeControls } from '../diagnostics/terminal.js';
import type { CliContext, CliIO } from './context.js';
import type { ExitCode } from './exit-codes.js';
import { ExitCode as Exit } from './exit-codes.js';

/** A command module: `commands/<name>.ts` exports one of these; list it in COMMANDS to add it. */
export type RegisterCommand = (program: Command, ctx: CliContext) => void;

export const COMMANDS: readonly RegisterCommand[] = [registerValidate, registerGenerate, registerCoverage, registerExplain, registerSchema];


export function createProgram(ctx: CliContext, commands: readonly RegisterCommand[] = COMMANDS): Command {
  const program = new Command();
  program
    .name('techfile')
    .description('Drafts regulatory documentation (DOCX and PDF) for medical devices from one data file.')
    .version(packageVersion(), '-V, --version', 'print the techfile version')
    .helpOption('-h, --help', 'show help for a command')
    // Set before the commands are added: subcommands copy these settings.
    .exitOverride()
    .configureOutput({ writeOut: (s) => ctx.io.stdout(s), writeErr: (s) => ctx.io.stderr(s) })
    .showHelpAfterError('(add --help for usage)')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  $ techfile validate examples/',
        '  $ techfile generate examples --out out',
        '  $ techfile coverage examples/radiology-ai/lumen-cxr.yaml',
        '  $ techfile explain examples/insulin-pump/glucoflow-x2-eu.yaml support_period.end_date',
        '  $ techfile schema > device.schema.json',
        '',
        'Exit codes: 0 ok, 1 internal error, 2 usage error, 3 invalid input, 4 template error,',
        '5 render or write error, 6 --final refused (TBDs left).',
      ].join('\n'),
    );
  for (const register of commands) register(program, ctx);
  return program;
}

/**
 * Runs the CLI on the user's arguments (without `node` and the script) and returns the
 * exit code. The only place that turns an unexpected exception into a message.
 */
export async function runCli(args: readonly string[], rawIo: CliIO, commands: readonly RegisterCommand[] = COMMANDS, debug = false): Promise<ExitCode> {
  // Whatever a command prints may quote input files: their control characters are shown, never obeyed.
  const io: CliIO = { cwd: rawIo.cwd, stdout: (t) => rawIo.stdout(escapeControls(t)), stderr: (t) => rawIo.stderr(escapeControls(t)) };
  let code: ExitCode = Exit.ok;
  const ctx: CliContext = {
    io,
    exit: (c) => {
      if (c > code) code = c;
    },
  };
  try {
    await createProgram(ctx, commands).parseAsync([...args], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here with exitCode 0; everything else is a usage mistake.
      return error.exitCode === 0 ? Exit.ok : Exit.usage;
    }
    io.stderr(internalErrorText(error, debug));
    return Exit.internal;
  }
}

/**
 * The message for a bug: what happened and what to do, without a stack trace (users never
 * see one); the trace only when asked for (TECHFILE_DEBUG=1), for the bug report.
 */
export function internalErrorText(error: unknown, debug: boolean): string {
  const message = error instanceof Error ? error.message : String(error);
  const stack = debug && error instanceof Error && error.stack ? `${error.stack}\n` : '';
  return (
    `techfile: internal error: ${message.split('\n')[0]?.slice(0, 500) ?? ''}\n` +
    'This is a bug in techfile, not in your files: please report it with the command you ran and this output' +
    `${debug ? '' : ' (run again with TECHFILE_DEBUG=1 for details)'}.\n${stack}`
  );
}
