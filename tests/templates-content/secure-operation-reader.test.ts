import { beforeAll, describe, expect, it } from 'vitest';
import type { Document, Inline } from '../../src/model/nodes.js';
import { walkBlocks } from '../../src/model/text.js';
import type { Data } from '../../src/regulatory/data-path.js';
import { getPath } from '../../src/regulatory/data-path.js';
import { templateDecisions, type TemplateDecisionId } from '../../src/regulatory/template-decisions.js';
import { bodyTexts, documentFor, exampleDocuments, visibleInline } from './example-documents.js';

/**
 * The secure-operation instructions (and the documents that share their wording) as a hospital
 * IT-security reviewer reads them: every sentence that carries data reads right whatever the
 * value, nothing the data contradicts, and one procedure where the data gives one.
 */

interface Built {
  readonly product: string;
  readonly data: Data;
  readonly decides: (id: TemplateDecisionId) => boolean;
  readonly docs: Map<string, Document>;
}
const products: Built[] = [];

beforeAll(async () => {
  for (const p of await exampleDocuments(['secure-operation', 'decommissioning', 'cyber-techdoc'])) {
    const decisions = templateDecisions(p.applicability);
    products.push({
      product: (p.data['product'] as { id: string }).id,
      data: p.data,
      decides: (id) => decisions[id].applies,
      docs: p.docs,
    });
  }
});

const texts = bodyTexts;
const inline = visibleInline;

function placeholders(doc: Document): string[] {
  const out: string[] = [];
  const visit = (nodes: readonly Inline[]): void => {
    for (const n of nodes) {
      if (n.type === 'placeholder') out.push(n.field);
      else if ('children' in n && Array.isArray(n.children)) visit(n.children as readonly Inline[]);
    }
  };
  for (const b of walkBlocks(doc.children)) {
    if (b.type === 'paragraph' || b.type === 'heading') visit(b.children);
    if (b.type === 'table') for (const row of b.rows) for (const cell of row.cells) visit(cell.children);
  }
  return out;
}

/** The organisation's secure-operation instructions ('' for a lay user's guide, written from other templates). */
function secureOperation(p: Built): string {
  const doc = p.docs.get('secure-operation');
  const text = doc ? texts(doc).join('\n') : '';
  return /^Responding to a suspected incident$/m.test(text) ? text : '';
}

function tableCells(doc: Document): string[] {
  const out: string[] = [];
  for (const b of walkBlocks(doc.children))
    if (b.type === 'table')
      for (const row of b.rows) for (const cell of row.cells) out.push(inline(cell.children).trim());
  return out;
}

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';

