import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Each third-party package is imported in one folder of src/ (docs/architecture.md), so a
 * package can be replaced in one place, and renderers never see Handlebars or YAML.
 */
const SRC = join(import.meta.dirname, '../src');
const OWNER: Readonly<Record<string, string>> = {
  yaml: 'data',
  ajv: 'data',
  'ajv-formats': 'data',
  'fastest-levenshtein': 'diagnostics',
  handlebars: 'templates',
  'mdast-util-from-markdown': 'markdown',
  'mdast-util-gfm-table': 'markdown',
  'micromark-extension-gfm-table': 'markdown',
  docx: 'render/docx',
  fflate: 'render/docx',
  pdfkit: 'render/pdf/paint',
  'dejavu-fonts-ttf': 'render/pdf/paint',
  tinypool: 'pipeline',
  commander: 'cli',
  'cli-progress': 'cli',
  '@cyclonedx/cyclonedx-library': 'sbom',
};

/** Type declarations only (erased at build time): the markdown handlers type mdast nodes. */
const TYPES_ONLY = new Set(['mdast']);
/** Script entry points that are run by hand, not by the tool: they may read argv. */
const SCRIPTS = new Set(['schema/write.ts']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath, e.name));
}

function packageImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+'([^']+)'|require\.resolve\('([^']+)'/g)].map((m) => m[1] ?? m[2] ?? '');
  return specs.filter((s) => !s.startsWith('.') && !s.startsWith('node:')).map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0] ?? s));
}

describe('dependency confinement', () => {
  const uses = sourceFiles(SRC).flatMap((file) => packageImports(file).map((pkg) => ({ pkg, file: relative(SRC, file).split('\\').join('/') })));

  it('imports each third-party package only in the folder that owns it', () => {
    // A package missing from OWNER is reported too: a new dependency needs an owner.
    const wrong = uses
      .filter(({ pkg }) => !TYPES_ONLY.has(pkg))
      .filter(({ pkg, file }) => {
        const owner = OWNER[pkg];
        return owner === undefined || !file.startsWith(`${owner}/`);
      })
      .map(({ pkg, file }) => `${file} imports ${pkg}`);
    expect(wrong).toEqual([]);
  });

  it('keeps process and console out of everything but the CLI', () => {
    const offenders = sourceFiles(SRC)
      .filter((f) => !relative(SRC, f).startsWith('cli') && !SCRIPTS.has(relative(SRC, f).split('\\').join('/')))
      .filter((f) => /\bprocess\.(?:cwd|exit|env|argv|stdout|stderr)\b|\bconsole\.\w+\(/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(SRC, f));
    expect(offenders).toEqual([]);
  });
});
