import { fileLikeStrings } from '../../src/pipeline/file-names.js';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { FileHasher, pdfFontFiles, productInputs } from '../../src/pipeline/manifest-inputs.js';
import {
  emptyManifest,
  manifestText,
  mergeManifests,
  readManifest,
  writeManifest,
  type Manifest,
  type ProductEntry,
} from '../../src/pipeline/manifest.js';
import { inShard, parseShard } from '../../src/pipeline/shard.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'techfile-manifest-'));
  dirs.push(d);
  return d;
}

const entry = (n: number): ProductEntry => ({
  file: `p/${n}.yaml`,
  inputs: { [`p/${n}.yaml`]: 'a'.repeat(64) },
  outputs: { [`p${n}/decommissioning.docx`]: 'b'.repeat(64) },
  tbd: n,
});
const manifest = (ids: readonly number[], options: Record<string, unknown> = { formats: ['docx'] }): Manifest => ({
  ...emptyManifest('techfile 0.1.0', options),
  products: Object.fromEntries(ids.map((n) => [`p${n}`, entry(n)])),
});

describe('--shard i/n', () => {
  it('reads i/n with 1 <= i <= n and nothing else', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/4', '5/4', '1/0', '1', 'a/b', '-1/2', '1/2/3', ''])
      expect(parseShard(bad), bad).toBeUndefined();
  });

  it('puts every product in exactly one shard, the union being the whole portfolio', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), { maxLength: 60 }),
        fc.integer({ min: 1, max: 9 }),
        (ids, n) => {
          const shards = Array.from({ length: n }, (_, i) => inShard(ids, (x) => x, { index: i + 1, count: n }));
          const all = shards.flat();
          expect(all).toHaveLength(ids.length);
          expect(new Set(all)).toEqual(new Set(ids));
          // Balanced: sizes differ by at most one.
          const sizes = shards.map((s) => s.length);
          expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('does not depend on the order the products were found in', () => {
    const ids = ['c', 'a', 'd', 'b', 'e'];
    const one = inShard(ids, (x) => x, { index: 1, count: 2 });
    const other = inShard([...ids].reverse(), (x) => x, { index: 1, count: 2 });
    expect(new Set(one)).toEqual(new Set(other));
  });
});

describe('manifest.json', () => {
  it('is written in a stable order whatever order the products finished in', () => {
    const a = manifest([3, 1, 2]);
    const b = manifest([2, 3, 1]);
    expect(manifestText(a)).toBe(manifestText(b));
    const keys = Object.keys((JSON.parse(manifestText(a)) as { products: object }).products);
    expect(keys).toEqual(['p1', 'p2', 'p3']);
  });

  it('is written atomically (no temporary file left) and read back; anything else reads as no manifest', () => {
    const dir = tempDir();
    const path = join(dir, 'manifest.json');
    writeManifest(path, manifest([1, 2]));
    expect(readdirSync(dir)).toEqual(['manifest.json']);
    expect(readManifest(path)).toEqual(JSON.parse(manifestText(manifest([1, 2]))));
    writeFileSync(path, '{"manifestVersion":1,"tool":"x"');
    expect(readManifest(path)).toBeUndefined();
    writeFileSync(
      path,
      JSON.stringify({
        manifestVersion: 1,
        tool: 'x',
        options: {},
        products: { a: { file: 'a', inputs: {}, outputs: { x: 5 }, tbd: 0 } },
      }),
    );
    expect(readManifest(path)).toBeUndefined();
    expect(readManifest(join(dir, 'absent.json'))).toBeUndefined();
  });

  it('merges shard manifests into the manifest of the whole run', () => {
    const merged = mergeManifests([
      { name: 'one', manifest: manifest([1, 3]) },
      { name: 'two', manifest: manifest([2, 4]) },
    ]);
    expect(merged.ok).toBe(true);
    if (merged.ok) expect(manifestText(merged.manifest)).toBe(manifestText(manifest([1, 2, 3, 4])));
  });

  it('refuses to merge manifests of different options or tools, or one product built two ways', () => {
    const other = mergeManifests([
      { name: 'one', manifest: manifest([1]) },
      { name: 'two', manifest: manifest([2], { formats: ['pdf'] }) },
    ]);
    expect(other.ok).toBe(false);
    // The option that differs is named, with the value in each manifest.
    if (!other.ok)
      expect(other.problem).toMatch(
        /two was built with other options than one \(formats: \["pdf"\] in two, .* in one\)/,
      );
    const conflict = manifest([1]);
    const changed: Manifest = { ...conflict, products: { p1: { ...entry(1), tbd: 99 } } };
    const clash = mergeManifests([
      { name: 'one', manifest: conflict },
      { name: 'two', manifest: changed },
    ]);
    expect(clash.ok).toBe(false);
    if (!clash.ok) expect(clash.problem).toContain('p1');
    expect(mergeManifests([]).ok).toBe(false);
  });
});

