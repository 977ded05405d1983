import { describe, expect, it } from 'vitest';
import { DRAWN_FORMATS, readImageHeader } from '../../src/render/image-header.js';
import { solidPng } from '../helpers/png.js';

/** The one image header reader: what the pipeline checks is what both renderers size. */
describe('readImageHeader', () => {
  it('reads the format and pixel size of PNG, JPEG, GIF and BMP', () => {
    expect(readImageHeader(solidPng(200, 100))).toEqual({ format: 'png', width: 200, height: 100 });
    // SOI, an APP0 segment of length 4, then SOF0 with height 30 and width 40.
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc0, 0, 11, 8, 0, 30, 0, 40, 3, 0, 0, 0]);
    expect(readImageHeader(jpeg)).toEqual({ format: 'jpeg', width: 40, height: 30 });
    const gif = new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 12, 0, 7, 0]);
    expect(readImageHeader(gif)).toEqual({ format: 'gif', width: 12, height: 7 });
    const bmp = new Uint8Array(26);
    bmp.set([0x42, 0x4d]);
    bmp.set([5, 0, 0, 0, 0xfd, 0xff, 0xff, 0xff], 18); // 5 wide, -3 high (top-down rows)
    expect(readImageHeader(bmp)).toEqual({ format: 'bmp', width: 5, height: 3 });
  });

  it('skips JPEG markers without a length and stops at a length below 2', () => {
    const restart = new Uint8Array([0xff, 0xd8, 0xff, 0xd0, 0xff, 0xc2, 0, 11, 8, 0, 9, 0, 16, 3, 0, 0]);
    expect(readImageHeader(restart)).toEqual({ format: 'jpeg', width: 16, height: 9 });
    expect(readImageHeader(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 1, 0, 0, 0, 0, 0, 0]))).toBeUndefined();
  });

  it('refuses unknown data and a zero size', () => {
    expect(readImageHeader(new Uint8Array([1, 2, 3, 4, 5]))).toBeUndefined();
    expect(readImageHeader(solidPng(1, 1).map((b, i) => (i >= 16 && i < 20 ? 0 : b)))).toBeUndefined();
  });

  it('names PNG and JPEG as the formats drawn', () => {
    expect([...DRAWN_FORMATS].sort()).toEqual(['jpeg', 'png']);
  });
});
