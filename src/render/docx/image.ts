import { AlignmentType, HighlightColor, ImageRun, Paragraph, TextRun } from 'docx';
import type { Image } from '../../model/nodes.js';
import type { RenderContext } from './context.js';
import { missingImageText } from '../captions.js';
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

/**
 * A centred image paragraph. A missing or unreadable asset becomes a visible highlighted note
 * instead of a broken picture (renderers return bytes, not diagnostics; the pipeline checks assets).
 */
export function renderImage(node: Image, ctx: RenderContext): Paragraph {
  const bytes = ctx.assets.get(node.src);
  const info = bytes ? rasterInfo(bytes) : undefined;
  if (!bytes || !info) {
    return new Paragraph({
      children: [
        new TextRun({ text: missingImageText(node.src, node.alt), bold: true, highlight: HighlightColor.YELLOW }),
      ],
    });
  }
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 120, after: 200 },
    children: [
      new ImageRun({
        type: info.type,
        data: bytes,
        transformation: displaySize(info, node.widthMm),
        altText: { name: node.src, description: node.alt, title: node.alt },
      }),
    ],
  });
}
