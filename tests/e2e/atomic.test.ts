import { mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { techfile } from './support/cli.js';
import { EXAMPLES, ROOT, describeExample, tempDir, removeTempDirs } from './support/examples.js';

afterAll(removeTempDirs);

/** Every entry below dir, dot files included. */
function allEntries(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((p) => p.split('\\').join('/'));
}

describe('the writer never leaves a partial file', () => {
  it('exits 5 when the target cannot be replaced, and leaves no temporary file behind', async () => {
    const example = await describeExample(join(EXAMPLES, 'insulin-pump/glucoflow-x2-eu.yaml'));
    const out = tempDir('atomic');
    // A folder where the PDF should go: writing the temp file works, the final rename cannot.
    const blocked = join(out, example.productId, 'secure-operation.pdf');
    mkdirSync(blocked, { recursive: true });

    const r = await techfile(
      ['generate', 'examples/insulin-pump/glucoflow-x2-eu.yaml', '--doc', 'secure-operation', '--out', out],
      ROOT,
    );
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('could not write');
    expect(r.stderr).toContain('glucoflow-x2-eu.yaml');
    expect(r.stderr).not.toContain('internal error');

    const entries = allEntries(out);
    expect(
      entries.filter((e) => e.includes('techfile-tmp')),
      entries.join('\n'),
    ).toEqual([]);
    expect(statSync(blocked).isDirectory()).toBe(true);
    // What was written before the failure is complete: the DOCX is a whole ZIP package.
    for (const e of entries.filter((x) => x.endsWith('.docx'))) {
      const parts = unzipSync(readFileSync(join(out, e)));
      expect(Object.keys(parts)).toContain('word/document.xml');
    }
    expect(r.stdout).not.toContain('secure-operation.pdf');
  });
});