describe('the inputs of a product', () => {
  it('lists the device file, its parents, the templates and the files the data names that exist where images are looked for', () => {
    const root = tempDir();
    mkdirSync(join(root, 'line', 'img'), { recursive: true });
    mkdirSync(join(root, 'p'), { recursive: true });
    mkdirSync(join(root, 't'), { recursive: true });
    writeFileSync(join(root, 'line', 'line.yaml'), 'abstract: true\n');
    writeFileSync(join(root, 'line', 'img', 'arch.png'), 'png');
    writeFileSync(join(root, 'p', 'x.yaml'), 'extends: ../line/line.yaml\n');
    writeFileSync(join(root, 'p', 'sbom.cdx.json'), '{}');
    writeFileSync(join(root, 't', 'a.md'), '# A');
    const data = {
      diagrams: [{ file: 'img/arch.png' }],
      sbom: { file: 'sbom.cdx.json' },
      product: { name: 'not a file.', missing: 'gone.png', escape: '../../etc/passwd.txt' },
    };
    const inputs = productInputs(
      {
        deviceFiles: [join(root, 'p', 'x.yaml'), join(root, 'line', 'line.yaml')],
        assetDirs: [join(root, 'p'), join(root, 'line')],
        fileNames: [...fileLikeStrings(data)],
        templates: [join(root, 't', 'a.md')],
      },
      root,
      new FileHasher(),
    );
    expect(Object.keys(inputs).sort()).toEqual([
      'line/img/arch.png',
      'line/line.yaml',
      'p/sbom.cdx.json',
      'p/x.yaml',
      't/a.md',
    ]);
    expect(inputs['p/x.yaml']).toMatch(/^[0-9a-f]{64}$/);
    // An edit of the parent changes its hash (a fresh hasher: hashes are cached per run).
    writeFileSync(join(root, 'line', 'line.yaml'), 'abstract: true\n# edited\n');
    const again = productInputs(
      {
        deviceFiles: [join(root, 'p', 'x.yaml'), join(root, 'line', 'line.yaml')],
        assetDirs: [join(root, 'p'), join(root, 'line')],
        fileNames: [...fileLikeStrings(data)],
        templates: [],
      },
      root,
      new FileHasher(),
    );
    expect(again['line/line.yaml']).not.toBe(inputs['line/line.yaml']);
    expect(again['p/x.yaml']).toBe(inputs['p/x.yaml']);
  });

  it('lists each font file a PDF embeds with the SHA-256 of its bytes', () => {
    const fonts = pdfFontFiles();
    expect(fonts.map((f) => basename(f))).toEqual(
      expect.arrayContaining(['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSansMono.ttf']),
    );
    const root = tempDir();
    const inputs = productInputs(
      { deviceFiles: [], assetDirs: [], fileNames: [], templates: [], fonts },
      root,
      new FileHasher(),
    );
    expect(Object.keys(inputs)).toHaveLength(fonts.length);
    for (const f of fonts) {
      const key = Object.keys(inputs).find((k) => k.endsWith(`/${basename(f)}`));
      expect(key === undefined ? undefined : inputs[key]).toBe(
        createHash('sha256').update(readFileSync(f)).digest('hex'),
      );
    }
  });

  it('hashes only regular files inside the folder: a link to /dev/zero, a FIFO or a file outside is no input (and does not hang)', () => {
    const root = tempDir();
    mkdirSync(join(root, 'p'));
    writeFileSync(join(root, 'outside.png'), 'secret');
    writeFileSync(join(root, 'p', 'ok.png'), 'png bytes');
    symlinkSync('/dev/zero', join(root, 'p', 'zero.png'));
    symlinkSync('../outside.png', join(root, 'p', 'out.png'));
    execFileSync('mkfifo', [join(root, 'p', 'fifo.png')]);
    const data = { a: 'ok.png', b: 'zero.png', c: 'out.png', d: 'fifo.png' };
    const inputs = productInputs(
      { deviceFiles: [], assetDirs: [join(root, 'p')], fileNames: [...fileLikeStrings(data)], templates: [] },
      root,
      new FileHasher(),
    );
    expect(inputs).toEqual({ 'p/ok.png': createHash('sha256').update('png bytes').digest('hex') });
  });
});
