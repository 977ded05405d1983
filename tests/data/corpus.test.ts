import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDeviceSchema } from '../../src/pipeline/default-schema.js';
import { loadDevice } from '../../src/data/device.js';
import { INVALID, fixtureHost } from './host.js';

/** Every *.yaml below the invalid corpus, as paths relative to it (posix separators). */
function corpusFiles(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.yaml') ? [join(dir, e.name)] : [],
    );
  return walk(INVALID)
    .map((f) => relative(INVALID, f).split('\\').join('/'))
    .sort();
}

/** `# expect: [file:]line:col code` comments → `file:line:col code` strings (file relative to the corpus). */
function expectations(file: string): string[] | undefined {
  const text = readFileSync(join(INVALID, file), 'utf8');
  const out: string[] = [];
  let any = false;
  for (const m of text.matchAll(/^#\s*expect:\s*(.+?)\s*$/gm)) {
    any = true;
    const spec = m[1]!;
    if (spec === 'valid') continue;
    const parsed = /^(?:(.+):)?(\d+):(\d+)\s+(\S+)$/.exec(spec);
    if (!parsed) throw new Error(`${file}: cannot read expectation "${spec}"`);
    const where = parsed[1] ? posix.join(posix.dirname(file), parsed[1]) : file;
    out.push(`${where}:${parsed[2]}:${parsed[3]} ${parsed[4]}`);
  }
  return any ? out.sort() : undefined;
}

describe('invalid-file corpus', () => {
  const files = corpusFiles();

  it('has cases, each stating what it expects', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
    for (const f of files) expect(expectations(f), `${f} has no "# expect:" comment`).toBeDefined();
  });

  for (const file of files) {
    it(`${file} produces exactly the expected diagnostics`, async () => {
      const schema = await defaultDeviceSchema();
      const { diagnostics } = loadDevice(file, fixtureHost(INVALID), schema);
      const actual = diagnostics
        .map(
          (d) =>
            `${d.source?.file ?? '?'}:${d.source?.range?.start.line ?? 0}:${d.source?.range?.start.column ?? 0} ${d.code}`,
        )
        .sort();
      expect(actual).toEqual(expectations(file));
      // Every diagnostic a writer sees says how to fix it.
      for (const d of diagnostics) expect(d.hints?.length ?? 0, `${d.code} without hint`).toBeGreaterThan(0);
    });
  }

  it('reports the three mistakes with file, position and field path', async () => {
    const schema = await defaultDeviceSchema();
    const { diagnostics } = loadDevice('three-mistakes/product.yaml', fixtureHost(INVALID), schema);
    expect(diagnostics.filter((d) => d.severity === 'error')).toHaveLength(3);
    const byCode = new Map(diagnostics.map((d) => [d.code, d]));
    expect(byCode.get('data/unknown-field')).toMatchObject({
      fieldPath: 'product.nmae',
      excerpt: '  nmae: GlucoFlow X2',
      hints: ['did you mean `name`?'],
    });
    expect(byCode.get('data/invalid-value')).toMatchObject({ fieldPath: 'regulatory.markets[1]' });
    expect(byCode.get('data/invalid-value')?.hints?.join(' ')).toContain('`EU`');
    expect(byCode.get('data/invalid-date')).toMatchObject({
      fieldPath: 'support_period.start_date',
      source: { file: 'three-mistakes/line.yaml' },
      trace: ['three-mistakes/product.yaml', 'three-mistakes/line.yaml'],
    });
    expect(byCode.get('data/invalid-date')?.hints?.[0]).toContain('`2027-03-01`');
  });
});
