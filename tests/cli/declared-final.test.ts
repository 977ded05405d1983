import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from './run.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const out = mkdtempSync(join(tmpdir(), 'techfile-declared-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('generate --final on a complete device that declares what does not apply', () => {
  it('writes the documents: an empty API list, no remote service and no representative are answers, not TBDs', async () => {
    const r = await run(
      [
        'generate',
        'tests/fixtures/declared/lumen-eu.yaml',
        '--final',
        '--format',
        'docx',
        '--doc',
        'secure-operation,ai-transparency',
        '--jobs',
        '1',
        '--out',
        out,
      ],
      ROOT,
    );
    expect(r.stderr).not.toContain('final/tbd');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('lumen-cxr-eu/secure-operation.docx');
    expect(r.stdout).toContain('lumen-cxr-eu/ai-transparency.docx');
  });
});
