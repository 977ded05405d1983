import type { CliContext } from './context.js';
import { ExitCode } from './exit-codes.js';

/** 9999-12-31T23:59:59Z: the last second a four-digit document date can show. */
const LAST_SECOND = 253402300799;

/**
 * `SOURCE_DATE_EPOCH` as the commands pass it on: unset or empty is no value; a malformed one
 * is a usage error, as the reproducible-builds specification asks, instead of being ignored
 * (which then reported "no date" as if the variable were unset) or failing in a template.
 * Returns null after reporting the problem.
 */
export function sourceDateEpoch(ctx: CliContext, env: NodeJS.ProcessEnv = process.env): string | undefined | null {
  const raw = env['SOURCE_DATE_EPOCH'];
  if (raw === undefined || raw.trim() === '') return undefined;
  const text = raw.trim();
  if (/^\d+$/.test(text) && Number(text) <= LAST_SECOND) return text;
  ctx.io.stderr(
    `techfile: SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 UTC (e.g. 1798761600 for 2027-01-01), up to ${LAST_SECOND}; got ${JSON.stringify(raw)}\n`,
  );
  ctx.exit(ExitCode.usage);
  return null;
}
