import { exampleDocuments } from './example-documents.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Block, Document, Inline } from '../../src/model/nodes.js';
import { walkBlocks } from '../../src/model/text.js';
import { decideApplicability } from '../../src/regulatory/applicability.js';
import { type DocType } from '../../src/regulatory/catalogue.js';
import type { Data } from '../../src/regulatory/data-path.js';
import { templateDecisions } from '../../src/regulatory/template-decisions.js';

/**
 * The technical documentation and the AI transparency note as an assessor reads them: no data
 * field path or process wording in a sentence (missing-data placeholders aside), and no claim
 * that contradicts the data.
 */

const DOCS: readonly DocType[] = ['cyber-techdoc', 'ai-transparency'];

interface Built {
  readonly product: string;
  readonly data: Data;
  readonly docs: Map<string, Document>;
}
const products: Built[] = [];

beforeAll(async () => {
  for (const p of await exampleDocuments(DOCS, { traceability: true }))
    products.push({ product: (p.data['product'] as { id: string }).id, data: p.data, docs: p.docs });
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
  // How the file is produced is no fact about the product: "generated from the same product data".
  /\bgenerated from\b/i,
  /\b(?:product|same) data\b/i,
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

  it('list three or more cited items as "a, b and c", never "a and b and c"', () => {
    const item = String.raw`(?:MDR|IVDR) Annex I [0-9.]+(?:\([a-z]+\))*`;
    const chained = new RegExp(`${item} and (?:by )?${item} and (?:by )?${item}`);
    const found: string[] = [];
    let cited = 0;
    for (const p of products)
      for (const t of texts(p.docs.get('cyber-techdoc')?.children ?? [])) {
        if (new RegExp(`${item}, ${item}`).test(t)) cited++;
        const m = chained.exec(t);
        if (m) found.push(`${p.product}: ${m[0]}`);
      }
    expect(found).toEqual([]);
    expect(cited).toBeGreaterThan(0);
  });

  it('say in the traceability table that an open requirement no section addresses is not addressed yet', () => {
    let open = 0;
    const dashes: string[] = [];
    for (const p of products)
      for (const [name, doc] of p.docs)
        for (const b of walkBlocks(doc.children)) {
          if (b.type !== 'table' || inline(b.rows[0]?.cells[0]?.children ?? []) !== 'Requirement') continue;
          for (const row of b.rows.slice(1)) {
            const [id, , where, status] = row.cells.map((c) => inline(c.children).trim());
            if (status !== 'TBD' || where === undefined || /\bsection\b|^\d/.test(where)) continue;
            open++;
            if (where !== 'Not addressed yet') dashes.push(`${p.product} ${name} ${id ?? ''}: "${where}"`);
          }
        }
    expect(dashes).toEqual([]);
    expect(open).toBeGreaterThan(0);
  });

  it('never claim "without known exploitable vulnerabilities" as a fact while the known vulnerabilities are not recorded', () => {
    let checked = 0;
    for (const p of products) {
      const techdoc = p.docs.get('cyber-techdoc');
      if (!techdoc || templateDecisions(decideApplicability(p.data))['known-vulnerabilities-stated'].applies) continue;
      checked++;
      const all = texts(techdoc.children).join('\n');
      expect(all, p.product).not.toMatch(/is placed on the market without known exploitable vulnerabilities/);
      expect(all, p.product).toMatch(/is to be placed on the market without known exploitable vulnerabilities/);
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
