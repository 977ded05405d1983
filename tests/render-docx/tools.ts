import { spawnSync } from 'node:child_process';

/**
 * Real clients (LibreOffice, pandoc, poppler) are optional on developer machines: a missing tool
 * skips its tests with a visible message, but on CI (CI=true) it is a failure.
 */
export function toolAvailable(name: string): boolean {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).status === 0;
  if (!found) {
    if (process.env.CI === 'true') throw new Error(`${name} is required on CI but is not installed`);
    console.warn(`[render-docx] SKIPPING tests that need \`${name}\`: it is not installed`);
  }
  return found;
}

/** The timeout guards against a hung client only: a loaded two-core machine may need minutes. */
export function run(
  command: string,
  args: readonly string[],
  timeoutMs = 600_000,
): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(command, args, {
    encoding: 'utf8',
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}
