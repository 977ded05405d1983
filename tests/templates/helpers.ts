import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { TemplateContext } from '../../src/templates/context.js';
import { type TemplateSet } from '../../src/templates/load.js';
import { loadTemplates } from '../../src/pipeline/template-set.js';
import { renderTemplate, type RenderedTemplate } from '../../src/templates/render.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';

/** Clause ids the fixtures may cite (tests do not depend on the real catalogue's contents). */
export const CLAUSE_IDS: ReadonlySet<string> = new Set(['CRA-AII-1', 'MDR-AI-17.3', 'CRA-AII-2']);

export function context(data: Record<string, unknown>, overrides: Partial<TemplateContext> = {}): TemplateContext {
  return {
    data,
    docType: 'demo',
    applicability: {
      CRA: { applies: false, reason: 'medical device under MDR, CRA Art. 2(2)(a)' },
      MDR: { applies: true, reason: 'class IIb device, MDR Art. 2(1)' },
    },
    clauseRef: (id) =>
      id === 'CRA-AII-1'
        ? { ref: 'CRA Annex II point 1', verified: 'legal-text', reference: 'CRA Annex II point 1', applies: false }
        : id === 'MDR-AI-17.3'
          ? { ref: 'MDR Annex I 17.3 / IVDR Annex I 16.3', verified: 'unverified', reference: 'MDR Annex I 17.3', applies: true }
          : undefined,
    fieldLabel: (path) => `Label of ${path}`,
    meta: { title: 'Demo', number: 'D-1', version: '1.0', date: '2027-01-02', status: 'Draft' },
    locale: 'en',
    ...overrides,
  };
}

/** Writes a template folder: keys are relative paths (`demo/document.md`), values file text. */
export function writeTemplates(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'techfile-templates-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

export const FRONT = '---\ntitle: Demo\n---\n';

export function load(files: Record<string, string>): { set: TemplateSet; diagnostics: readonly Diagnostic[] } {
  const result = loadTemplates(writeTemplates(files), { clauseIds: CLAUSE_IDS });
  return { set: result.value, diagnostics: result.diagnostics };
}

/** Renders a one-file `demo` document body. */
export function renderBody(body: string, data: Record<string, unknown>, extra: Record<string, string> = {}, ctx?: Partial<TemplateContext>): { value: RenderedTemplate; diagnostics: readonly Diagnostic[] } {
  const { set, diagnostics } = load({ 'demo/document.md': FRONT + body, ...extra });
  if (diagnostics.length > 0) return { value: { markdown: '', frontMatter: { title: '', keywords: [] }, placeholders: [], lines: [] }, diagnostics };
  return renderTemplate(set, 'demo', context(data, ctx));
}

import { fromMarkdown } from '../../src/markdown/from-markdown.js';
import type { Block } from '../../src/model/nodes.js';

/** Template body → model blocks, failing loudly on any error diagnostic. */
export function toModel(body: string, data: Record<string, unknown>, extra: Record<string, string> = {}, ctx?: Partial<TemplateContext>): { blocks: Block[]; rendered: RenderedTemplate; diagnostics: readonly Diagnostic[] } {
  const rendered = renderBody(body, data, extra, ctx);
  const errors = rendered.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`unexpected diagnostics: ${JSON.stringify(errors)}`);
  const model = fromMarkdown(rendered.value.markdown, 'demo', rendered.value.lines);
  return { blocks: model.value, rendered: rendered.value, diagnostics: [...rendered.diagnostics, ...model.diagnostics] };
}
