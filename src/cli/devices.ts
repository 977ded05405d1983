import { defaultDeviceSchema } from '../data/default-schema.js';
import { loadDevice } from '../data/device.js';
import { DEFAULT_LIMITS, type Limits } from '../data/limits.js';
import { loadSource } from '../data/load.js';
import { nodeHost, readDeviceText } from '../data/node-host.js';
import type { DeviceData } from '../data/validate.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import type { SourceRef } from '../source/position.js';
import type { CliIO } from './context.js';
import { displayPath, expandInputs, type DeviceInput } from './paths.js';

/** Top-level keys that mark a YAML/JSON file found in a folder as device data (not e.g. package.json). */
const DEVICE_KEYS = ['product', 'manufacturer', 'regulatory', 'extends', 'abstract'];

/** Files found by searching a folder are checked only if they look like device data (or do not parse). */
export function looksLikeDevice(input: DeviceInput, cwd: string, limits: Limits = DEFAULT_LIMITS): boolean {
  if (!input.found) return true;
  const text = readDeviceText(input.path, input.projectRoot, limits.fileBytes);
  // A file that cannot be read is reported by loadDevice, with the reason.
  if (typeof text !== 'string') return true;
  const loaded = loadSource(input.path, displayPath(cwd, input.path), text, limits);
  if (!loaded.value) return true;
  const value = loaded.value.value;
  return DEVICE_KEYS.some((k) => Object.hasOwn(value, k));
}

/**
 * What a command needs of a loaded device: the merged data and where each field was
 * written. The parsed files (yaml documents with source tokens, several MB each) are not
 * kept, so memory does not grow with the number of input files.
 */
export interface DeviceSummary {
  readonly data: DeviceData;
  readonly provenance: ReadonlyMap<string, SourceRef>;
  readonly chain: readonly string[];
  readonly abstract: boolean;
}

export interface LoadedInput {
  readonly input: DeviceInput;
  readonly file: string;
  /** undefined when the file (or a parent) cannot be read or parsed. */
  readonly device: DeviceSummary | undefined;
  readonly diagnostics: readonly Diagnostic[];
  readonly valid: boolean;
}

/**
 * Expands the user's paths and loads every device file (load → inherit → validate).
 * `missing` lists arguments that name nothing.
 */
export async function loadInputs(
  paths: readonly string[],
  io: CliIO,
  limits: Limits = DEFAULT_LIMITS,
  /** `summary`: keep only diagnostics and whether a file is abstract (validate needs no data). */
  retain: 'data' | 'summary' = 'data',
): Promise<{ loaded: LoadedInput[]; missing: string[] }> {
  const { inputs, missing } = expandInputs(paths, io.cwd);
  if (missing.length > 0) return { loaded: [], missing };
  const schema = await defaultDeviceSchema();
  const loaded: LoadedInput[] = [];
  for (const input of inputs) {
    if (!looksLikeDevice(input, io.cwd, limits)) continue;
    const { value, diagnostics } = loadDevice(input.path, nodeHost(input.projectRoot, io.cwd, limits), schema);
    loaded.push({
      input,
      file: displayPath(io.cwd, input.path),
      // structuredClone: the parsed strings are slices of the file's text and of the parser's
      // tokens, which they would keep alive (about 2.6 MB per input); copies do not.
      device: value
        ? retain === 'data'
          ? { data: structuredClone(value.data), provenance: value.provenance, chain: value.chain, abstract: value.abstract }
          : { data: {}, provenance: new Map(), chain: value.chain, abstract: value.abstract }
        : undefined,
      diagnostics,
      valid: value !== undefined && !hasErrors(diagnostics),
    });
  }
  return { loaded, missing };
}

/** Diagnostics of several files, each reported once (a parent's mistake shows through every child). */
export function uniqueDiagnostics(lists: readonly (readonly Diagnostic[])[]): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const list of lists)
    for (const d of list) {
      const key = `${d.code}|${d.source?.file}|${d.source?.range?.start.line}|${d.source?.range?.start.column}|${d.fieldPath}|${d.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(d);
    }
  return out;
}
