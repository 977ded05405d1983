import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { isInside, realFolder } from '../source/read-file.js';

/** The font files of the PDF renderer (listed without loading pdfkit). */
export { pdfFontFiles } from '../render/pdf/paint/font-files.js';

/** A path as the manifest writes it: relative to `base`, with `/` on every system. */
export function manifestPath(base: string, path: string): string {
  const rel = relative(base, path);
  return (rel === '' ? '.' : rel).split(sep).join('/');
}

/**
 * SHA-256 of files, each read once per run: a product-line parent, the templates and an image
 * shared by many products are hashed once, not once per product.
 */
export class FileHasher {
  private readonly cache = new Map<string, string | undefined>();

  /**
   * The hash, or undefined when the path is not a regular file that can be read (then it is
   * no input). With `root`, a file whose real path lies outside that folder is no input either:
   * the pipeline refuses it, and a link to `/dev/zero` or a FIFO must not be read here.
   */
  hash(path: string, root?: string): string | undefined {
    const key = root === undefined ? path : `${root}\0${path}`;
    if (this.cache.has(key)) return this.cache.get(key);
    const digest = hashRegularFile(path, root);
    this.cache.set(key, digest);
    return digest;
  }

  /** Forgets what was hashed (so a later run in the same process sees edits). */
  clear(): void {
    this.cache.clear();
  }
}

/** Streams a regular file through SHA-256; undefined for anything else (device, FIFO, folder). */
function hashRegularFile(path: string, root: string | undefined): string | undefined {
  let fd: number | undefined;
  try {
    const real = realpathSync.native(path);
    if (root !== undefined && !isInside(realFolder(root), real)) return undefined;
    // O_NONBLOCK: opening a FIFO must not wait for a writer; fstat on the descriptor then says what it is.
    fd = openSync(real, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stat = fstatSync(fd);
    if (!stat.isFile()) return undefined;
    const hash = createHash('sha256');
    const chunk = Buffer.alloc(1 << 20);
    // Never past the size fstat gave: a file that grows while read cannot hold the run.
    for (let left = stat.size; left > 0;) {
      const n = readSync(fd, chunk, 0, Math.min(chunk.length, left), null);
      if (n === 0) break;
      hash.update(chunk.subarray(0, n));
      left -= n;
    }
    return hash.digest('hex');
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Every file of the template folder (documents and partials), sorted. */
export function templateFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (folder: string): void => {
    let names: string[];
    try {
      names = readdirSync(folder).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const full = join(folder, name);
      let isDir = false;
      try {
        isDir = statSync(full).isDirectory();
      } catch {
        continue;
      }
      if (isDir) walk(full);
      else files.push(full);
    }
  };
  walk(dir);
  return files;
}

export interface InputSources {
  /** The device file and each parent in its `extends` chain (absolute). */
  readonly deviceFiles: readonly string[];
  /** Folders images, SBOM and VEX files are looked up in (beside the device file and each parent). */
  readonly assetDirs: readonly string[];
  /** Strings of the product's data that may name a file (see fileLikeStrings). */
  readonly fileNames: readonly string[];
  /** Template files (absolute), shared by every product of the run. */
  readonly templates: readonly string[];
  /** Font files the renderers embed (absolute; none when no PDF is built), shared by every product. */
  readonly fonts?: readonly string[];
}

/**
 * Every input that can change a product's files, path → SHA-256: the device file and its
 * parents, each template and partial, each font a PDF embeds, and each file the data names (images, SBOM, VEX) found
 * where the pipeline looks for it. Paths are relative to `base` (the folder techfile ran in).
 */
export function productInputs(src: InputSources, base: string, hasher: FileHasher): Record<string, string> {
  const out: Record<string, string> = {};
  const add = (path: string): void => {
    const digest = hasher.hash(path);
    if (digest !== undefined) out[manifestPath(base, path)] = digest;
  };
  for (const f of src.deviceFiles) add(f);
  for (const f of src.templates) add(f);
  for (const f of src.fonts ?? []) add(f);
  for (const name of new Set(src.fileNames)) {
    if (isAbsolute(name) || name.includes('\0')) continue;
    for (const dir of src.assetDirs) {
      const path = resolve(dir, name);
      if (!path.startsWith(dir + sep)) continue;
      const digest = hasher.hash(path, dir);
      if (digest !== undefined) {
        out[manifestPath(base, path)] = digest;
        break;
      }
    }
  }
  return out;
}
