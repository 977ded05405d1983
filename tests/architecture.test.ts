import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
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
  'markdown-it': 'markdown',
  docx: 'render/docx',
  fflate: 'render/docx',
  pdfkit: 'render/pdf/paint',
  'dejavu-fonts-ttf': 'render/pdf/paint',
  hyphen: 'render/hyphenation',
  tinypool: 'pipeline',
  commander: 'cli',
  'cli-progress': 'cli',
  '@cyclonedx/cyclonedx-library': 'sbom',
};

/** Type declarations only (erased at build time): the markdown handlers type mdast nodes. */
const TYPES_ONLY = new Set(['mdast']);
/** Script entry points that are run by hand, not by the tool: they may read argv. */
const SCRIPTS = new Set(['pipeline/write-schema.ts']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath, e.name));
}

function packageImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+'([^']+)'|require\.resolve\('([^']+)'/g),
  ].map((m) => m[1] ?? m[2] ?? '');
  return specs
    .filter((s) => !s.startsWith('.') && !s.startsWith('node:'))
    .map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : (s.split('/')[0] ?? s)));
}

describe('dependency confinement', () => {
  const uses = sourceFiles(SRC).flatMap((file) =>
    packageImports(file).map((pkg) => ({ pkg, file: relative(SRC, file).split('\\').join('/') })),
  );

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

/**
 * Import directions between folders (docs/architecture.md, "Import directions"): the test
 * reads the table there, so the document and the check cannot drift apart.
 */
interface Rule {
  readonly folders: ReadonlySet<string>;
  readonly node: ReadonlySet<string>;
  readonly any: boolean;
}

function importRules(): Map<string, Rule> {
  const doc = readFileSync(join(import.meta.dirname, '../docs/architecture.md'), 'utf8');
  const section = doc.split(/^## Import directions$/m)[1]?.split(/^## /m)[0] ?? '';
  const rules = new Map<string, Rule>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const name = /^`([^`]+)`$/.exec(cells[1] ?? '')?.[1];
    if (name === undefined || cells.length < 6) continue;
    const names = (cell: string): Set<string> => new Set([...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? ''));
    const folders = cells[3] ?? '';
    rules.set(name, { folders: names(folders), node: names(cells[4] ?? ''), any: /^every folder/.test(folders) });
  }
  return rules;
}

/** The folder a file of src/ belongs to: the longest folder of the table that holds it. */
function folderOf(rel: string, folders: readonly string[]): string {
  if (!rel.includes('/')) return rel;
  return (
    folders.filter((f) => rel.startsWith(`${f}/`)).sort((a, b) => b.length - a.length)[0] ?? rel.split('/')[0] ?? rel
  );
}

/** Every module a file imports: static, type-only, re-exports, side effects and dynamic import(). */
function importSpecifiers(text: string): string[] {
  const specs = [
    ...text.matchAll(
      /(?:^|\n)\s*(?:import|export)\b[^'";]*?\bfrom\s+'([^']+)'|(?:^|\n)\s*import\s+'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/g,
    ),
  ];
  return specs.map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

/**
 * Imports that break the rule today, each with the reason and the planned fix. The list
 * only shrinks: an entry the code no longer needs fails the test below until it is removed.
 * Key: `<file> → <folder or node: module>`.
 */
const EXCEPTIONS: Readonly<Record<string, string>> = {};

describe('import directions', () => {
  const rules = importRules();
  const folders = [...rules.keys()];
  const edges = sourceFiles(SRC).flatMap((file) => {
    const rel = relative(SRC, file).split('\\').join('/');
    const from = folderOf(rel, folders);
    return importSpecifiers(readFileSync(file, 'utf8'))
      .filter((s) => s.startsWith('.') || s.startsWith('node:'))
      .map((s) => {
        const target = s.startsWith('node:')
          ? s
          : folderOf(
              relative(SRC, join(dirname(file), s))
                .split('\\')
                .join('/'),
              folders,
            );
        return { rel, from, target, key: `${rel} → ${target}` };
      })
      .filter((e) => e.from !== e.target);
  });

  it('reads a rule for every folder of src/ from docs/architecture.md', () => {
    expect(rules.get('data')?.folders).toEqual(new Set(['source', 'diagnostics', 'model', 'contract']));
    expect(rules.get('pipeline')?.any).toBe(true);
    const unruled = [...new Set(edges.map((e) => e.from))].filter((f) => !rules.has(f));
    expect(unruled).toEqual([]);
  });

  it('finds the imports (the scan itself works)', () => {
    expect(edges.some((e) => e.key === 'pipeline/generate.ts → render/pdf')).toBe(true);
    expect(importSpecifiers("const m = await import('../schema/x.js');")).toEqual(['../schema/x.js']); // a dynamic import()
    expect(edges.some((e) => e.key === 'source/read-file.ts → node:fs')).toBe(true);
  });

  it('allows only the directions of the table, besides the listed exceptions', () => {
    const wrong = edges
      .filter((e) => {
        const rule = rules.get(e.from);
        if (rule === undefined) return true;
        const allowed = e.target.startsWith('node:')
          ? rule.node.has(e.target)
          : rule.any
            ? e.target !== 'cli' || e.from === 'index.ts'
            : rule.folders.has(e.target);
        return !allowed && EXCEPTIONS[e.key] === undefined;
      })
      .map((e) => e.key);
    expect([...new Set(wrong)]).toEqual([]);
  });

  it('lists no exception the code no longer needs', () => {
    const used = new Set(edges.map((e) => e.key));
    expect(Object.keys(EXCEPTIONS).filter((k) => !used.has(k))).toEqual([]);
  });
});
