import type { CliIO } from './context.js';

/**
 * Parses a comma-separated option against its allowed values. Prints a usage message and
 * returns null when a value is unknown, so the caller can exit with the usage code.
 */
export function listOption<T extends string>(
  value: string,
  allowed: readonly T[],
  flag: string,
  io: CliIO,
): T[] | null {
  const items = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const unknown = items.filter((i) => !(allowed as readonly string[]).includes(i));
  if (unknown.length > 0 || items.length === 0) {
    io.stderr(
      `techfile: ${flag} accepts ${allowed.join(', ')} (comma-separated); got ${value === '' ? 'nothing' : unknown.join(', ')}\n`,
    );
    return null;
  }
  return [...new Set(items)] as T[];
}
