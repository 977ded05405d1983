import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTICS, isRegisteredCode } from '../../src/diagnostics/registry.js';
import { diagnosticsMarkdown } from '../../src/diagnostics/registry-doc.js';

/**
 * Every code techfile emits is declared once in src/diagnostics/registry.ts, and nothing is
 * declared that is never emitted. Codes are found in the source as string literals: any
 * literal after `code:`, and any `'area/name'` literal of an area the registry knows (codes
 * passed to helpers such as `fail('data/…')` or `warn('markdown/…')`). A code built from a
 * template literal (`sbom/file-${problem}`) must match at least one registered code.
 */
const SRC = join(import.meta.dirname, '../../src');
const REGISTRY_FILES = new Set(['diagnostics/registry.ts', 'diagnostics/registry-doc.ts']);
const registered = Object.keys(DIAGNOSTICS);
const areas = [...new Set(registered.map((c) => c.split('/')[0]))].join('|');

function sources(): { file: string; text: string }[] {
  return readdirSync(SRC, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath, e.name))
    .map((f) => ({ file: relative(SRC, f).split('\\').join('/'), text: withoutComments(readFileSync(f, 'utf8')) }))
    .filter((f) => !REGISTRY_FILES.has(f.file));
}

/** A code named in a comment is not emitted. */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

function emitted(): { literal: Map<string, string>; dynamic: Map<string, string> } {
  const literal = new Map<string, string>();
  const dynamic = new Map<string, string>();
  const patterns = [new RegExp(`['\`]((?:${areas})/[a-z0-9-]+)['\`]`, 'g'), /\bcode: ['`]([a-z]+\/[a-z0-9-]+)['`]/g];
  for (const { file, text } of sources()) {
    for (const pattern of patterns)
      for (const m of text.matchAll(pattern)) if (m[1] !== undefined && !literal.has(m[1])) literal.set(m[1], file);
    for (const m of text.matchAll(/(?:\bcode: )?`([a-z]+\/[a-z0-9-]*)\$\{/g))
      if (m[1] !== undefined && (m[0].startsWith('code') || new RegExp(`^(?:${areas})/`).test(m[1])))
        dynamic.set(m[1], file);
  }
  return { literal, dynamic };
}

describe('diagnostics registry', () => {
  const { literal, dynamic } = emitted();

  it('finds the codes emitted in src/ (the scan itself works)', () => {
    expect(literal.get('data/unknown-field')).toBe('data/ajv-messages.ts');
    expect(literal.get('render/toc-unsettled')).toBe('render/pdf/index.ts');
    expect(dynamic.get('sbom/file-')).toBe('sbom/index.ts');
  });

  it('declares every code emitted in src/', () => {
    const missing = [...literal].filter(([code]) => !isRegisteredCode(code)).map(([code, file]) => `${code} (${file})`);
    const unmatched = [...dynamic]
      .filter(([prefix]) => !registered.some((c) => c.startsWith(prefix)))
      .map(([p, file]) => `${p}… (${file})`);
    expect([...missing, ...unmatched]).toEqual([]);
  });

  it('declares no code that nothing emits', () => {
    const unused = registered.filter((c) => !literal.has(c) && ![...dynamic.keys()].some((p) => c.startsWith(p)));
    expect(unused).toEqual([]);
  });

  it('gives every code a meaning, an example and a fix, written as sentences', () => {
    for (const [code, d] of Object.entries(DIAGNOSTICS)) {
      expect(code, code).toMatch(/^[a-z]+\/[a-z0-9-]+$/);
      for (const text of [d.meaning, d.fix]) expect(text, code).toMatch(/^[A-Z`].*\.$/);
      expect(d.example.length, code).toBeGreaterThan(3);
    }
  });
});

describe('docs/diagnostics.md', () => {
  it('is the committed file (regenerate: npm run docs:diagnostics)', () => {
    const committed = readFileSync(new URL('../../docs/diagnostics.md', import.meta.url), 'utf8');
    expect(committed === diagnosticsMarkdown(), 'docs/diagnostics.md is stale: run `npm run docs:diagnostics`').toBe(
      true,
    );
  });

  it('has one row per registered code', () => {
    const text = diagnosticsMarkdown();
    for (const code of Object.keys(DIAGNOSTICS)) expect(text).toContain(`| \`${code}\` |`);
  });
});
