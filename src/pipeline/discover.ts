import { readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { defaultDeviceSchema } from './default-schema.js';
import type { LoadedDevice } from '../data/device.js';
import { loadDeviceCached } from '../data/device-cache.js';
import { fileLikeStrings } from './file-names.js';
import { DEFAULT_LIMITS, type Limits } from '../data/limits.js';
import { nodeHost } from '../data/node-host.js';
import type { DeviceData, DeviceSchema } from '../data/validate.js';
import type { Diagnostic, Result } from '../diagnostics/diagnostic.js';
import { hasErrors, sortDiagnostics } from '../diagnostics/diagnostic.js';
import type { SourceRef } from '../source/position.js';
import { readContained } from '../source/read-file.js';
import { hasDeviceKey, textNamesDeviceKey } from './device-keys.js';

export const DEVICE_EXTENSIONS = ['.yaml', '.yml', '.json'];

export interface DeviceInput {
  /** Absolute path of the device file. */
  readonly path: string;
  /** Folder that `extends` parents (and images) must stay inside. */
  readonly projectRoot: string;
  /** true when the file was found by searching a folder (not named by the user). */
  readonly found: boolean;
}

/** A path as the user should see it: relative to the working directory, with `/`. */
export function displayPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return (rel === '' ? '.' : rel).split('\\').join('/');
}

/**
 * Expands the user's arguments: files stay as named; folders are searched recursively
 * (sorted, skipping node_modules and dot folders) for .yaml/.yml/.json files.
 * Returns the arguments that do not exist separately.
 */
export function expandInputs(args: readonly string[], cwd: string): { inputs: DeviceInput[]; missing: string[] } {
  const inputs: DeviceInput[] = [];
  const missing: string[] = [];
  for (const arg of args) {
    const path = resolve(cwd, arg);
    const stat = statOrUndefined(path);
    if (!stat) missing.push(arg);
    else if (stat.isDirectory())
      for (const file of walk(path)) inputs.push({ path: file, projectRoot: path, found: true });
    else inputs.push({ path, projectRoot: projectRootFor(path, cwd), found: false });
  }
  // The same file named twice (or found twice) is checked once.
  const seen = new Set<string>();
  return { inputs: inputs.filter((i) => (seen.has(i.path) ? false : (seen.add(i.path), true))), missing };
}

/** The folder a named file's parents and images must lie in: the working directory if it holds the file, else the file's folder. */
export function projectRootFor(path: string, cwd: string): string {
  return inside(cwd, path) ? cwd : resolve(path, '..');
}

/**
 * What a command needs of a loaded device: the merged data and where each field was
 * written. The parsed files (yaml documents, a few MB each) are not
 * kept, so memory does not grow with the number of input files.
 */
export interface DeviceSummary {
  /** The merged data; empty when only a summary was asked for (`retain: 'summary'`). */
  readonly data: DeviceData;
  /** Where each field was written; empty in a summary. */
  readonly provenance: ReadonlyMap<string, SourceRef>;
  readonly chain: readonly string[];
  readonly abstract: boolean;
  /** `product.id` when it is a string (kept in a summary too). */
  readonly productId: string | undefined;
  /** Where `product.id` was written. */
  readonly productIdAt: SourceRef | undefined;
  /**
   * Strings of the data that may name a file (images, SBOM, VEX): the manifest hashes them as
   * inputs. Empty when discovery was asked for no file names (`fileNames: false`).
   */
  readonly fileNames: readonly string[];
}

export interface DiscoveredDevice {
  readonly input: DeviceInput;
  /** The file as shown to the user (relative to `cwd`). */
  readonly file: string;
  /** undefined when the file (or a parent) cannot be read or parsed. */
  readonly device: DeviceSummary | undefined;
  readonly diagnostics: readonly Diagnostic[];
  readonly valid: boolean;
}

