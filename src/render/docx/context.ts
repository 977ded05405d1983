import type { Block, Document } from '../../model/nodes.js';
import { walkBlocks } from '../../model/text.js';
import type { RasterType } from './image.js';

/** An image part of the package: `word/media/<name>`, shared by every drawing of the same bytes. */
export interface MediaPart {
  readonly bytes: Uint8Array;
  readonly name: string;
  /** Stands for its relationship id in document.xml until the package numbers it (package.ts). */
  readonly rId: string;
}

/** One list's numbering instance (`w:num`): bullets, or an ordered list starting at `start`. */
export interface ListInstance {
  readonly ordered: boolean;
  readonly start: number;
}

/**
 * What the block renderers share while one document is converted. One context per render,
 * never module state, so two renders in one process cannot influence each other's output.
 */
export interface RenderContext {
  /** Image bytes by `src` (from RenderOptions). */
  readonly assets: ReadonlyMap<string, Uint8Array>;
  /** Model heading id → Word bookmark name (Word restricts bookmark names, slugs are not always valid). */
  readonly bookmarks: ReadonlyMap<string, string>;
  /** Ordered-list first numbers in use; each gets its own numbering definition. */
  readonly orderedStarts: Set<number>;
  /** Numbering instances in document order; the n-th (from 0) is `w:numId` n + 2 (1 is docx's default). */
  readonly lists: ListInstance[];
  /** External hyperlink targets in document order; the n-th (from 0) is relationship `rIdL<n+1>`. */
  readonly links: string[];
  /** Images in order of first use (one part per distinct content). */
  readonly media: MediaPart[];
  /** Images placed per raster type, for the part names (image1.png, image1.jpg, ...). */
  readonly mediaCounts: Map<RasterType, number>;
  /** Bookmarks and drawings written so far; ids count from 1 in document order. */
  bookmarkCount: number;
  drawingCount: number;
}

export function createContext(doc: Document, assets: ReadonlyMap<string, Uint8Array> | undefined): RenderContext {
  return {
    assets: assets ?? new Map(),
    bookmarks: bookmarkNames(doc.children),
    orderedStarts: new Set(),
    lists: [],
    links: [],
    media: [],
    mediaCounts: new Map(),
    bookmarkCount: 0,
    drawingCount: 0,
  };
}

/**
 * Word bookmark names must start with a letter, hold only letters, digits and underscores and be at
 * most 40 characters; Word silently drops or renames others, breaking `#id` links. Derive a valid,
 * unique name from each heading id (counters resolve collisions in document order, so it is stable).
 */
export function bookmarkNames(blocks: readonly Block[]): Map<string, string> {
  const names = new Map<string, string>();
  const used = new Set<string>();
  for (const block of walkBlocks(blocks)) {
    if (block.type !== 'heading' || names.has(block.id)) continue;
    let base = block.id.replace(/[^A-Za-z0-9_]/g, '_');
    if (!/^[A-Za-z]/.test(base)) base = `h_${base}`;
    base = base.slice(0, 36);
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n += 1) name = `${base}_${n}`;
    used.add(name.toLowerCase());
    names.set(block.id, name);
  }
  return names;
}
