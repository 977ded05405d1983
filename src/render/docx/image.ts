import type { Image } from '../../model/nodes.js';
import type { MediaPart, RenderContext } from './context.js';
import { missingImageText } from '../captions.js';
import { paragraphXml, xmlEscape } from './ooxml.js';
import { placeholderRun } from './inline.js';
import { TEXT_WIDTH, TWIPS_PER_PIXEL } from './theme.js';
import { readImageHeader, type ImageFormat } from '../image-header.js';

/** The extension of an image's part name (image1.png, image1.jpg, ...). */
export type RasterType = 'png' | 'jpg' | 'gif' | 'bmp';

const EXTENSION: Record<ImageFormat, RasterType> = { png: 'png', jpeg: 'jpg', gif: 'gif', bmp: 'bmp' };

const MAX_WIDTH_PX = Math.floor(TEXT_WIDTH / TWIPS_PER_PIXEL);
const PX_PER_MM = 96 / 25.4;

/** Display size in pixels (96 dpi): `widthMm` or natural size, capped at the text width, aspect kept. */
export function displaySize(
  info: { readonly width: number; readonly height: number },
  widthMm: number | undefined,
): { width: number; height: number } {
  const wanted = widthMm !== undefined && widthMm > 0 ? widthMm * PX_PER_MM : info.width;
  const width = Math.max(1, Math.round(Math.min(wanted, MAX_WIDTH_PX)));
  return { width, height: Math.max(1, Math.round((width * info.height) / info.width)) };
}

/** EMUs per pixel at 96 dpi. */
const EMU_PER_PX = 9525;

/** The relationship id of an image is known once the body is written (after the hyperlinks): see package.ts. */
export const mediaIdToken = (index: number): string => `rIdIMG${index}`;

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The media part for these bytes: the same content is stored once, as docx does. */
function mediaPart(bytes: Uint8Array, type: RasterType, ctx: RenderContext): MediaPart {
  const known = ctx.media.find((m) => sameBytes(m.bytes, bytes));
  if (known) return known;
  const count = (ctx.mediaCounts.get(type) ?? 0) + 1;
  ctx.mediaCounts.set(type, count);
  const part: MediaPart = { bytes, name: `image${count}.${type}`, rId: mediaIdToken(ctx.media.length) };
  ctx.media.push(part);
  return part;
}

/**
 * A centred image paragraph. A missing or unreadable asset becomes a visible highlighted note
 * instead of a broken picture (renderers return bytes, not diagnostics; the pipeline checks assets).
 */
export function renderImage(node: Image, ctx: RenderContext): string {
  const bytes = ctx.assets.get(node.src);
  const info = bytes ? readImageHeader(bytes) : undefined;
  if (!bytes || !info) return paragraphXml({}, placeholderRun(missingImageText(node.src, node.alt)));
  const part = mediaPart(bytes, EXTENSION[info.format], ctx);
  const size = displaySize(info, node.widthMm);
  const cx = size.width * EMU_PER_PX;
  const cy = size.height * EMU_PER_PX;
  ctx.drawingCount += 1;
  const alt = xmlEscape(node.alt);
  const drawing =
    `<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/>` +
    '<wp:effectExtent t="0" r="0" b="0" l="0"/>' +
    `<wp:docPr id="${ctx.drawingCount}" name="${xmlEscape(node.src)}" descr="${alt}" title="${alt}"/>` +
    '<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" noChangeAspect="1"/></wp:cNvGraphicFramePr>' +
    '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">' +
    '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="0" name="" descr=""/>' +
    '<pic:cNvPicPr><a:picLocks noChangeAspect="1" noChangeArrowheads="1"/></pic:cNvPicPr></pic:nvPicPr>' +
    `<pic:blipFill><a:blip r:embed="${part.rId}" cstate="none"/><a:srcRect/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
    `<pic:spPr bwMode="auto"><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm>` +
    '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>';
  return paragraphXml({ align: 'center', spacing: { before: 120, after: 200 } }, drawing);
}