export interface DiscoverOptions {
  /** Absolute folder that relative paths are resolved against and shown relative to (default: the working directory). */
  readonly cwd?: string;
  readonly limits?: Limits;
  /** The device schema (default: the one shipped with techfile). */
  readonly schema?: DeviceSchema;
  /**
   * `summary`: keep the diagnostics, the product id, the parents and the file names the data
   * holds, not the data: validation needs no data, and a portfolio run loads each product's data
   * again where it is built, so memory does not grow with the number of products.
   */
  readonly retain?: 'data' | 'summary';
  /**
   * false: leave `fileNames` empty. Only the manifest of a portfolio run hashes them;
   * `techfile validate` does not, and finding them costs a walk over every device's data.
   */
  readonly fileNames?: boolean;
  /**
   * Where each file is loaded: by default here, one after another; a portfolio run passes its
   * worker threads (batch.ts), which load the files in parallel with `discoverOne` (and keep the
   * parsed product-line parents for the products they build next). Same results, same order.
   * The loader brings its own device schema: `schema` applies only to loading here.
   */
  readonly discoverOne?: (request: DiscoverRequest) => Promise<DiscoveredDevice | undefined>;
}

/** One file to load, as `discoverOne` takes it (plain data: it may cross to a worker thread). */
export interface DiscoverRequest {
  readonly input: DeviceInput;
  readonly cwd: string;
  readonly limits: Limits;
  readonly retain: 'data' | 'summary';
  readonly fileNames: boolean;
}

/** The user's arguments expanded (see expandInputs). */
export interface ExpandedInputs {
  readonly inputs: readonly DeviceInput[];
  readonly missing: readonly string[];
}

export interface Discovery {
  readonly devices: DiscoveredDevice[];
  /** Arguments that name nothing; when any is missing, nothing is loaded. */
  readonly missing: string[];
}

/**
 * Expands paths (files as named, folders searched) and loads every device file found:
 * load → inherit → validate, each file parsed once. A file found in a folder is kept only
 * if it looks like device data (or cannot be read or parsed, so the reason is reported).
 * The diagnostics of the result are those of every device, each reported once.
 */
export async function discoverDevices(
  paths: string | readonly string[],
  options: DiscoverOptions = {},
): Promise<Result<Discovery>> {
  // resolve('.'): the library's default is the caller's working directory.
  const cwd = options.cwd ?? resolve('.');
  return discoverExpanded(expandInputs(typeof paths === 'string' ? [paths] : paths, cwd), { ...options, cwd });
}

/** discoverDevices on arguments already expanded (by expandInputs with the same `cwd`). */
export async function discoverExpanded(
  expanded: ExpandedInputs,
  options: DiscoverOptions = {},
): Promise<Result<Discovery>> {
  const cwd = options.cwd ?? resolve('.');
  const limits = options.limits ?? DEFAULT_LIMITS;
  const { inputs } = expanded;
  const missing = [...expanded.missing];
  if (missing.length > 0) return { value: { devices: [], missing }, diagnostics: missing.map(notFound) };
  const retain = options.retain ?? 'data';
  const fileNames = options.fileNames ?? true;
  const requests = inputs.map((input): DiscoverRequest => ({ input, cwd, limits, retain, fileNames }));
  let found: (DiscoveredDevice | undefined)[];
  if (options.discoverOne !== undefined) {
    found = await Promise.all(requests.map(options.discoverOne));
  } else {
    const schema = options.schema ?? (await defaultDeviceSchema());
    found = requests.map((request) => discoverOne(request, schema));
  }
  const devices = found.filter((d): d is DiscoveredDevice => d !== undefined);
  return { value: { devices, missing }, diagnostics: uniqueDiagnostics(devices.map((d) => d.diagnostics)) };
}

/**
 * Loads one file (load → inherit → validate) and keeps what `retain` asks for. Undefined: a file
 * found in a folder that is not device data (e.g. a package.json beside the devices).
 */
export function discoverOne(request: DiscoverRequest, schema: DeviceSchema): DiscoveredDevice | undefined {
  const { input, cwd, limits, retain, fileNames } = request;
  const { value, diagnostics } = loadDeviceCached(input.path, nodeHost(input.projectRoot, cwd, limits), schema);
  if (input.found) {
    const entry = value?.resolved.sources[0]?.value;
    if (entry !== undefined ? !hasDeviceKey(entry) : overLimit(diagnostics) && !startNamesDeviceKey(input))
      return undefined;
  }
  const file = displayPath(cwd, input.path);
  return {
    input,
    file,
    device: value ? summarize(value, retain, fileNames) : undefined,
    diagnostics: capped(diagnostics, file),
    valid: value !== undefined && !hasErrors(diagnostics),
  };
}

