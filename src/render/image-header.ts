/**
 * Format and pixel size of an image read from its header, before anything decodes it: the
 * pipeline checks an image against the pixel limit with it (a small file can declare
 * 20000 × 20000 pixels, and decoding that takes gigabytes), and both renderers size the picture
 * from it. One reader, so that what is checked is what is drawn.
 */
export type ImageFormat = 'png' | 'jpeg' | 'gif' | 'bmp';

export interface ImageHeader {
  readonly format: ImageFormat;
  readonly width: number;
  readonly height: number;
}

/** The formats every renderer draws (pdfkit draws only these); the others are refused. */
export const DRAWN_FORMATS: ReadonlySet<ImageFormat> = new Set(['png', 'jpeg']);

const u16be = (b: Uint8Array, i: number): number => ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
const u16le = (b: Uint8Array, i: number): number => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
const u32be = (b: Uint8Array, i: number): number => u16be(b, i) * 65536 + u16be(b, i + 2);
const u32le = (b: Uint8Array, i: number): number => u16le(b, i) + u16le(b, i + 2) * 65536;

/** Format and pixel size from the file header; undefined for anything else or a zero size. */
export function readImageHeader(bytes: Uint8Array): ImageHeader | undefined {
  if (bytes.length >= 24 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) {
    return sized('png', u32be(bytes, 16), u32be(bytes, 20));
  }
  if (bytes.length >= 10 && bytes[0] === 0x47 && bytes[1] === 0x49 && bytes[2] === 0x46) {
    return sized('gif', u16le(bytes, 6), u16le(bytes, 8));
  }
  if (bytes.length >= 26 && bytes[0] === 0x42 && bytes[1] === 0x4d) {
    return sized('bmp', u32le(bytes, 18), Math.abs(u32le(bytes, 22) | 0));
  }
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) return jpegHeader(bytes);
  return undefined;
}

function sized(format: ImageFormat, width: number, height: number): ImageHeader | undefined {
  return width > 0 && height > 0 ? { format, width, height } : undefined;
}

/** Walks the JPEG segments to the first start-of-frame marker, which carries the size. */
function jpegHeader(b: Uint8Array): ImageHeader | undefined {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1] ?? 0;
    // Markers without a length: SOI, TEM and the restart markers.
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    // SOF0..SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return sized('jpeg', u16be(b, i + 7), u16be(b, i + 5));
    const length = u16be(b, i + 2);
    if (length < 2) return undefined;
    i += 2 + length;
  }
  return undefined;
}
