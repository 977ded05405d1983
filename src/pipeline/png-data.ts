import { inflateSync } from 'node:zlib';
import type { ImageHeader } from '../render/image-header.js';

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
    const type = String.fromCharCode(bytes[i + 4] ?? 0, bytes[i + 5] ?? 0, bytes[i + 6] ?? 0, bytes[i + 7] ?? 0);
    const data = bytes.subarray(i + 8, i + 8 + length);
    if (type === 'IHDR' && data.length >= 10) {
      bitDepth = data[8] ?? 8;
      channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[data[9] ?? 6] ?? 4;
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