describe('secure-operation instructions of every example, as an IT-security reviewer reads them', () => {
  it('write "in May 2033" for a month and "on 31 May 2033" for a day, never "on May 2033"', () => {
    const found: string[] = [];
    for (const p of products)
      for (const [name, doc] of p.docs)
        for (const t of texts(doc))
          if (new RegExp(`\\bon (?:${MONTHS}) \\d{4}\\b`).test(t)) found.push(`${p.product} ${name}: ${t}`);
    expect(found).toEqual([]);
  });

  it('never print a manufacturer template placeholder such as {version}', () => {
    const found = products.flatMap((p) =>
      secureOperation(p)
        .split('\n')
        .filter((t) => /\{[a-z_]+\}/.test(t))
        .map((t) => `${p.product}: ${t}`),
    );
    expect(found).toEqual([]);
  });

  it('state each applicability once: a decision does not repeat the instrument name of its row, a citation not the words before it', () => {
    const found: string[] = [];
    for (const p of products)
      for (const [name, doc] of p.docs)
        for (const t of tableCells(doc))
          if (/^[A-Z][\w .()-]{0,40}: (?:applies|not applicable|undecided)\b/.test(t))
            found.push(`${p.product} ${name}: ${t}`);
    for (const p of products)
      for (const [name, doc] of p.docs)
        for (const t of texts(doc)) {
          const repeated = /(\b[A-Z][\w .-]{8,60}?) \(\1\)/.exec(t);
          if (repeated) found.push(`${p.product} ${name}: ${repeated[0]}`);
        }
    expect(found).toEqual([]);
  });

  it("print the product's own incident response procedure instead of the generic one when the data gives it", () => {
    let checked = 0;
    for (const p of products) {
      const text = secureOperation(p);
      if (text === '') continue;
      const own = getPath(p.data, 'incident_response.user_response_procedure');
      const generic = /Contain the incident: isolate/.test(text);
      // Without the product's own procedure: the generic one, or a TBD where a clause needs it.
      if (typeof own === 'string' && own.trim() !== '') {
        expect(generic, p.product).toBe(false);
        const firstLine = own
          .trim()
          .split('\n')[0]!
          .replace(/^\d+\.\s*/, '')
          .replace(/\s+/g, ' ')
          .slice(0, 40);
        expect(text, p.product).toContain(firstLine);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('place the product in the network as the data says, and invent no placement of its own', () => {
    for (const p of products) {
      const text = secureOperation(p);
      if (text === '') continue;
      expect(text, p.product).not.toMatch(/segment of its own/);
      if (getPath(p.data, 'secure_use.network_deployment_guidance') !== undefined)
        expect(text, p.product).toMatch(/as the manufacturer's secure network deployment guidance/);
    }
  });

  it('cite NIS2 Art. 23(2) as an obligation only where NIS2 binds the manufacturer', () => {
    let checked = 0;
    for (const p of products) {
      const text = secureOperation(p);
      if (text === '' || !p.decides('NIS2') || !/Significant cyber threats/.test(text)) continue;
      checked++;
      if (p.decides('NIS2-manufacturer')) expect(text, p.product).toMatch(/\(NIS2 Art\. 23\(2\)\)/);
      else {
        expect(text, p.product).not.toMatch(/\(NIS2 Art\. 23\(2\)\)/);
        expect(text, p.product).toMatch(/voluntarily, following NIS2 Art\. 23\(2\)/);
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('warn about an initial credential only for an account whose change the product does not force', () => {
    let checked = 0;
    for (const p of products) {
      const text = secureOperation(p);
      if (text === '') continue;
      expect(text, p.product).not.toMatch(/Default credentials are published/);
      const accounts = getPath(p.data, 'accounts.default_accounts');
      if (!Array.isArray(accounts)) continue;
      for (const a of accounts as { account?: string; change_required?: boolean }[]) {
        if (a.account === undefined) continue;
        const note = `does not force a change of the initial credential of the account "${a.account}"`;
        if (a.change_required === false) expect(text, `${p.product} ${a.account}`).toContain(note);
        else expect(text, `${p.product} ${a.account}`).not.toContain(note);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('show reasonably foreseeable misuse to the IT reader of a medical device too, not only under the CRA', () => {
    let checked = 0;
    for (const p of products) {
      const text = secureOperation(p);
      const misuse = getPath(p.data, 'security.foreseeable_misuse');
      if (text === '' || !Array.isArray(misuse)) continue;
      for (const m of misuse)
        if (typeof m === 'string') expect(text, p.product).toContain(m.replace(/\s+/g, ' ').trim());
      if (!p.decides('CRA')) checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe('the authorised representative in the manufacturer details', () => {
  const LUMEN = 'examples/radiology-ai/lumen-cxr.yaml';
  const rows = (doc: Document | undefined): string => (doc ? texts(doc).join('\n') : '');

  it('names the representative the data gives', async () => {
    const doc = await documentFor(LUMEN, () => undefined, 'secure-operation');
    const data = (await exampleDocuments(['secure-operation'])).find(
      (p) => (p.data['product'] as { id: string }).id === 'lumen-cxr',
    )!.data;
    expect(rows(doc)).toContain(String(getPath(data, 'authorised_rep.name')));
  });

  it('is a TBD for a medical device whose manufacturer is outside the Union and names none (MDR Art. 11)', async () => {
    const doc = await documentFor(
      LUMEN,
      (d) => {
        delete d['authorised_rep'];
        (d['manufacturer'] as Record<string, unknown>)['country'] = 'CH';
      },
      'secure-operation',
    );
    expect(doc).toBeDefined();
    expect(placeholders(doc!)).toContain('authorised_rep.name');
  });

  it('is left out for a manufacturer established in the Union', async () => {
    const doc = await documentFor(
      LUMEN,
      (d) => {
        delete d['authorised_rep'];
        (d['manufacturer'] as Record<string, unknown>)['country'] = 'DE';
      },
      'secure-operation',
    );
    expect(placeholders(doc!)).not.toContain('authorised_rep.name');
    expect(rows(doc)).not.toMatch(/Authorised representative/);
  });
});
