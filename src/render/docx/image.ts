import type { Image } from '../../model/nodes.js';
import type { MediaPart, RenderContext } from './context.js';
import { missingImageText } from '../captions.js';
import { paragraphXml, xmlEscape } from './ooxml.js';
import { placeholderRun } from './inline.js';
import { TEXT_WIDTH, TWIPS_PER_PIXEL } from './theme.js';

export type RasterType = 'png' | 'jpg' | 'gif' | 'bmp';

export interface RasterInfo {
  readonly type: RasterType;
  readonly width: number;
  readonly height: number;
}

const u16be = (b: Uint8Array, i: number): number => ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
const u16le = (b: Uint8Array, i: number): number => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
const u32be = (b: Uint8Array, i: number): number => u16be(b, i) * 65536 + u16be(b, i + 2);
const u32le = (b: Uint8Array, i: number): number => u16le(b, i) + u16le(b, i + 2) * 65536;

/** Format and pixel size read from the file header; undefined for anything we cannot place. */
export function rasterInfo(bytes: Uint8Array): RasterInfo | undefined {
  if (bytes.length >= 24 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) {
    return sized('png', u32be(bytes, 16), u32be(bytes, 20));
  }
  if (bytes.length >= 10 && bytes[0] === 0x47 && bytes[1] === 0x49 && bytes[2] === 0x46) {
    return sized('gif', u16le(bytes, 6), u16le(bytes, 8));
  }
  if (bytes.length >= 26 && bytes[0] === 0x42 && bytes[1] === 0x4d) {
    return sized('bmp', u32le(bytes, 18), Math.abs(u32le(bytes, 22) | 0));
  }
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) return jpegInfo(bytes);
  return undefined;
}

function sized(type: RasterType, width: number, height: number): RasterInfo | undefined {
  return width > 0 && height > 0 ? { type, width, height } : undefined;
}

/** Walk JPEG segments to the first start-of-frame marker, which carries the size. */
function jpegInfo(b: Uint8Array): RasterInfo | undefined {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1] ?? 0;
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) return sized('jpg', u16be(b, i + 7), u16be(b, i + 5));
    i += 2 + u16be(b, i + 2);
  }
  return undefined;
}

const MAX_WIDTH_PX = Math.floor(TEXT_WIDTH / TWIPS_PER_PIXEL);
const PX_PER_MM = 96 / 25.4;

/** Display size in pixels (96 dpi): `widthMm` or natural size, capped at the text width, aspect kept. */
export function displaySize(info: RasterInfo, widthMm: number | undefined): { width: number; height: number } {
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
  const info = bytes ? rasterInfo(bytes) : undefined;
  if (!bytes || !info) return paragraphXml({}, placeholderRun(missingImageText(node.src, node.alt)));
  const part = mediaPart(bytes, info.type, ctx);
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
