import { describe, expect, it } from 'vitest';
import { generateProduct } from '../../src/pipeline/generate.js';
import { defaultTemplatesDir } from '../../src/pipeline/templates-dir.js';
import { loadCatalogue } from '../../src/pipeline/catalogue.js';
import { loadTemplates } from '../../src/pipeline/template-set.js';
import { loadExample } from '../e2e/support/examples.js';

describe('--final and references the catalogue has not verified', () => {
  const templates = loadTemplates(defaultTemplatesDir()).value;
  const catalogue = loadCatalogue();

  // No format: the documents are built and checked, nothing is rendered.
  async function run(final: boolean) {
    const device = await loadExample('insulin-pump/glucoflow-x2-eu.yaml');
    return generateProduct({
      product: {
        file: 'glucoflow-x2-eu.yaml',
        productId: 'glucoflow-x2-eu',
        data: device.data,
        assets: { dirs: [], projectRoot: '/nonexistent' },
      },
      templates,
      catalogue,
      options: { docTypes: ['secure-operation', 'decommissioning'], formats: [], outDir: '/out', final },
      write: () => undefined,
    });
  }

  it('gives one warning listing each unverified reference with its catalogue detail and documents', async () => {
    const result = await run(true);
    const warnings = result.diagnostics.filter((d) => d.code === 'final/unverified-reference');
    expect(warnings).toHaveLength(1);
    const w = warnings[0]!;
    expect(w.severity).toBe('warning');
    // MDR Annex I 23.4 items whose letter is only "believed": printed without the letter.
    for (const id of ['MDR-AI-23.4z', 'MDR-AI-23.4v']) {
      expect(w.message).toContain(id);
      expect(w.message).toContain(catalogue.byId.get(id)!.ref);
    }
    expect(w.message).toContain('printed as "MDR Annex I 23.4, item on');
    expect(w.message).toMatch(/in secure-operation/);
    expect(w.message).toMatch(/in decommissioning/);
    expect(result.refused).toBe(false);
  });

  it('stays silent without --final', async () => {
    const result = await run(false);
    expect(result.diagnostics.some((d) => d.code === 'final/unverified-reference')).toBe(false);
  });
});
