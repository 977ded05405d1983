import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { clausesForDoc, type DocType } from '../../src/regulatory/catalogue.js';
import { loadCatalogue } from '../../src/pipeline/catalogue.js';
import { BLOCK_HELPERS, INLINE_HELPERS } from '../../src/templates/names.js';

/*
 * Static checks of the cyber-techdoc and ai-transparency templates against the clause
 * catalogue: every clause of the document type is cited, only real ids are cited, each
 * citation sits right under a heading, conditional clauses sit under a guard, sections
 * hidden by `applies` cite only that instrument, and every data path exists.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DOCS: readonly DocType[] = ['cyber-techdoc', 'ai-transparency'];
/** Shared partials this writer may own (prefix per document type). */
const SHARED_PREFIX: Record<string, string> = { 'cyber-techdoc': 'ct-', 'ai-transparency': 'ait-' };

/** Catalogue conditions that are qualifiers, not product facts: no guard needed. */
const SOFT_CONDITIONS = new Set(['where applicable', 'when appropriate', 'where relevant']);

/** Every helper of the template language (src/templates/names.ts), and `else`. */
const HELPERS = new Set([...BLOCK_HELPERS, ...INLINE_HELPERS, 'else']);

interface TemplateFile {
  readonly name: string;
  readonly text: string;
}

function templateFiles(doc: DocType): TemplateFile[] {
  const dir = join(ROOT, 'templates', doc);
  const own = readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => ({ name: `${doc}/${f}`, text: readFileSync(join(dir, f), 'utf8') }));
  const sharedDir = join(ROOT, 'templates', 'partials');
  const prefix = SHARED_PREFIX[doc] ?? '\0';
  const shared = existsSync(sharedDir)
    ? readdirSync(sharedDir)
        .filter((f) => f.startsWith(prefix) && f.endsWith('.md'))
        .map((f) => ({ name: `partials/${f}`, text: readFileSync(join(sharedDir, f), 'utf8') }))
    : [];
  return [...own, ...shared];
}

/** `a.b[].c` and `a.b[id]` → `a.b.c`, `a.b`: the template addresses lists without brackets. */
function normalise(path: string): string {
  return path.replace(/\[[^\]]*\]/g, '');
}

function addWithPrefixes(set: Set<string>, path: string): void {
  const parts = normalise(path).split('.');
  for (let i = 1; i <= parts.length; i++) set.add(parts.slice(0, i).join('.'));
}

function flattenYaml(value: unknown, prefix: string, out: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) flattenYaml(item, prefix, out);
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const p = prefix ? `${prefix}.${k}` : k;
      addWithPrefixes(out, p);
      flattenYaml(v, p, out);
    }
  }
}

function flattenSchema(node: unknown, prefix: string, out: Set<string>): void {
  if (node === null || typeof node !== 'object') return;
  const n = node as { properties?: Record<string, unknown>; items?: unknown };
  if (n.items) flattenSchema(n.items, prefix, out);
  for (const [k, v] of Object.entries(n.properties ?? {})) {
    const p = prefix ? `${prefix}.${k}` : k;
    addWithPrefixes(out, p);
    flattenSchema(v, p, out);
  }
}

/** The device schema as built in code (src/schema), when that module is present. */
const builtSchema: unknown = existsSync(join(ROOT, 'src', 'schema', 'device-schema.ts'))
  ? (await import('../../src/pipeline/device-schema.js')).deviceSchema()
  : undefined;

/** Every path a template may use: catalogue fields, the contract's extra blocks, the schema. */
function knownPaths(): Set<string> {
  const out = new Set<string>();
  for (const c of loadCatalogue().clauses) for (const f of c.fields) addWithPrefixes(out, f);
  const contracts = readFileSync(join(ROOT, 'docs', 'contracts.md'), 'utf8');
  for (const m of contracts.matchAll(/```yaml\n([\s\S]*?)```/g)) flattenYaml(parse(m[1] ?? ''), '', out);
  const schemaFile = join(ROOT, 'src', 'schema', 'device.schema.json');
  if (existsSync(schemaFile)) flattenSchema(JSON.parse(readFileSync(schemaFile, 'utf8')), '', out);
  if (builtSchema !== undefined) flattenSchema(builtSchema, '', out);
  return out;
}

