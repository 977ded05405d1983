import { isRecord } from '../source/field-path.js';
import { readContained, type ReadProblem } from '../source/read-file.js';
import { canonicalJson } from './fingerprints.js';
import { writeFileAtomic } from './write-atomic.js';

/**
 * `<out>/manifest.json`: what each product's files were built from. A rerun compares it with
 * the inputs on disk and skips a product whose inputs, options, tool version and output files
 * are unchanged. Keys are sorted at every level, so the same build gives the same bytes.
 */
export interface Manifest {
  readonly manifestVersion: 1;
  /** `techfile <version>`; another version rebuilds everything. */
  readonly tool: string;
  /** The options that shape the output (doc types, formats, --final, SOURCE_DATE_EPOCH, limits). */
  readonly options: Readonly<Record<string, unknown>>;
  readonly products: Readonly<Record<string, ProductEntry>>;
}

export interface ProductEntry {
  /** The device file, relative to the folder techfile ran in. */
  readonly file: string;
  /** Every input that produced the files: path (relative, `/`) → SHA-256. */
  readonly inputs: Readonly<Record<string, string>>;
  /** Every file written: path relative to the output folder (`/`) → SHA-256 of its bytes. */
  readonly outputs: Readonly<Record<string, string>>;
  /** TBD placeholders left in the product's documents (reported again when skipped). */
  readonly tbd: number;
}

export const MANIFEST_NAME = 'manifest.json';

export function emptyManifest(tool: string, options: Readonly<Record<string, unknown>>): Manifest {
  return { manifestVersion: 1, tool, options, products: {} };
}

/** The manifest in `outDir`, or undefined when there is none or it cannot be used (then all is rebuilt). */
export function readManifest(path: string): Manifest | undefined {
  const read = readManifestFile(path);
  return read.ok ? read.manifest : undefined;
}

/** A manifest of 10 000 products is about 20 MB; anything far larger is not one. */
export const MANIFEST_MAX_BYTES = 256 * 1024 * 1024;

export type ManifestRead =
  | { readonly ok: true; readonly manifest: Manifest }
  | { readonly ok: false; readonly problem: 'unreadable' | 'not-json' | 'not-a-manifest'; readonly detail: string };

/** Reads a manifest through the guarded reader: only a regular file, never a device or FIFO. */
export function readManifestFile(path: string): ManifestRead {
  const read = readContained(path, { maxBytes: MANIFEST_MAX_BYTES });
  if (!read.ok) return { ok: false, problem: 'unreadable', detail: describeReadProblem(read.problem) };
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(read.bytes));
  } catch {
    return { ok: false, problem: 'not-json', detail: 'not JSON' };
  }
  return isManifest(value)
    ? { ok: true, manifest: value }
    : { ok: false, problem: 'not-a-manifest', detail: 'not a techfile manifest (manifestVersion 1)' };
}

function describeReadProblem(problem: ReadProblem): string {
  switch (problem.kind) {
    case 'missing':
      return 'no such file';
    case 'outside':
      return `it leads outside the folder (${problem.realPath})`;
    case 'not-a-file':
      return `it is ${problem.what}`;
    case 'too-large':
      return `it is larger than ${problem.limit} bytes`;
    case 'unreadable':
      return problem.reason;
  }
}

function isStringMap(v: unknown): v is Record<string, string> {
  return isRecord(v) && Object.values(v).every((x) => typeof x === 'string');
}

export function isManifest(v: unknown): v is Manifest {
  if (
    !isRecord(v) ||
    v['manifestVersion'] !== 1 ||
    typeof v['tool'] !== 'string' ||
    !isRecord(v['options']) ||
    !isRecord(v['products'])
  )
    return false;
  return Object.values(v['products']).every(
    (p) =>
      isRecord(p) &&
      typeof p['file'] === 'string' &&
      isStringMap(p['inputs']) &&
      isStringMap(p['outputs']) &&
      typeof p['tbd'] === 'number',
  );
}

/** The manifest as text: canonical JSON (sorted keys), indented for people and diffs. */
export function manifestText(m: Manifest): string {
  return `${JSON.stringify(JSON.parse(canonicalJson(m)), null, 2)}\n`;
}

/**
 * Written like every output file (write-atomic.ts): a temporary name beside the target,
 * flushed, renamed over it. A kill at any moment leaves the old manifest or the new one.
 */
export function writeManifest(path: string, m: Manifest): void {
  writeFileAtomic(path, Buffer.from(manifestText(m), 'utf8'));
}

/** Same tool, same options, same recorded inputs: the product's files would come out the same. */
export function sameBuild(previous: Manifest, tool: string, options: Readonly<Record<string, unknown>>): boolean {
  return previous.tool === tool && canonicalJson(previous.options) === canonicalJson(options);
}

export function sameInputs(entry: ProductEntry, inputs: Readonly<Record<string, string>>): boolean {
  return canonicalJson(entry.inputs) === canonicalJson(inputs);
}

/** Why shard manifests cannot be joined, or the joined manifest. */
export type MergeResult =
  { readonly ok: true; readonly manifest: Manifest } | { readonly ok: false; readonly problem: string };

/** What differs between two manifests' builds, named: the tool version, or each option with both values. */
function buildDifference(
  a: { readonly name: string; readonly manifest: Manifest },
  b: { readonly name: string; readonly manifest: Manifest },
): string {
  if (a.manifest.tool !== b.manifest.tool)
    return `${b.name} was built by ${b.manifest.tool}, ${a.name} by ${a.manifest.tool}`;
  const keys = [...new Set([...Object.keys(a.manifest.options), ...Object.keys(b.manifest.options)])].sort();
  const differing = keys
    .filter((k) => canonicalJson(a.manifest.options[k] ?? null) !== canonicalJson(b.manifest.options[k] ?? null))
    .map(
      (k) =>
        `${k}: ${canonicalJson(b.manifest.options[k] ?? null)} in ${b.name}, ${canonicalJson(a.manifest.options[k] ?? null)} in ${a.name}`,
    );
  return `${b.name} was built with other options than ${a.name} (${differing.join('; ')})`;
}

/**
 * Joins the manifests of the shards of one portfolio run. They must come from the same tool
 * version and options; a product in two shards must have been built the same way.
 */
export function mergeManifests(parts: readonly { readonly name: string; readonly manifest: Manifest }[]): MergeResult {
  const first = parts[0];
  if (!first) return { ok: false, problem: 'no manifest to merge' };
  const products: Record<string, ProductEntry> = {};
  const from: Record<string, string> = {};
  for (const { name, manifest } of parts) {
    if (!sameBuild(first.manifest, manifest.tool, manifest.options))
      return { ok: false, problem: buildDifference(first, { name, manifest }) };
    for (const [id, entry] of Object.entries(manifest.products)) {
      const other = products[id];
      if (other && canonicalJson(other) !== canonicalJson(entry))
        return {
          ok: false,
          problem: `product ${id} is in ${from[id] ?? '?'} and in ${name} with different files or inputs`,
        };
      products[id] = entry;
      from[id] = name;
    }
  }
  return { ok: true, manifest: { ...first.manifest, products } };
}
