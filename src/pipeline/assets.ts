import { readFileSync } from 'node:fs';
import { extname, isAbsolute, relative, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Block } from '../model/nodes.js';
import { walkBlocks } from '../model/text.js';

const IMAGE_TYPES = new Set(['.png', '.jpg', '.jpeg']);

export interface AssetSearch {
  /** Folders to resolve relative image paths against, in order: the device file's, then its parents'. */
  readonly dirs: readonly string[];
  /** No image is read from outside this folder (the folder the user named). */
  readonly projectRoot: string;
  /** The device file as shown to the user, for diagnostics. */
  readonly file: string;
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/**
 * Reads the images a document shows (`image` nodes, e.g. architecture diagrams named in
 * the data) so the renderers, which never read files, get their bytes. A missing image
 * is a warning: the renderers then show a visible marker in its place.
 */
export function loadAssets(blocks: readonly Block[], search: AssetSearch): { assets: Map<string, Uint8Array>; diagnostics: Diagnostic[] } {
  const assets = new Map<string, Uint8Array>();
  const diagnostics: Diagnostic[] = [];
  const warn = (code: string, message: string, hint: string): void => {
    diagnostics.push({ severity: 'warning', code, message, source: { file: search.file }, hints: [hint] });
  };
  for (const block of walkBlocks(blocks)) {
    if (block.type !== 'image' || assets.has(block.src)) continue;
    const src = block.src;
    if (/^[a-z][a-z0-9+.-]*:/i.test(src) || isAbsolute(src)) {
      warn('generate/image-not-local', `image \`${src}\` is not a relative file path`, 'name the image file relative to the device data file');
      continue;
    }
    if (!IMAGE_TYPES.has(extname(src).toLowerCase())) {
      warn('generate/image-type', `image \`${src}\` is not a PNG or JPEG file`, 'convert the image to PNG or JPEG');
      continue;
    }
    const candidates = search.dirs.map((d) => resolve(d, src));
    if (!candidates.some((c) => inside(search.projectRoot, c))) {
      warn('generate/image-outside-project', `image \`${src}\` lies outside the project folder`, 'keep images inside the folder you named on the command line');
      continue;
    }
    const bytes = candidates.filter((c) => inside(search.projectRoot, c)).map(readOrUndefined).find((b) => b !== undefined);
    if (bytes) assets.set(src, bytes);
    else warn('generate/image-missing', `image \`${src}\` was not found next to the device file or its product-line parents`, 'check the file name in the data, or add the image file');
  }
  return { assets, diagnostics };
}

function readOrUndefined(path: string): Uint8Array | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}
