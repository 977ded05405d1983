import { describe, expect, it } from 'vitest';
import { generateProduct, type Format } from '../../src/pipeline/generate.js';
import { defaultTemplatesDir } from '../../src/pipeline/templates-dir.js';
import { loadCatalogue } from '../../src/pipeline/catalogue.js';
import { loadTemplates } from '../../src/pipeline/template-set.js';
import { loadExample } from '../e2e/support/examples.js';

describe('--final on a complete product', () => {
  const templates = loadTemplates(defaultTemplatesDir()).value;

  async function run(status: string, formats: readonly Format[]) {
    const device = await loadExample('radiology-ai/lumen-cxr.yaml');
    const data = structuredClone(device.data) as Record<string, unknown>;
    const documents = data['documents'] as { defaults: Record<string, unknown> };
    documents.defaults['status'] = status;
    const written: string[] = [];
    const result = await generateProduct({
      product: {
        file: 'lumen-cxr.yaml',
        productId: 'lumen-cxr',
        data,
        assets: { dirs: [], projectRoot: '/nonexistent' },
      },
      templates,
      catalogue: loadCatalogue(),
      options: { docTypes: ['decommissioning'], formats, outDir: '/out', final: true },
      write: (path) => written.push(path),
    });
    return { result, written };
  }

  it('writes the document and warns when its status still says Draft', async () => {
    const { result, written } = await run('Draft', ['pdf']);
    expect(result.refused).toBe(false);
    // The document and, beside it, its traceability record.
    expect(written).toEqual(['/out/lumen-cxr/decommissioning.pdf', '/out/lumen-cxr/decommissioning.traceability.pdf']);
    const warning = result.diagnostics.find((d) => d.code === 'final/draft-status');
    expect(warning?.severity).toBe('warning');
    expect(warning?.message).toContain('`Draft`');
  });

  it('does not warn for a released status', async () => {
    // The status is checked on the built document, before rendering: nothing to render here.
    const { result } = await run('Released', []);
    expect(result.diagnostics.some((d) => d.code === 'final/draft-status')).toBe(false);
  });
});
