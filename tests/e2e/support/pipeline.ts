import type { Document } from '../../../src/model/nodes.js';
import { walkBlocks } from '../../../src/model/text.js';
import { buildDocument, type BuiltDocument } from '../../../src/pipeline/build-document.js';
import { defaultTemplatesDir } from '../../../src/pipeline/templates-dir.js';
import { decideApplicability } from '../../../src/regulatory/applicability.js';
import { type DocType } from '../../../src/regulatory/catalogue.js';
import { loadCatalogue } from '../../../src/pipeline/catalogue.js';
import type { Data } from '../../../src/regulatory/data-path.js';
import { type TemplateSet } from '../../../src/templates/load.js';
import { loadTemplates } from '../../../src/pipeline/template-set.js';

let templates: TemplateSet | undefined;

function shippedTemplates(): TemplateSet {
  if (templates) return templates;
  const loaded = loadTemplates(defaultTemplatesDir());
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0)
    throw new Error(`the shipped templates do not load: ${errors.map((d) => d.message).join('; ')}`);
  templates = loaded.value;
  return templates;
}

/** One document through the real pipeline (as `generate` does), or throws with its errors. */
export function build(data: Data, docType: DocType, file = 'device.yaml'): BuiltDocument {
  const r = buildDocument({
    file,
    data,
    docType,
    templates: shippedTemplates(),
    catalogue: loadCatalogue(),
    applicability: decideApplicability(data),
    final: false,
    sourceDateEpoch: undefined,
  });
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  if (!r.value || errors.length > 0)
    throw new Error(`${docType}: ${errors.map((d) => `${d.code} ${d.fieldPath ?? ''}: ${d.message}`).join('\n')}`);
  return r.value;
}

/** How many headings and tables the model has: escaping must never add or remove structure. */
export function structure(doc: Document): { headings: number; tables: number; lists: number } {
  let headings = 0;
  let tables = 0;
  let lists = 0;
  for (const b of walkBlocks(doc.children)) {
    if (b.type === 'heading') headings++;
    if (b.type === 'table') tables++;
    if (b.type === 'list') lists++;
  }
  return { headings, tables, lists };
}
