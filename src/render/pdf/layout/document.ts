import type { Document } from '../../../model/nodes.js';
import { PAGE } from '../style.js';
import { layoutBlocks } from './blocks.js';
import type { LayoutContext } from './context.js';
import { Flow, type Frame } from './flow.js';
import { stampFurniture } from './furniture.js';
import { layoutTitlePage } from './title-page.js';
import type { ImageInfo, LayoutResult, PlacedHeading, TextMeasurer } from './types.js';

/** The TOC needs the page of every heading, which depends on the TOC: iterate, but not forever. */
export const MAX_PASSES = 4;

function onePass(
  doc: Document,
  m: TextMeasurer,
  images: ReadonlyMap<string, ImageInfo>,
  tocPages: ReadonlyMap<string, number>,
): Flow {
  const flow = new Flow();
  const ctx: LayoutContext = { flow, m, doc, images, tocPages };
  const frame: Frame = { x: PAGE.marginLeft, width: PAGE.width - PAGE.marginLeft - PAGE.marginRight };
  layoutTitlePage(ctx, frame);
  layoutBlocks(ctx, doc.children, frame);
  // A trailing page break must not leave an empty last page.
  const last = flow.pages[flow.pages.length - 1];
  if (flow.pages.length > 1 && last !== undefined && last.ops.length === 0) flow.pages.pop();
  return flow;
}

function pageMap(headings: readonly PlacedHeading[]): Map<string, number> {
  return new Map(headings.map((h) => [h.id, h.page + 1]));
}

function samePages(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [id, page] of a) if (b.get(id) !== page) return false;
  return true;
}

/**
 * Lays the document out into pages. Pass 1 learns where headings land; later passes
 * print those page numbers in the TOC until they stop changing (normally pass 2).
 */
export function layoutDocument(
  doc: Document,
  m: TextMeasurer,
  images: ReadonlyMap<string, ImageInfo> = new Map(),
  maxPasses = MAX_PASSES,
): LayoutResult {
  let tocPages: Map<string, number> = new Map();
  let flow = onePass(doc, m, images, tocPages);
  let passes = 1;
  const hasToc = doc.children.some((b) => b.type === 'toc');
  while (hasToc && passes < maxPasses) {
    const learned = pageMap(flow.headings);
    if (passes > 1 && samePages(learned, tocPages)) break;
    tocPages = learned;
    flow = onePass(doc, m, images, tocPages);
    passes++;
  }
  stampFurniture(flow.pages, doc.meta, m);
  // The last pass printed `tocPages`: the TOC is right only if the headings landed there.
  const tocSettled = !hasToc || samePages(pageMap(flow.headings), tocPages);
  return { pages: flow.pages, headings: flow.headings, passes, tocSettled };
}
