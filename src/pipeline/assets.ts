import { extname, isAbsolute, resolve } from 'node:path';
import type { Diagnostic, Severity } from '../diagnostics/diagnostic.js';
import { DEFAULT_LIMITS, type Limits } from '../data/limits.js';
import type { Block } from '../model/nodes.js';
import { walkBlocks } from '../model/text.js';
import type { SourceRef } from '../source/position.js';
import { isInside, problemText, readContained } from '../source/read-file.js';
import { DRAWN_FORMATS, readImageHeader } from '../render/image-header.js';
import { pngDataFits } from './png-data.js';

const IMAGE_TYPES = new Set(['.png', '.jpg', '.jpeg']);

export interface AssetSearch {
  /** Folders to resolve relative image paths against, in order: the device file's, then its parents'. */
  readonly dirs: readonly string[];
  /** No image is read from outside this folder (the folder the user named). */
  readonly projectRoot: string;
  /** The device file as shown to the user, for diagnostics. */
  readonly file: string;
  /** Where the data names an image (its `file:` field), so diagnostics point there. */
  readonly locate?: (src: string) => { ref: SourceRef; field: string } | undefined;
  readonly limits?: Pick<Limits, 'imageBytes' | 'imagePixels'>;
}

/**
 * Reads the images a document shows (`image` nodes, e.g. architecture diagrams named in
 * the data) so the renderers, which never read files, get their bytes. A missing image
 * is a warning: the renderers then show a visible marker in its place. An image that
 * must not be read (a link out of the project folder, a device, too large, too many
 * pixels) is an error: no document is written with or without it.
 */
export function loadAssets(
  blocks: readonly Block[],
  search: AssetSearch,
): { assets: Map<string, Uint8Array>; diagnostics: Diagnostic[] } {
  const limits = search.limits ?? DEFAULT_LIMITS;
  const assets = new Map<string, Uint8Array>();
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  const report = (severity: Severity, src: string, code: string, message: string, hint: string): void => {
    const at = search.locate?.(src);
    diagnostics.push({
      severity,
      code,
      message,
      source: at?.ref ?? { file: search.file },
      ...(at ? { fieldPath: at.field } : {}),
      hints: [hint],
    });
  };
  const warn = (src: string, code: string, message: string, hint: string): void =>
    report('warning', src, code, message, hint);
  for (const block of walkBlocks(blocks)) {
    if (block.type !== 'image' || seen.has(block.src)) continue;
    const src = block.src;
    seen.add(src);
    if (/^[a-z][a-z0-9+.-]*:/i.test(src) || isAbsolute(src)) {
      warn(
        src,
        'generate/image-not-local',
        `image \`${src}\` is not a relative file path`,
        'name the image file relative to the device data file',
      );
      continue;
    }
    if (!IMAGE_TYPES.has(extname(src).toLowerCase())) {
      warn(
        src,
        'generate/image-type',
        `image \`${src}\` is not a PNG or JPEG file`,
        'convert the image to PNG or JPEG',
      );
      continue;
    }
    const candidates = search.dirs.map((d) => resolve(d, src)).filter((c) => isInside(search.projectRoot, c));
    if (candidates.length === 0) {
      warn(
        src,
        'generate/image-outside-project',
        `image \`${src}\` lies outside the project folder`,
        'keep images inside the folder you named on the command line',
      );
      continue;
    }
    let found = false;
    for (const candidate of candidates) {
      const read = readContained(candidate, { root: search.projectRoot, maxBytes: limits.imageBytes });
      if (!read.ok && read.problem.kind === 'missing') continue;
      found = true;
      if (!read.ok) {
        const p = read.problem;
        const code =
          p.kind === 'outside'
            ? 'generate/image-outside-project'
            : p.kind === 'too-large'
              ? 'generate/image-too-large'
              : 'generate/image-unreadable';
        const hint =
          p.kind === 'outside'
            ? 'copy the image into the project folder instead of linking to it'
            : p.kind === 'too-large'
              ? 'reduce the image (a diagram needs a few hundred kilobytes), or raise the limit with --max-image-size'
              : 'name a PNG or JPEG file';
        report('error', src, code, `image \`${src}\` ${problemText(p)}`, hint);
        break;
      }
      const header = readImageHeader(read.bytes);
      if (!header || !DRAWN_FORMATS.has(header.format)) {
        report(
          'error',
          src,
          'generate/image-invalid',
          `image \`${src}\` is not a readable PNG or JPEG file`,
          'export the image again as PNG or JPEG',
        );
      } else if (header.width * header.height > limits.imagePixels) {
        report(
          'error',
          src,
          'generate/image-too-many-pixels',
          `image \`${src}\` has ${header.width} × ${header.height} pixels; the limit is ${limits.imagePixels} pixels`,
          'scale the image down (a page is about 2500 pixels wide at 300 dpi), or raise the limit with --max-image-pixels',
        );
      } else if (header.format === 'png' && !pngDataFits(read.bytes, header)) {
        report(
          'error',
          src,
          'generate/image-invalid',
          `image \`${src}\` holds more pixel data than its size of ${header.width} × ${header.height} allows`,
          'export the image again as PNG or JPEG',
        );
      } else assets.set(src, read.bytes);
      break;
    }
    if (!found)
      warn(
        src,
        'generate/image-missing',
        `image \`${src}\` was not found next to the device file or its product-line parents`,
        'check the file name in the data, or add the image file',
      );
  }
  return { assets, diagnostics };
}
