import type { Command } from 'commander';
import { DEFAULT_LIMITS, type Limits } from '../pipeline/limits.js';
import type { CliIO } from './context.js';

/** One flag per limit (README "Limits"); the defaults bound any input to seconds and a few hundred MB. */
const FLAGS: readonly { key: keyof Limits; flag: string; unit: string; what: string }[] = [
  { key: 'fileBytes', flag: '--max-file-size', unit: 'bytes', what: 'size of one device file' },
  { key: 'stringLength', flag: '--max-string-length', unit: 'characters', what: 'length of one text value or key' },
  { key: 'depth', flag: '--max-depth', unit: 'levels', what: 'nesting of maps and lists' },
  { key: 'aliases', flag: '--max-aliases', unit: 'expansions', what: 'YAML alias (*name) expansions per file' },
  { key: 'extendsDepth', flag: '--max-extends', unit: 'files', what: 'files in one extends chain' },
  { key: 'listLength', flag: '--max-list-length', unit: 'items', what: 'items in one list' },
  { key: 'imageBytes', flag: '--max-image-size', unit: 'bytes', what: 'size of one image file' },
  { key: 'imagePixels', flag: '--max-image-pixels', unit: 'pixels', what: 'width × height of one image' },
  { key: 'productSeconds', flag: '--max-seconds', unit: 'seconds', what: 'time to build and write one product' },
];

type LimitFlags = Partial<Record<string, string>>;

/** Adds the limit flags (with their defaults in --help) to a command. */
export function addLimitOptions(command: Command, keys: readonly (keyof Limits)[] = FLAGS.map((f) => f.key)): Command {
  for (const f of FLAGS) {
    if (!keys.includes(f.key)) continue;
    command.option(`${f.flag} <${f.unit}>`, `limit: ${f.what} (default ${DEFAULT_LIMITS[f.key]})`);
  }
  return command;
}

/** The limits the user asked for, or null (after a usage message) when a value is not a whole number ≥ 1. */
export function limitsFrom(flags: object, io: CliIO): Limits | null {
  const given = flags as LimitFlags;
  const out: Record<string, number> = { ...DEFAULT_LIMITS };
  for (const f of FLAGS) {
    const name = f.flag.slice(2).replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
    const raw = given[name];
    if (raw === undefined) continue;
    const n = Number(raw);
    if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n < 1) {
      io.stderr(`techfile: ${f.flag} takes a whole number of 1 or more (${f.unit}); got ${raw}\n`);
      return null;
    }
    out[f.key] = n;
  }
  return out as unknown as Limits;
}

/** The limits that apply to reading device files (validate, coverage, explain). */
export const LOAD_LIMITS: readonly (keyof Limits)[] = [
  'fileBytes',
  'stringLength',
  'depth',
  'aliases',
  'extendsDepth',
  'listLength',
];
