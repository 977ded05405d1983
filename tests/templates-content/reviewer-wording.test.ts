import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDevice, nodeHost } from '../../src/data/index.js';
import { defaultDeviceSchema } from '../../src/pipeline/device-schema.js';
import type { Block, Document, Inline } from '../../src/model/nodes.js';
import { walkBlocks } from '../../src/model/text.js';
import { buildDocument } from '../../src/pipeline/build-document.js';
import { defaultTemplatesDir } from '../../src/pipeline/templates-dir.js';
import { decideApplicability } from '../../src/regulatory/applicability.js';
import { type DocType } from '../../src/regulatory/catalogue.js';
import { loadCatalogue } from '../../src/pipeline/catalogue.js';
import type { Data } from '../../src/regulatory/data-path.js';
import { templateDecisions } from '../../src/regulatory/template-decisions.js';
import { loadTemplates } from '../../src/pipeline/template-set.js';

/**
 * The technical documentation and the AI transparency note as an assessor reads them: no data
 * field path or process wording in a sentence (missing-data placeholders aside), and no claim
 * that contradicts the data.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DOCS: readonly DocType[] = ['cyber-techdoc', 'ai-transparency'];

interface Built {
  readonly product: string;
  readonly data: Data;
  readonly docs: Map<string, Document>;
}
const products: Built[] = [];

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

beforeAll(async () => {
  const schema = await defaultDeviceSchema();
  const templates = loadTemplates(defaultTemplatesDir()).value;
  const catalogue = loadCatalogue();
  for (const file of exampleFiles()) {
    const loaded = loadDevice(file, nodeHost(ROOT, ROOT), schema);
    if (!loaded.value || loaded.value.abstract) continue;
    const data: Data = loaded.value.data;
    const applicability = decideApplicability(data);
    const docs = new Map<string, Document>();
    for (const docType of DOCS) {
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
      expect(r.value, `${file} ${docType}`).toBeDefined();
      docs.set(docType, r.value!.document);
      if (r.value!.traceability) docs.set(`${docType}.traceability`, r.value!.traceability);
    }
    products.push({ product: (data['product'] as { id: string }).id, data, docs });
  }
});

/** Visible text without missing-data placeholders (which name their field on purpose). */
function inline(nodes: readonly Inline[]): string {
  let out = '';
  for (const n of nodes) {
    if (n.type === 'placeholder') continue;
    if ('children' in n && Array.isArray(n.children)) out += inline(n.children as readonly Inline[]);
    else if ('text' in n && typeof n.text === 'string') out += n.text;
    else if ('value' in n && typeof n.value === 'string') out += n.value;
  }
  return out;
}

function texts(blocks: readonly Block[]): string[] {
  const out: string[] = [];
  for (const b of walkBlocks(blocks)) {
    if (b.type === 'paragraph' || b.type === 'heading') out.push(inline(b.children));
    if (b.type === 'table') for (const row of b.rows) for (const cell of row.cells) out.push(inline(cell.children));
  }
  return out.map((t) => t.replace(/\s+/g, ' ').trim());
}

const PROCESS_WORDING = [
  /where the data gives it/i,
  /generated from this data file/i,
  /\bthe data (names|does not|gives|says)\b/i,
  /\bdata file\b/i,
];

describe('technical documentation and AI transparency note of every example', () => {
  it('never print a data field path or process wording outside a missing-data placeholder', () => {
    const found: string[] = [];
    for (const p of products) {
      const keys = Object.keys(p.data).filter((k) => /^[a-z_0-9]+$/.test(k));
      const path = new RegExp(`\\b(?:${keys.join('|')})\\.[a-z_]+[a-z_0-9.]*(?:\\[\\d+\\])?`, 'g');
      for (const [name, doc] of p.docs) {
        for (const t of texts(doc.children)) {
          const clean = t
            .replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, '')
            .replace(/\S+@\S+/g, '')
            .replace(/\bsecurity\.txt\b/g, '')
            // Host names (updates.example-medical.eu) are addresses, not field paths.
            .replace(/\b[a-z0-9-]+(?:\.[a-z0-9-]+)+\.(?:eu|ch|com|org|net|de|nl|io|dk|example)\b/gi, '');
          // File names in the data (release.pub, security.txt) are not field paths.
          for (const m of clean.matchAll(path))
            if (!/\.(?:pub|pem|txt|json|xml|bin|zip|png|pdf|ya?ml|csv|sig|crt|key)$/i.test(m[0]))
              found.push(`${p.product} ${name}: ${m[0]} in "${t.slice(0, 120)}"`);
          for (const re of PROCESS_WORDING)
            if (re.test(t)) found.push(`${p.product} ${name}: ${re} in "${t.slice(0, 120)}"`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  it('never claim "without known exploitable vulnerabilities" while the data lists one that still affects the product', () => {
    let checked = 0;
    for (const p of products) {
      const techdoc = p.docs.get('cyber-techdoc');
      if (!techdoc) continue;
      const open = templateDecisions(decideApplicability(p.data))['open-vulnerabilities'];
      if (!open.applies) continue;
      checked++;
      const all = texts(techdoc.children).join('\n');
      expect(all, p.product).not.toMatch(/placed on the market without known exploitable vulnerabilities/);
      expect(all, p.product).toMatch(/still affect/);
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('states the CRA conformity-assessment procedure and the notified body for an important class I product', () => {
    const band = products.find((p) => p.product === 'pulseband-3')!;
    const all = texts(band.docs.get('cyber-techdoc')!.children).join('\n');
    expect(all).toMatch(/internal control \(module A\) is excluded/);
    expect(all).toMatch(/procedure applied: EU-type examination \(module B\)/);
    expect(all).toMatch(/notified body: Cyberkeur Certification B\.V\., identification number 2996/);
  });

  it('does not apply AI Act Art. 50(5) where none of Art. 50(1)-(4) applies', () => {
    const lumen = products.find((p) => p.product === 'lumen-cxr')!;
    const tr = texts(lumen.docs.get('ai-transparency.traceability')!.children).join('\n');
    expect(tr).toMatch(/AIA-ART50-5/);
    expect(tr).toMatch(/none of Art\. 50\(1\)-\(4\) applies/);
  });
});
