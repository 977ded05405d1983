import type { CommandEntry } from '../../src/cli/program.js';
import { COMMANDS, runCli } from '../../src/cli/program.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in-process with captured output (no build needed, works on a fresh clone). */
export async function run(
  args: readonly string[],
  cwd: string,
  commands: readonly CommandEntry[] = COMMANDS,
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(
    args,
    {
      stdout: (t) => {
        stdout += t;
      },
      stderr: (t) => {
        stderr += t;
      },
      cwd,
    },
    commands,
  );
  return { code, stdout, stderr };
}
