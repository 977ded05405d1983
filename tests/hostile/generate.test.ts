import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultTemplatesDir } from '../../src/pipeline/templates-dir.js';
import { run } from '../cli/run.js';
import { hasTool, run as runTool } from '../helpers/clients.js';
import { solidPng } from '../helpers/png.js';
import { buildCase, device, expectCleanOutput, hugePngHeader, type HostileCase } from './corpus.js';

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

function caseFolder(files: HostileCase['files']): string {
  const root = mkdtempSync(join(tmpdir(), 'techfile-hostile-gen-'));
  roots.push(root);
  buildCase(root, files);
  return root;
}

/** `file:line:col: error[code]` lines of the text output. */
function located(text: string): string[] {
  return [...text.matchAll(/^(\S+:\d+:\d+): (?:error|warning)\[([a-z/-]+)\]/gm)].map((m) => `${m[2]} ${m[1]}`);
}

const DIAGRAM = 'network:\n  diagrams:\n    - id: d\n      title: Network\n      file: d.png\n';

describe('hostile folders: generate', () => {
  it('refuses an image that is a link out of the folder, at the image field', async () => {
    const root = caseFolder({
      'outside/x.png': solidPng(4, 4),
      'p/a.yaml': device(DIAGRAM),
      'p/d.png': { link: '../outside/x.png' },
    });
    const r = await run(['generate', 'p', '--doc', 'secure-operation', '--format', 'docx', '--out', 'out'], root);
    expectCleanOutput(r.stdout + r.stderr);
    expect(r.code).toBe(3);
    expect(located(r.stderr)).toContain('generate/image-outside-project p/a.yaml:17:13');
    expect(r.stdout).toContain('0 files written');
  });

  it('refuses an image whose header declares 20000 × 20000 pixels, without decoding it', async () => {
    const root = caseFolder({ 'p/a.yaml': device(DIAGRAM), 'p/d.png': hugePngHeader() });
    const r = await run(['generate', 'p', '--doc', 'secure-operation', '--format', 'pdf', '--out', 'out'], root);
    expectCleanOutput(r.stdout + r.stderr);
    expect(r.code).toBe(3);
    expect(located(r.stderr)).toContain('generate/image-too-many-pixels p/a.yaml:17:13');
  });

  it('embeds an image whose file name has spaces and parentheses (the target is not Markdown)', async () => {
    const root = caseFolder({
      'p/a.yaml': device(
        'techdoc:\n  architecture_diagrams:\n    - { id: c, title: Containers, file: "my (1) [x] file.png" }\n',
      ),
      'p/my (1) [x] file.png': solidPng(4, 4),
    });
    const r = await run(['generate', 'p', '--doc', 'cyber-techdoc', '--format', 'docx', '--out', 'out'], root);
    expectCleanOutput(r.stdout + r.stderr);
    expect(r.code, r.stderr).toBe(0);
    const parts = unzipSync(readFileSync(join(root, 'out/hostile-x/cyber-techdoc.docx')));
    expect(Object.keys(parts).filter((n) => n.startsWith('word/media/'))).toHaveLength(1);
    expect(new TextDecoder().decode(parts['word/document.xml'])).not.toContain('](');
  });

  it('reports a template that includes itself as a template error at the inclusion', async () => {
    const root = caseFolder({ 'p/a.yaml': device() });
    cpSync(defaultTemplatesDir(), join(root, 'tpl'), { recursive: true });
    const partial = join(root, 'tpl/decommissioning/01-about.md');
    const lines = readFileSync(partial, 'utf8').split('\n').length;
    writeFileSync(partial, `${readFileSync(partial, 'utf8')}\n{{> decommissioning/01-about}}\n`);
    const r = await run(
      ['generate', 'p', '--templates', 'tpl', '--doc', 'decommissioning', '--format', 'docx', '--out', 'out'],
      root,
    );
    expectCleanOutput(r.stdout + r.stderr);
    expect(r.code).toBe(4);
    expect(located(r.stderr)).toContain(`template/partial-cycle tpl/decommissioning/01-about.md:${lines + 1}:1`);
  });

  it('refuses a template file that is a link out of the template folder', async () => {
    const root = caseFolder({ 'p/a.yaml': device(), 'outside/secret.md': 'SECRET-FROM-OUTSIDE\n' });
    cpSync(defaultTemplatesDir(), join(root, 'tpl'), { recursive: true });
    rmSync(join(root, 'tpl/decommissioning/01-about.md'));
    buildCase(root, { 'tpl/decommissioning/01-about.md': { link: '../../outside/secret.md' } });
    const r = await run(
      ['generate', 'p', '--templates', 'tpl', '--doc', 'decommissioning', '--format', 'docx', '--out', 'out'],
      root,
    );
    expectCleanOutput(r.stdout + r.stderr);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/tpl\/decommissioning\/01-about\.md: error\[template\/io\]/);
    expect(readdirSync(root)).not.toContain('out');
  });

  it('fails at once, with a message, when the output folder cannot be written', async () => {
    const root = caseFolder({ 'p/a.yaml': device() });
    const r = await run(['generate', 'p', '--out', '/proc/techfile-x', '--format', 'docx'], root);
    expectCleanOutput(r.stdout + r.stderr);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('/proc/techfile-x');
  });

  it('places duplicate product ids and missing dates at a line and column', async () => {
    const root = caseFolder({
      'p/a.yaml': device(),
      'p/b.yaml': device().replace(
        '  defaults: { author: "A", approver: "B", version: "1.0", date: 2026-11-02 }',
        '  defaults: { author: "A" }',
      ),
    });
    const r = await run(['generate', 'p', '--doc', 'decommissioning', '--format', 'docx', '--out', 'out'], root);
    expectCleanOutput(r.stdout + r.stderr);
    expect(r.code).toBe(3);
    expect(located(r.stderr)).toContain('generate/duplicate-product-id p/b.yaml:2:7');
    const r2 = await run(
      ['generate', 'p/b.yaml', '--doc', 'decommissioning', '--format', 'docx', '--out', 'out2'],
      root,
    );
    expect(located(r2.stderr).some((l) => l.startsWith('generate/missing-date p/b.yaml:'))).toBe(true);
  });

  it('explain of `constructor` and `__proto__` reads no prototype', async () => {
    const root = caseFolder({ 'p/a.yaml': device('  __proto__:\n    name: evil') });
    const a = await run(['explain', 'p/a.yaml', 'constructor'], root);
    expectCleanOutput(a.stdout + a.stderr);
    expect(a.code).toBe(3);
    expect(a.stderr).toContain('`constructor` is not set');
    const b = await run(['explain', 'p/a.yaml', 'documents.__proto__.name'], root);
    expectCleanOutput(b.stdout + b.stderr);
    expect(b.stdout).toContain('evil');
    expect(b.stdout).toContain('p/a.yaml:14:11');
  });
});

