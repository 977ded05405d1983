import type { ExitCode } from './exit-codes.js';

/** Everything the CLI does to the outside world goes through here, so tests can run it in-process. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Absolute working directory: relative paths are resolved against it and shown relative to it. */
  readonly cwd: string;
}

export interface CliContext {
  readonly io: CliIO;
  /** Set by a command's action; the highest (most serious) code wins. */
  exit(code: ExitCode): void;
}
