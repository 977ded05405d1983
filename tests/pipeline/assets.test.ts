import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Block } from '../../src/model/nodes.js';
import { loadAssets, type AssetSearch } from '../../src/pipeline/assets.js';
import { solidPng } from '../helpers/png.js';

/*
 * <tmp>/outside.png                   beyond the project
 * <tmp>/project/line/parent.png       beside the product-line parent
 * <tmp>/project/line/both.png         beside both: the device's own folder wins
 * <tmp>/project/line/products/own.png beside the device file
 * <tmp>/project/line/products/both.png
 * <tmp>/project/line/products/logo.gif, drawing.svg
 */
let tmp: string;
let search: AssetSearch;
const OWN = solidPng(3, 2, [255, 0, 0]);
const PARENT = solidPng(5, 4, [0, 255, 0]);
const BOTH_LINE = solidPng(7, 7, [0, 0, 255]);
const BOTH_PRODUCT = solidPng(8, 8, [9, 9, 9]);
const OUTSIDE = solidPng(6, 6);

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'techfile-assets-'));
  const line = join(tmp, 'project', 'line');
  const products = join(line, 'products');
  mkdirSync(products, { recursive: true });
  writeFileSync(join(tmp, 'outside.png'), OUTSIDE);
  writeFileSync(join(line, 'parent.png'), PARENT);
  writeFileSync(join(line, 'both.png'), BOTH_LINE);
  writeFileSync(join(products, 'own.png'), OWN);
  writeFileSync(join(products, 'both.png'), BOTH_PRODUCT);
  writeFileSync(join(products, 'logo.gif'), 'GIF89a');
  writeFileSync(join(products, 'drawing.svg'), '<svg/>');
  // A GIF saved under a PNG name: its header, not its name, says what it is.
  writeFileSync(join(products, 'renamed.png'), new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 12, 0, 7, 0]));
  search = { dirs: [products, line], projectRoot: join(tmp, 'project'), file: 'line/products/device.yaml' };
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const image = (src: string): Block => ({ type: 'image', src, alt: `image ${src}` });
const load = (...srcs: string[]) => loadAssets(srcs.map(image), search);
/** The bytes read, as a plain Uint8Array (the file system hands back Buffers). */
const bytes = (assets: ReadonlyMap<string, Uint8Array>, src: string): Uint8Array | undefined => {
  const b = assets.get(src);
  return b === undefined ? undefined : new Uint8Array(b);
};

describe('loadAssets', () => {
  it('reads a relative PNG next to the device file', () => {
    const r = load('own.png');
    expect(r.diagnostics).toEqual([]);
    expect(bytes(r.assets, 'own.png')).toEqual(OWN);
  });

  it('finds an image beside a product-line parent through the second folder', () => {
    const r = load('parent.png');
    expect(r.diagnostics).toEqual([]);
    expect(bytes(r.assets, 'parent.png')).toEqual(PARENT);
  });

  it('prefers the device file’s folder when both folders have the image', () => {
    expect(bytes(load('both.png').assets, 'both.png')).toEqual(BOTH_PRODUCT);
  });

  it('allows `..` as long as the image stays inside the project', () => {
    const r = load('../parent.png');
    expect(r.diagnostics).toEqual([]);
    expect(bytes(r.assets, '../parent.png')).toEqual(PARENT);
  });

  it('finds images inside admonitions and lists too', () => {
    const blocks: Block[] = [
      { type: 'admonition', kind: 'note', children: [image('own.png')] },
      { type: 'list', ordered: false, start: 1, items: [{ type: 'listItem', children: [image('parent.png')] }] },
    ];
    const r = loadAssets(blocks, search);
    expect([...r.assets.keys()].sort()).toEqual(['own.png', 'parent.png']);
  });

  it('refuses an image outside the project folder and reads nothing', () => {
    // From <tmp>/project/line/products this is <tmp>/outside.png, which exists.
    const r = load('../../../outside.png');
    expect(r.assets.size).toBe(0);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['generate/image-outside-project']);
    const d = r.diagnostics[0]!;
    expect(d.severity).toBe('warning');
    expect(d.source?.file).toBe(search.file);
    expect(d.message).toContain('../../../outside.png');
    expect(d.hints?.length).toBeGreaterThan(0);
  });

  it('refuses `../outside.png` from a device file at the top of the project', () => {
    const project = join(tmp, 'project');
    const r = loadAssets([image('../outside.png')], { dirs: [project], projectRoot: project, file: 'device.yaml' });
    expect(r.assets.size).toBe(0);
    expect(r.diagnostics.map((d) => [d.code, d.source?.file])).toEqual([
      ['generate/image-outside-project', 'device.yaml'],
    ]);
  });

  it('never reads the candidate outside the project, even when it is the only one that exists', () => {
    // Beside the device: <tmp>/project/outside.png (absent); beside the parent: <tmp>/outside.png (outside).
    const r = load('../../outside.png');
    expect(r.assets.size).toBe(0);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['generate/image-missing']);
  });

  it('warns about a missing image', () => {
    const r = load('diagrams/nowhere.png');
    expect(r.assets.size).toBe(0);
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([['generate/image-missing', 'warning']]);
    expect(r.diagnostics[0]!.message).toContain('diagrams/nowhere.png');
  });

  it('refuses image types the renderers cannot embed, even when the file exists', () => {
    const r = load('logo.gif', 'drawing.svg', 'own.PNG.txt');
    expect(r.assets.size).toBe(0);
    expect(r.diagnostics.map((d) => d.code)).toEqual([
      'generate/image-type',
      'generate/image-type',
      'generate/image-type',
    ]);
  });

  it('refuses an image whose header is not PNG or JPEG, whatever its name', () => {
    expect(load('renamed.png').diagnostics.map((d) => d.code)).toEqual(['generate/image-invalid']);
  });

  it('accepts JPEG extensions in any case', () => {
    // Not present, so missing, but not refused for its type.
    expect(load('photo.JPG', 'photo.jpeg').diagnostics.map((d) => d.code)).toEqual([
      'generate/image-missing',
      'generate/image-missing',
    ]);
  });

  it('refuses URLs and absolute paths without reading them', () => {
    const r = load('http://example.com/a.png', 'file:///etc/a.png', join(search.dirs[0]!, 'own.png'));
    expect(r.assets.size).toBe(0);
    expect(r.diagnostics.map((d) => d.code)).toEqual([
      'generate/image-not-local',
      'generate/image-not-local',
      'generate/image-not-local',
    ]);
  });

  it('reads each image once however often the document shows it', () => {
    const r = load('own.png', 'own.png');
    expect(r.diagnostics).toEqual([]);
    expect(r.assets.size).toBe(1);
  });
});