/** Schema type per normalised path: `string`, `boolean`, `object`, `list:string`, `list:object`. */
function schemaTypes(node: unknown, prefix: string, out: Map<string, string>): Map<string, string> {
  if (node === null || typeof node !== 'object') return out;
  const n = node as { type?: string; properties?: Record<string, unknown>; items?: { type?: string } };
  // A list node may carry `items` and `anyOf` (a list or `{ none }`) without a top-level `type`.
  if (prefix && (n.type !== undefined || n.items))
    out.set(prefix, n.type === 'array' || n.items ? `list:${n.items?.type ?? '?'}` : (n.type ?? '?'));
  // A list's record fields share the list's path (`a.b[].c` is addressed as `a.b.c`).
  if (n.items) schemaTypes({ ...n.items, type: undefined }, prefix, out);
  for (const [k, v] of Object.entries(n.properties ?? {})) schemaTypes(v, prefix ? `${prefix}.${k}` : k, out);
  return out;
}

interface Tag {
  readonly body: string;
  readonly line: number;
}

function tags(text: string): Tag[] {
  const out: Tag[] = [];
  for (const m of text.matchAll(/\{\{(?!!)([\s\S]*?)\}\}/g)) {
    out.push({ body: (m[1] ?? '').trim(), line: text.slice(0, m.index).split('\n').length });
  }
  return out;
}

