/** Process exit codes of the techfile CLI; scripts and CI rely on them, so they never change meaning. */
export const ExitCode = {
  /** Everything worked (also: --help, --version). */
  ok: 0,
  /** A bug in techfile: an unexpected exception. */
  internal: 1,
  /** The command line was wrong: unknown option, missing argument, file not found. */
  usage: 2,
  /** The device data is invalid (syntax, schema or semantic errors). */
  invalidInput: 3,
  /** A template is broken. */
  template: 4,
  /** A document could not be rendered or written. */
  output: 5,
  /** `--final` was refused because documents still contain TBD placeholders. */
  finalRefused: 6,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
