// The bundled examples' documents as document models (before rendering), built once through the
// pipeline's stages, for the tests that read generated documents as their readers would.
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { loadDevice, nodeHost } from '../../src/data/index.js';
import type { Block, Document, Inline } from '../../src/model/nodes.js';
import { walkBlocks } from '../../src/model/text.js';
import { buildDocument } from '../../src/pipeline/build-document.js';
import { loadCatalogue } from '../../src/pipeline/catalogue.js';
import { defaultDeviceSchema } from '../../src/pipeline/default-schema.js';
import { loadTemplates } from '../../src/pipeline/template-set.js';
import { defaultTemplatesDir } from '../../src/pipeline/templates-dir.js';
import { decideApplicability, type Applicability } from '../../src/regulatory/applicability.js';
import type { DocType } from '../../src/regulatory/catalogue.js';
import type { Data } from '../../src/regulatory/data-path.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface ExampleProduct {
  readonly data: Data;
  readonly applicability: Applicability;
  /** By document type; `<type>-annex` and `<type>.traceability` when asked for and built. */
  readonly docs: Map<string, Document>;
}

function exampleFiles(): string[] {
  const dir = join(ROOT, 'examples');
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(join(dir, d.name))
        .filter((f) => f.endsWith('.yaml'))
        .map((f) => join(dir, d.name, f)),
    );
}

/** Every concrete example with the documents of `docTypes` that apply to it (and the parts asked for). */
export async function exampleDocuments(
  docTypes: readonly DocType[],
  parts: { readonly annex?: boolean; readonly traceability?: boolean } = {},
): Promise<ExampleProduct[]> {
  const schema = await defaultDeviceSchema();
  const templates = loadTemplates(defaultTemplatesDir()).value;
  const catalogue = loadCatalogue();
  const out: ExampleProduct[] = [];
  for (const file of exampleFiles()) {
    const loaded = loadDevice(file, nodeHost(ROOT, ROOT), schema);
    if (!loaded.value || loaded.value.abstract) continue;
    const data: Data = loaded.value.data;
    const applicability = decideApplicability(data);
    const docs = new Map<string, Document>();
    for (const docType of docTypes) {
      if (!applicability.documents[docType].applies) continue;
      const r = buildDocument({
        file,
        data,
        docType,
        templates,
        catalogue,
        applicability,
        final: false,
        sourceDateEpoch: '0',
      });
      expect(r.value, `${file} ${docType}: ${r.diagnostics.map((d) => d.message).join('; ')}`).toBeDefined();
      if (!r.value) continue;
      docs.set(docType, r.value.document);
      if (parts.annex === true && r.value.annex) docs.set(`${docType}-annex`, r.value.annex);
      if (parts.traceability === true && r.value.traceability)
        docs.set(`${docType}.traceability`, r.value.traceability);
    }
    out.push({ data, applicability, docs });
  }
  return out;
}

/** A document as built, with its IT annex when the data calls for one. */
export interface BuiltWithAnnex {
  readonly document: Document;
  readonly annex?: Document;
}

/**
 * One document of an example whose data a test has changed (a fact varied to see the text follow
 * it), with its annex. Undefined when the document does not apply to the changed product.
 */
export async function builtFor(
  file: string,
  change: (data: Record<string, unknown>) => void,
  docType: DocType,
): Promise<BuiltWithAnnex | undefined> {
  const schema = await defaultDeviceSchema();
  const loaded = loadDevice(join(ROOT, file), nodeHost(ROOT, ROOT), schema);
  if (!loaded.value) throw new Error(`${file} does not load`);
  const data = structuredClone(loaded.value.data) as Record<string, unknown>;
  change(data);
  const applicability = decideApplicability(data);
  if (!applicability.documents[docType].applies) return undefined;
  const r = buildDocument({
    file: join(ROOT, file),
    data,
    docType,
    templates: loadTemplates(defaultTemplatesDir()).value,
    catalogue: loadCatalogue(),
    applicability,
    final: false,
    sourceDateEpoch: '0',
  });
  expect(r.value, r.diagnostics.map((d) => d.message).join('; ')).toBeDefined();
  if (!r.value) return undefined;
  return { document: r.value.document, ...(r.value.annex ? { annex: r.value.annex } : {}) };
}

/** builtFor without the annex. */
export async function documentFor(
  file: string,
  change: (data: Record<string, unknown>) => void,
  docType: DocType,
): Promise<Document | undefined> {
  return (await builtFor(file, change, docType))?.document;
}

/** One document of `data` built as `generate` builds a draft (fixed date); it must build. */
export function buildDraft(data: Record<string, unknown>, docType: DocType): Document {
  const r = buildDocument({
    file: 'device.yaml',
    data,
    docType,
    templates: loadTemplates(defaultTemplatesDir()).value,
    catalogue: loadCatalogue(),
    applicability: decideApplicability(data),
    final: false,
    sourceDateEpoch: '0',
  });
  expect(r.value, r.diagnostics.map((d) => d.message).join('; ')).toBeDefined();
  return r.value!.document;
}

/** Visible text without missing-data placeholders. */
export function visibleInline(nodes: readonly Inline[]): string {
  let out = '';
  for (const n of nodes) {
    if (n.type === 'placeholder') continue;
    if ('children' in n && Array.isArray(n.children)) out += visibleInline(n.children as readonly Inline[]);
    else if ('value' in n && typeof n.value === 'string') out += n.value;
  }
  return out;
}

/** Paragraph, heading and table-cell texts of the body (before the traceability appendix), placeholders left out. */
export function bodyTexts(doc: Document): string[] {
  const i = doc.children.findIndex((b) => b.type === 'heading' && b.id === 'traceability');
  const blocks: readonly Block[] = i < 0 ? doc.children : doc.children.slice(0, i);
  const out: string[] = [];
  for (const b of walkBlocks(blocks)) {
    if (b.type === 'paragraph' || b.type === 'heading') out.push(visibleInline(b.children));
    if (b.type === 'table')
      for (const row of b.rows) for (const cell of row.cells) out.push(visibleInline(cell.children));
  }
  return out.map((t) => t.replace(/\s+/g, ' ').trim());
}

/**
 * Every text value of the data, longest first, so that a value is removed before its parts: the
 * data's own words are the manufacturer's, not the template's. `minWords` keeps sentences only
 * (cutting out short values such as language codes would cut words apart).
 */
export function dataStrings(v: unknown, minWords = 1): string[] {
  const out: string[] = [];
  const walk = (x: unknown): void => {
    if (typeof x === 'string') out.push(x.replace(/\s+/g, ' ').trim());
    else if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') Object.values(x).forEach(walk);
  };
  walk(v);
  return out.filter((s) => s.split(' ').length >= minWords).sort((a, b) => b.length - a.length);
}
