import type { Point } from './position.js';

/** Why bytes are not UTF-8 text, and where (the first bad byte). */
export interface DecodeProblem {
  readonly code: 'utf16' | 'invalid-utf8';
  readonly message: string;
  readonly hint: string;
  readonly at: Point;
}

export type Decoded = { readonly text: string } | { readonly problem: DecodeProblem };

const UTF16_HINT = 'save the file as UTF-8 (in most editors: "Save with encoding" → UTF-8)';

/**
 * Input files are UTF-8 (a leading byte-order mark is allowed and dropped). UTF-16 and
 * invalid byte sequences are refused with their own message: silently replacing them
 * would put U+FFFD into a regulatory document, and UTF-16 read as UTF-8 looks like garbage.
 */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff) || looksLikeUtf16(bytes)) {
    return {
      problem: {
        code: 'utf16',
        message: 'the file is encoded as UTF-16 (or UTF-32), not UTF-8',
        hint: UTF16_HINT,
        at: { line: 1, column: 1 },
      },
    };
  }
  const start = b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(start);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body) };
  } catch {
    const offset = firstInvalidByte(body);
    const prefix = new TextDecoder('utf-8').decode(body.subarray(0, offset));
    const lines = prefix.split('\n');
    const at = { line: lines.length, column: [...(lines[lines.length - 1] ?? '')].length + 1 };
    return {
      problem: {
        code: 'invalid-utf8',
        message: `the file is not valid UTF-8: byte 0x${(body[offset] ?? 0).toString(16).padStart(2, '0')} at line ${at.line}, column ${at.column} is not part of a UTF-8 character`,
        hint: 'save the file as UTF-8; it may have been written in Latin-1 or Windows-1252',
        at,
      },
    };
  }
}

/** UTF-16 without a byte-order mark: ASCII text with a NUL byte beside every character. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 64) & ~1;
  if (n < 4) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) i % 2 === 0 ? even++ : odd++;
  return even >= n / 4 || odd >= n / 4;
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
export function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need = 0;
    let min = 0;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (0xff >> (need + 2));
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}
