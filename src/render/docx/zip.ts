import { deflateSync } from 'fflate';

/**
 * A ZIP writer for the package whose entries can be compressed ahead of time: the template's
 * parts (static-parts.ts) are deflated once per process instead of once per document. The layout
 * is exactly fflate's `zipSync` (local headers and data in order, then the central directory; no
 * extra fields, no comments, DOS time from local-time fields), so the bytes are those the
 * renderer wrote with `zipSync` before.
 */
export interface ZipEntry {
  readonly name: Uint8Array;
  /** The bytes as stored: deflated (method 8) or as they are (method 0). */
  readonly data: Uint8Array;
  readonly deflated: boolean;
  readonly crc: number;
  readonly size: number;
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? -306674912 ^ (c >>> 1) : c >>> 1;
    t[i] = c;
  }
  return t;
})();

function crc32(data: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < data.length; i++) c = (CRC_TABLE[(c & 255) ^ (data[i] ?? 0)] ?? 0) ^ (c >>> 8);
  return ~c;
}

const ascii = new TextEncoder();

/** An entry; deflated at level 6 (as the package always was) unless `compress` is false. */
export function zipEntry(name: string, bytes: Uint8Array, compress: boolean): ZipEntry {
  return {
    name: ascii.encode(name),
    data: compress ? deflateSync(bytes, { level: 6 }) : bytes,
    deflated: compress,
    crc: crc32(bytes),
    size: bytes.length,
  };
}

function dosTime(d: Date): number {
  return (
    ((d.getFullYear() - 1980) << 25) |
    ((d.getMonth() + 1) << 21) |
    (d.getDate() << 16) |
    (d.getHours() << 11) |
    (d.getMinutes() << 5) |
    (d.getSeconds() >> 1)
  );
}

/** The archive of `entries` in the given order, every entry dated `mtime` (1980 to 2099). */
export function zipArchive(entries: readonly ZipEntry[], mtime: Date): Uint8Array {
  let localSize = 0;
  let centralSize = 0;
  for (const e of entries) {
    localSize += 30 + e.name.length + e.data.length;
    centralSize += 46 + e.name.length;
  }
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  const time = dosTime(mtime);
  const header = (at: number, e: ZipEntry): number => {
    view.setUint16(at, 20, true);
    view.setUint16(at + 2, 0, true);
    view.setUint16(at + 4, e.deflated ? 8 : 0, true);
    view.setUint32(at + 6, time >>> 0, true);
    view.setUint32(at + 10, e.crc >>> 0, true);
    view.setUint32(at + 14, e.data.length, true);
    view.setUint32(at + 18, e.size, true);
    view.setUint16(at + 22, e.name.length, true);
    return at + 26;
  };
  let at = 0;
  const offsets: number[] = [];
  for (const e of entries) {
    offsets.push(at);
    view.setUint32(at, 0x04034b50, true);
    at = header(at + 4, e);
    out.set(e.name, at);
    out.set(e.data, at + e.name.length);
    at += e.name.length + e.data.length;
  }
  entries.forEach((e, i) => {
    view.setUint32(at, 0x02014b50, true);
    view.setUint16(at + 4, 20, true);
    at = header(at + 6, e);
    // Extra field, comment, disk, internal and external attributes: all zero.
    view.setUint32(at + 10, offsets[i] ?? 0, true);
    at += 14;
    out.set(e.name, at);
    at += e.name.length;
  });
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, centralSize, true);
  view.setUint32(at + 16, localSize, true);
  return out;
}
