import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../cli/run.js';
import { hasTool, run as runTool } from '../helpers/clients.js';
import { buildCase, device, expectCleanOutput } from './corpus.js';

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 24 }),
  fc.string({
    unit: fc.constantFrom(
      '\uFFFE',
      '\uFFFF',
      '\u0000',
      '\u001b',
      '\uD800',
      'א',
      '👩‍👩‍👧',
      'e\u0301',
      '*',
      '|',
      '<',
      '&',
      '{{x}}',
      '\\',
      '"',
      ' ',
    ),
    maxLength: 12,
  }),
);
const q = (s: string): string => JSON.stringify(s);

describe('arbitrary strings in document fields', () => {
  const xmllint = hasTool('xmllint');

  it('give a diagnostic or a DOCX whose every part is well-formed XML', async () => {
    await fc.assert(
      fc.asyncProperty(fc.record({ name: text, maker: text, author: text, status: text, action: text }), async (f) => {
        const root = mkdtempSync(join(tmpdir(), 'techfile-prop-'));
        roots.push(root);
        const data = device(`decommissioning:\n  steps: [{ id: s1, action: ${q(f.action)} }]\n`)
          .replace('name: Hostile X', `name: ${q(f.name)}`)
          .replace('name: Example GmbH', `name: ${q(f.maker)}`)
          .replace('author: "A"', `author: ${q(f.author)}, status: ${q(f.status)}`);
        buildCase(root, { 'p/a.yaml': data });
        const r = await run(['generate', 'p', '--doc', 'decommissioning', '--format', 'docx', '--out', 'out'], root);
        expectCleanOutput(r.stdout + r.stderr);
        expect([0, 3]).toContain(r.code);
        if (r.code !== 0) {
          expect(r.stderr).toMatch(/^p\/a\.yaml:\d+:\d+: error\[/m);
          return;
        }
        const parts = unzipSync(readFileSync(join(root, 'out/hostile-x/decommissioning.docx')));
        for (const [name, bytes] of Object.entries(parts)) {
          if (!/\.(xml|rels)$/.test(name)) continue;
          expect(new TextDecoder().decode(bytes), name).not.toMatch(
            /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/,
          );
          if (xmllint) {
            const file = join(root, 'part.xml');
            writeFileSync(file, bytes);
            expect(runTool('xmllint', ['--noout', file]).status, name).toBe(0);
          }
        }
      }),
      { numRuns: 4, endOnFailure: true },
    );
  });
});