/** Diagnostics of a file that a limit stopped before its top-level keys could be known. */
const LIMIT_CODES = new Set([
  'data/file-too-large',
  'data/list-too-long',
  'data/too-many-values',
  'data/too-many-aliases',
  'data/text-too-long',
  'data/too-deep',
]);

function overLimit(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error' && LIMIT_CODES.has(d.code));
}

/**
 * Bytes of a file that did not load read to see whether it is device data: a device file names
 * its top-level keys near its start, and a large SBOM or log beside the devices is not read whole.
 */
const START_BYTES = 1 << 20;

/**
 * Is a found file that a limit stopped a broken device file (reported) or someone else's file,
 * such as a CycloneDX SBOM over the list limit (skipped)? One that cannot even be read is
 * reported. (A found file that does not parse, is empty or is not a mapping is reported as
 * before: it is most likely a device file being written.)
 */
function startNamesDeviceKey(input: DeviceInput): boolean {
  const read = readContained(input.path, { root: input.projectRoot, maxBytes: START_BYTES, truncate: true });
  if (!read.ok) return true;
  // Keys are ASCII: latin1 reads any bytes, and dropping NULs reads UTF-16 too (reported as such).
  const text = Buffer.from(read.bytes.buffer, read.bytes.byteOffset, read.bytes.byteLength)
    .toString('latin1')
    .replace(/\0/g, '')
    .replace(/^(?:\xEF\xBB\xBF|\xFF\xFE|\xFE\xFF)/, '');
  return textNamesDeviceKey(text);
}

/**
 * What is kept of a loaded device. structuredClone: the parsed strings are slices of the file's
 * text and of the parser's tokens, which they would keep alive (about 2.6 MB per input); copies do not.
 */
function summarize(value: LoadedDevice, retain: 'data' | 'summary', fileNames: boolean): DeviceSummary {
  const id = (value.data['product'] as { id?: unknown } | undefined)?.id;
  const common = {
    chain: value.chain,
    abstract: value.abstract,
    productId: typeof id === 'string' ? id : undefined,
    productIdAt: value.provenance.get('product.id'),
    fileNames: fileNames ? [...new Set(fileLikeStrings(value.data))] : [],
  };
  return retain === 'summary'
    ? { ...common, data: {}, provenance: new Map() }
    : { ...common, data: structuredClone(value.data), provenance: value.provenance };
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

function notFound(arg: string): Diagnostic {
  return {
    severity: 'error',
    code: 'data/file-missing',
    message: `no such file or folder: \`${arg}\``,
    source: { file: arg },
    hints: ['check the path'],
  };
}

function walk(dir: string): string[] {
  const out: string[] = [];
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(full));
    // Links, pipes and devices with a device-file name are listed too, so that reading them
    // is refused with a reason (outside the folder, not a regular file) instead of skipped.
    else if (DEVICE_EXTENSIONS.some((ext) => e.name.toLowerCase().endsWith(ext))) out.push(full);
  }
  return out;
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return !rel.startsWith('..') && !isAbsolute(rel);
}

function statOrUndefined(path: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** Problems shown per input file; a file with thousands of mistakes is fixed from the top. */
export const MAX_DIAGNOSTICS_PER_FILE = 200;

function capped(diagnostics: readonly Diagnostic[], file: string): readonly Diagnostic[] {
  if (diagnostics.length <= MAX_DIAGNOSTICS_PER_FILE) return diagnostics;
  const shown = sortDiagnostics(diagnostics).slice(0, MAX_DIAGNOSTICS_PER_FILE);
  const rest = diagnostics.length - shown.length;
  const last = shown[shown.length - 1]?.source;
  return [
    ...shown,
    {
      severity: 'error',
      code: 'data/too-many-problems',
      message: `${rest} more problems are not shown`,
      source: last?.range ? { file: last.file, range: last.range } : { file },
      hints: ['fix the problems shown and run again'],
    },
  ];
}