function tokens(body: string): string[] {
  return body.match(/[^\s()"]*"[^"]*"|\(|\)|[^\s()"]+/g) ?? [];
}

/** Data paths a tag reads, with the list it iterates when it opens an `each`/`items` block. */
function pathsOf(body: string): string[] {
  if (body.startsWith('>') || body.startsWith('/') || body === 'else') return [];
  const toks = tokens(body.replace(/^[#^]/, ''));
  const paths: string[] = [];
  let head = true;
  let helper = '';
  let argIndex = 0;
  for (const t of toks) {
    if (t === '(') {
      head = true;
      continue;
    }
    if (t === ')') continue;
    if (head) {
      head = false;
      helper = t;
      argIndex = 0;
      if (HELPERS.has(t)) continue;
    }
    argIndex++;
    if (t.startsWith('"')) {
      const s = t.slice(1, -1);
      // `tbd "path"` names a path; `table`/`join` string arguments name record fields.
      if (helper === 'tbd' && argIndex === 1) paths.push(s);
      continue;
    }
    if (t.includes('=') || t === 'this' || t.startsWith('@') || t.startsWith('../') || /^\d/.test(t)) continue;
    paths.push(t);
  }
  return paths;
}

/** Record fields named by `table path "field:Header"` and `join path "field"`. */
function recordFieldsOf(body: string): string[] {
  const toks = tokens(body);
  const helper = toks[0];
  const list = toks[1];
  if ((helper !== 'table' && helper !== 'join') || !list) return [];
  return toks
    .slice(2)
    .filter((t) => t.startsWith('"'))
    .map((t) => `${list}.${t.slice(1, -1).split(':')[0] ?? ''}`);
}

interface Citation {
  readonly id: string;
  readonly file: string;
  readonly line: number;
  /** Open blocks around the citation, outermost first, e.g. `applies "CRA"`, `if x`. */
  readonly guards: readonly string[];
}

/** Walks the tags of a file keeping a stack of open blocks, and records each clause citation. */
function citations(file: TemplateFile): Citation[] {
  const out: Citation[] = [];
  const lines = file.text.split('\n');
  const events: { line: number; kind: 'tag' | 'cite'; body: string; index: number }[] = [];
  for (const m of file.text.matchAll(/\{\{(?!!)([\s\S]*?)\}\}/g)) {
    events.push({ line: 0, kind: 'tag', body: (m[1] ?? '').trim(), index: m.index });
  }
  for (const m of file.text.matchAll(/<!--\s*clauses:\s*([^>]*?)\s*-->/g)) {
    events.push({ line: 0, kind: 'cite', body: m[1] ?? '', index: m.index });
  }
  events.sort((a, b) => a.index - b.index);
  const stack: string[] = [];
  for (const e of events) {
    const line = file.text.slice(0, e.index).split('\n').length;
    if (e.kind === 'tag') {
      if (e.body.startsWith('#')) stack.push(e.body.slice(1));
      else if (e.body.startsWith('/')) stack.pop();
      else if (e.body === 'else') stack.push(`else-of ${stack.pop() ?? ''}`);
      continue;
    }
    expect(lines[line - 2] ?? '', `${file.name}:${line}: clauses directive must follow a heading`).toMatch(
      /^#{1,4} \S/,
    );
    for (const id of e.body
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)) {
      out.push({ id, file: file.name, line, guards: [...stack] });
    }
  }
  return out;
}

const catalogue = loadCatalogue();

/** The template engine (src/templates/load.ts), once it is present. */
const engine = existsSync(join(ROOT, 'src', 'templates', 'load.ts'))
  ? await import('../../src/pipeline/template-set.js')
  : undefined;
if (!engine) console.warn('src/templates/load.ts is missing: the template-set load check is skipped');

describe.each(DOCS)('templates/%s', (doc) => {
  const files = templateFiles(doc);
  const cited = files.flatMap(citations);
  const own = new Set(clausesForDoc(catalogue, doc).map((c) => c.id));

  it('should have a document.md with front matter, a toc and partial calls', () => {
    const main = files.find((f) => f.name === `${doc}/document.md`);
    expect(main).toBeDefined();
    const text = main?.text ?? '';
    const fm = /^---\n([\s\S]*?)\n---\n/.exec(text);
    expect(fm).not.toBeNull();
    const front = parse(fm?.[1] ?? '') as Record<string, unknown>;
    for (const key of ['title', 'number', 'audience', 'subject', 'keywords']) expect(front[key], key).toBeTruthy();
    expect(String(front['number'])).toContain('{{product.id}}');
    expect(
      text
        .slice(fm?.[0].length ?? 0)
        .trimStart()
        .startsWith('<!-- toc -->'),
    ).toBe(true);
    const calls = [...text.matchAll(/\{\{>\s*([\w/-]+)\s*\}\}/g)].map((m) => m[1]);
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) {
      const exists = files.some((f) => f.name === `${call}.md`);
      expect(exists, `partial ${call} has no file`).toBe(true);
    }
  });

  it('should cite every catalogue clause of the document type', () => {
    const citedIds = new Set(cited.map((c) => c.id));
    const missing = [...own].filter((id) => !citedIds.has(id));
    expect(missing).toEqual([]);
  });

  it('should cite only ids that exist in the catalogue and belong to the document type', () => {
    const unknown = cited.filter((c) => !catalogue.byId.has(c.id)).map((c) => `${c.file}:${c.line} ${c.id}`);
    expect(unknown).toEqual([]);
    const foreign = cited.filter((c) => !own.has(c.id)).map((c) => `${c.file}:${c.line} ${c.id}`);
    expect(foreign).toEqual([]);
  });

  it('should cite a clause hidden by `applies` only inside a section of its own instrument', () => {
    const wrong: string[] = [];
    for (const c of cited) {
      const instrument = catalogue.byId.get(c.id)?.instrument;
      const applies = c.guards.filter((g) => g.startsWith('applies ')).map((g) => g.split('"')[1]);
      // A finer decision of the same instrument (NIS2-manufacturer for NIS2) guards it too.
      const own = (id: string | undefined) =>
        id !== undefined && instrument !== undefined && (id === instrument || id.startsWith(`${instrument}-`));
      if (applies.length > 0 && !applies.some(own)) wrong.push(`${c.file}:${c.line} ${c.id} in ${applies.join(' > ')}`);
    }
    expect(wrong).toEqual([]);
  });

  it('should cite conditional clauses only inside a section guarded by a product fact', () => {
    const unguarded: string[] = [];
    for (const c of cited) {
      const condition = catalogue.byId.get(c.id)?.condition;
      if (condition === undefined || SOFT_CONDITIONS.has(condition)) continue;
      const guarded = c.guards.some((g) => /^(else-of )?(if|unless) /.test(g));
      if (!guarded) unguarded.push(`${c.file}:${c.line} ${c.id} (${condition})`);
    }
    expect(unguarded).toEqual([]);
  });

  it('should use only data paths that exist in the catalogue, the contract or the schema', () => {
    const known = knownPaths();
    const unknown: string[] = [];
    for (const f of files) {
      const body = f.text.replace(/^---\n[\s\S]*?\n---\n/, (fm) => fm.replace(/[^\n]/g, ' '));
      // Inside `{{#each list}}` / `{{#items list}}` a bare name is a field of the list's records.
      const lists: string[] = [];
      for (const t of tags(body)) {
        const opens = /^#(each|items)\s+([\w.]+)/.exec(t.body);
        if (/^\/(each|items)\b/.test(t.body)) {
          lists.pop();
          continue;
        }
        const scope = lists[lists.length - 1];
        for (const p of [...pathsOf(t.body), ...recordFieldsOf(t.body)]) {
          const full = scope !== undefined && !(opens && p === opens[2]) ? `${scope}.${p}` : p;
          if (!known.has(normalise(full)) && !known.has(normalise(p))) unknown.push(`${f.name}:${t.line} ${p}`);
        }
        if (opens?.[2] !== undefined)
          lists.push(scope !== undefined && !known.has(opens[2]) ? `${scope}.${opens[2]}` : opens[2]);
      }
    }
    expect(unknown).toEqual([]);
  });

  it.runIf(builtSchema !== undefined)('should print lists of records only as tables or by a named field', () => {
    const types = schemaTypes(builtSchema, '', new Map());
    const wrong: string[] = [];
    for (const f of files) {
      for (const t of tags(f.text)) {
        const toks = tokens(t.body);
        const [head, path] = toks;
        if (!head || !path) {
          const single = head && /^[a-z_]+(\.[a-z_0-9]+)+$/.test(head) ? types.get(head) : undefined;
          if (single?.startsWith('list') || single === 'object')
            wrong.push(`${f.name}:${t.line} {{${t.body}}} is ${single}`);
          continue;
        }
        const type = types.get(path);
        const bare = toks.length === 2;
        if ((head === '#items' || (head === 'join' && bare)) && type !== undefined && type !== 'list:string')
          wrong.push(`${f.name}:${t.line} {{${t.body}}} needs a list of text, the schema has ${type}`);
        if (head === 'table' && type !== undefined && type !== 'list:object')
          wrong.push(`${f.name}:${t.line} {{${t.body}}} needs a list of records, the schema has ${type}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it.runIf(engine !== undefined)('should load through the template engine without diagnostics', () => {
    const result = engine?.loadTemplates(join(ROOT, 'templates'));
    expect(result?.value.documents.has(doc)).toBe(true);
    const mine = (result?.diagnostics ?? []).filter(
      (d) =>
        (d.source?.file ?? '').includes(`${doc}/`) ||
        (d.source?.file ?? '').includes(`partials/${SHARED_PREFIX[doc] ?? '\0'}`),
    );
    expect(
      mine.map((d) => `${d.source?.file ?? ''}:${d.source?.range?.start.line ?? 0} ${d.code} ${d.message}`),
    ).toEqual([]);
  });

  it('should balance its block helpers in every file', () => {
    for (const f of files) {
      const opens = [...f.text.matchAll(/\{\{#(\w+)/g)].map((m) => m[1]);
      const closes = [...f.text.matchAll(/\{\{\/(\w+)\}\}/g)].map((m) => m[1]);
      expect(closes.sort(), f.name).toEqual(opens.sort());
    }
  });

  it('should use heading levels 1 to 3 only, without skipping a level', () => {
    for (const f of files) {
      let previous = 0;
      for (const [i, line] of f.text.split('\n').entries()) {
        const m = /^(#{1,6}) /.exec(line);
        if (!m) continue;
        const level = m[1]?.length ?? 0;
        expect(level, `${f.name}:${i + 1}`).toBeLessThanOrEqual(3);
        if (previous > 0) expect(level, `${f.name}:${i + 1} skips a level`).toBeLessThanOrEqual(previous + 1);
        previous = level;
      }
    }
  });
});
