import { inflateSync } from 'node:zlib';

export interface ImageHeader {
  readonly format: 'png' | 'jpeg';
  readonly width: number;
  readonly height: number;
}

/**
 * Pixel size of a PNG or JPEG read from its header, before anything decodes it: a small
 * file can declare 20000 × 20000 pixels, and decoding that takes gigabytes.
 */
export function readImageHeader(bytes: Uint8Array): ImageHeader | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length >= 24 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) {
    const width = view.getUint32(16);
    const height = view.getUint32(20);
    return width > 0 && height > 0 ? { format: 'png', width, height } : undefined;
  }
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    let i = 2;
    while (i + 9 < bytes.length) {
      if (bytes[i] !== 0xff) return undefined;
      const marker = bytes[i + 1] ?? 0;
      const length = view.getUint16(i + 2);
      // SOF0..SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        const height = view.getUint16(i + 5);
        const width = view.getUint16(i + 7);
        return width > 0 && height > 0 ? { format: 'jpeg', width, height } : undefined;
      }
      if (length < 2) return undefined;
      i += 2 + length;
    }
  }
  return undefined;
}

/**
 * Does the PNG's compressed pixel data inflate to no more than its header promises? A
 * deflate stream can expand a thousandfold; the PDF renderer inflates it without a bound.
 */
export function pngDataFits(bytes: Uint8Array, header: ImageHeader): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: Uint8Array[] = [];
  let bitDepth = 8;
  let channels = 4;
  for (let i = 8; i + 8 <= bytes.length;) {
    const length = view.getUint32(i);
    const type = String.fromCharCode(bytes[i + 4]!, bytes[i + 5]!, bytes[i + 6]!, bytes[i + 7]!);
    const data = bytes.subarray(i + 8, i + 8 + length);
    if (type === 'IHDR' && data.length >= 10) {
      bitDepth = data[8]!;
      channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[data[9]!] ?? 4;
    }
    if (type === 'IDAT') parts.push(data);
    if (type === 'IEND') break;
    i += 12 + length;
  }
  const rowBytes = Math.ceil((header.width * channels * Math.max(bitDepth, 1)) / 8) + 1;
  // Interlaced images need a little more (one filter byte per row of each pass).
  const expected = rowBytes * header.height * 2 + 1024;
  try {
    inflateSync(Buffer.concat(parts), { maxOutputLength: expected });
    return true;
  } catch {
    return false;
  }
}
