import { Command, CommanderError } from 'commander';
import { packageVersion } from '../pipeline/fingerprints.js';
import { escapeControls } from '../diagnostics/terminal.js';
import type { CliContext, CliIO } from './context.js';
import type { ExitCode } from './exit-codes.js';
import { ExitCode as Exit } from './exit-codes.js';

/** A command module: `commands/<name>.ts` exports one of these; list it in COMMANDS to add it. */
export type RegisterCommand = (program: Command, ctx: CliContext) => void;

/**
 * A command whose module is imported only when it runs (or its own help is asked for):
 * `techfile --help` and `validate` never load the renderers, templates or worker pool.
 * `usage` and `description` repeat the command's own, for the program's command list.
 */
export interface LazyCommand {
  readonly name: string;
  readonly usage: string;
  readonly description: string;
  readonly load: () => Promise<RegisterCommand>;
}

/** What a command list holds: a registration, or a command loaded when it runs. */
export type CommandEntry = RegisterCommand | LazyCommand;

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'validate',
    usage: '[options] <paths...>',
    description: 'check device data files: syntax, schema, product-line inheritance and regulatory consistency',
    load: async () => (await import('./commands/validate.js')).registerValidate,
  },
  {
    name: 'generate',
    usage: '[options] <paths...>',
    description: 'write the regulatory documents of each product as DOCX and PDF',
    load: async () => (await import('./commands/generate.js')).registerGenerate,
  },
  {
    name: 'coverage',
    usage: '[options] <file>',
    description: 'show, per document type, the status of every catalogue clause for one product',
    load: async () => (await import('./commands/coverage.js')).registerCoverage,
  },
  {
    name: 'explain',
    usage: '[options] <file> <field>',
    description: 'show the final value of a field and which file of the product line supplied it',
    load: async () => (await import('./commands/explain.js')).registerExplain,
  },
  {
    name: 'schema',
    usage: '[options]',
    description: 'print the JSON Schema of device data files (for editors and other tools)',
    load: async () => (await import('./commands/schema.js')).registerSchema,
  },
  {
    name: 'manifest',
    usage: '[command]',
    description: 'work with the manifest.json of a portfolio run (see generate --shard)',
    load: async () => (await import('./commands/manifest.js')).registerManifest,
  },
];

/** The command the arguments name (`help <cmd>` names `<cmd>`), if any. */
function invokedName(args: readonly string[]): string | undefined {
  const first = args.find((a) => !a.startsWith('-'));
  return first === 'help' ? args[args.indexOf('help') + 1] : first;
}

/** Imports the invoked command's module; the others stay names in the command list. */
async function resolveCommands(commands: readonly CommandEntry[], args: readonly string[]): Promise<RegisterCommand[]> {
  const wanted = invokedName(args);
  return Promise.all(
    commands.map(async (c): Promise<RegisterCommand> => {
      if (typeof c === 'function') return c;
      if (c.name === wanted) return c.load();
      return (program) => {
        program.command(c.name).usage(c.usage).description(c.description).allowUnknownOption().allowExcessArguments();
      };
    }),
  );
}

export function createProgram(ctx: CliContext, commands: readonly RegisterCommand[]): Command {
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
        '5 render or write error, 6 --final refused (TBDs left). A portfolio run in which some',
        'products failed exits with the code of the worst failure; the others are still written.',
      ].join('\n'),
    );
  for (const register of commands) register(program, ctx);
  return program;
}

/**
 * Runs the CLI on the user's arguments (without `node` and the script) and returns the
 * exit code. The only place that turns an unexpected exception into a message.
 */
export async function runCli(
  args: readonly string[],
  rawIo: CliIO,
  commands: readonly CommandEntry[] = COMMANDS,
  debug = false,
): Promise<ExitCode> {
  // Whatever a command prints may quote input files: their control characters are shown, never obeyed.
  const io: CliIO = {
    cwd: rawIo.cwd,
    stdout: (t) => rawIo.stdout(escapeControls(t)),
    stderr: (t) => rawIo.stderr(escapeControls(t)),
  };
  let code: ExitCode = Exit.ok;
  const ctx: CliContext = {
    io,
    exit: (c) => {
      if (c > code) code = c;
    },
  };
  try {
    await createProgram(ctx, await resolveCommands(commands, args)).parseAsync([...args], { from: 'user' });
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
