import type { Image } from '../../../model/nodes.js';
import { missingImageText } from '../../captions.js';
import { COLOR, MM, SIZE } from '../style.js';
import { boxed } from './box.js';
import type { LayoutContext } from './context.js';
import { placeLines } from './emit.js';
import type { Frame } from './flow.js';
import { breakLines } from './lines.js';
import type { ImageInfo } from './types.js';

/** The drawn size of an image: `widthMm` or the frame width, at most the frame and `maxHeight`. */
export function imageSize(
  node: Image,
  info: ImageInfo,
  frame: Frame,
  maxHeight: number,
): { width: number; height: number } {
  let width = node.widthMm !== undefined && node.widthMm > 0 ? node.widthMm * MM : frame.width;
  width = Math.min(width, frame.width);
  let height = (width * info.height) / info.width;
  if (height > maxHeight) {
    width = (width * maxHeight) / height;
    height = maxHeight;
  }
  return { width, height };
}

/** An image scaled to `widthMm` (or the text width), never wider than the frame or taller than a page. */
export function layoutImage(ctx: LayoutContext, node: Image, frame: Frame): void {
  const { flow, m } = ctx;
  const info = ctx.images.get(node.src);
  if (info === undefined) {
    // The renderer cannot report diagnostics, so a missing asset must be visible on the page.
    const text = missingImageText(node.src, node.alt);
    const inner: Frame = { x: frame.x + 6, width: frame.width - 12 };
    const lines = breakLines(
      [{ text, font: 'bold', size: SIZE.body, color: COLOR.text, highlight: COLOR.placeholderFill }],
      inner.width,
      m,
      SIZE.body,
    );
    boxed(flow, frame, { fill: '#ffffff', border: COLOR.rule, padY: 6 }, () => placeLines(flow, lines, inner, m));
    return;
  }
  const { width, height } = imageSize(node, info, frame, flow.bottom - flow.top);
  flow.ensure(height);
  flow.add({ kind: 'image', src: node.src, x: frame.x, y: flow.y, w: width, h: height });
  flow.y += height;
}
