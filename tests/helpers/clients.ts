import { spawnSync } from 'node:child_process';

/**
 * Real clients (LibreOffice, pandoc, qpdf, poppler) check generated files the way a
 * reader's software would. On a developer machine without them the tests skip with a
 * visible message; under CI=true a missing client is a failure, never a silent skip.
 */
export function hasTool(command: string): boolean {
  const r = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  const found = r.status === 0 && r.stdout.trim() !== '';
  if (!found && process.env['CI'] === 'true') {
    throw new Error(`CI=true but the client \`${command}\` is not installed: .ci/run must install it`);
  }
  if (!found) console.warn(`SKIPPED: \`${command}\` is not installed; client tests that need it do not run here`);
  return found;
}

export function run(
  command: string,
  args: readonly string[],
  options: { cwd?: string; input?: string } = {},
): {
  status: number;
  stdout: string;
  stderr: string;
} {
  const r = spawnSync(command, args, {
    encoding: 'utf8',
    cwd: options.cwd,
    input: options.input,
    maxBuffer: 64 * 1024 * 1024,
    // A guard against a hung client, not a speed expectation: a loaded machine may need minutes.
    timeout: 600_000,
    killSignal: 'SIGKILL',
  });
  return { status: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}