const XML_TEXT = '\uFFFE\uFFFF\u0001\u000B\u001F';

describe('hostile text: every document stays valid', () => {
  const haveXmllint = hasTool('xmllint');
  const haveQpdf = hasTool('qpdf');

  it('removes XML-forbidden characters from prose and document control, with a warning per field', async () => {
    const dirty = (s: string): string => JSON.stringify(`${s}${XML_TEXT}end`);
    const data = device(
      ['decommissioning:', `  steps: [{ id: s1, action: ${dirty('wipe')}, who: ${dirty('IT')} }]`].join('\n'),
    )
      .replace('name: Hostile X', `name: ${dirty('Hostile')}`)
      .replace('name: Example GmbH', `name: ${dirty('Example')}`)
      .replace(
        '  defaults: { author: "A", approver: "B", version: "1.0", date: 2026-11-02 }',
        `  defaults: { author: ${dirty('A')}, approver: "B", version: ${dirty('1.0')}, status: ${dirty('Draft')}, date: 2026-11-02 }\n  decommissioning: { number: ${dirty('N-1')},\n    revisions: [{ version: ${dirty('0.1')}, date: 2026-01-01, author: ${dirty('C')}, description: ${dirty('first')} }] }`,
      );
    const root = caseFolder({ 'p/a.yaml': data });
    const r = await run(['generate', 'p', '--doc', 'decommissioning', '--out', 'out'], root);
    expectCleanOutput(r.stdout + r.stderr);
    expect(r.code, r.stderr).toBe(0);
    const warned = located(r.stderr).filter((l) => l.startsWith('generate/forbidden-character'));
    expect(warned).toContain('generate/forbidden-character p/a.yaml:3:9');
    expect(warned.length).toBeGreaterThanOrEqual(6);
    const docx = readFileSync(join(root, 'out/hostile-x/decommissioning.docx'));
    const parts = unzipSync(docx);
    for (const [name, bytes] of Object.entries(parts)) {
      if (!/\.(xml|rels)$/.test(name)) continue;
      const text = new TextDecoder().decode(bytes);
      expect(text, name).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
      if (haveXmllint) {
        const file = join(root, 'part.xml');
        writeFileSync(file, bytes);
        expect(runTool('xmllint', ['--noout', file]).status, name).toBe(0);
      }
    }
    expect(new TextDecoder().decode(parts['docProps/core.xml'])).toContain('<dc:creator>A end</dc:creator>'); // vertical tab → space, the rest removed
    if (haveQpdf) expect(runTool('qpdf', ['--check', join(root, 'out/hostile-x/decommissioning.pdf')]).status).toBe(0);
  });
});
