import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDevice, nodeHost } from '../../src/data/index.js';
import type { Block, Document } from '../../src/model/nodes.js';
import { inlineText, walkBlocks } from '../../src/model/text.js';
import { defaultDeviceSchema } from '../../src/pipeline/default-schema.js';
import { decideApplicability } from '../../src/regulatory/applicability.js';
import type { DocType } from '../../src/regulatory/catalogue.js';
import { templateDecisions } from '../../src/regulatory/template-decisions.js';
import {
  builtFor,
  dataStrings,
  exampleDocuments,
  type BuiltWithAnnex,
  type ExampleProduct,
} from './example-documents.js';

/**
 * The patient's and the consumer's guides read as those readers would: no promise the data does
 * not make, no section left empty, the other guide named by its title, and for a consumer product
 * (and the IT annex that goes with it) no clinic, patient or medical-device wording.
 */

const ROOT = new URL('../../', import.meta.url).pathname;
const WEARABLE = 'examples/wellness-wearable/pulseband.yaml';

type Built = BuiltWithAnnex;

/** One document of an example after `change`, with its IT annex when the data calls for one. */
async function build(file: string, change: (data: Record<string, unknown>) => void, docType: DocType): Promise<Built> {
  const built = await builtFor(file, change, docType);
  if (!built) throw new Error(`${docType} does not apply to the changed ${file}`);
  return built;
}

function body(doc: Document): readonly Block[] {
  const i = doc.children.findIndex((b) => b.type === 'heading' && b.id === 'traceability');
  return i < 0 ? doc.children : doc.children.slice(0, i);
}

function allText(blocks: readonly Block[]): string {
  const out: string[] = [];
  for (const b of walkBlocks(blocks)) {
    if (b.type === 'paragraph' || b.type === 'heading') out.push(inlineText(b.children));
    if (b.type === 'table') for (const row of b.rows) for (const cell of row.cells) out.push(inlineText(cell.children));
  }
  return out.join('\n').replace(/[ \t]+/g, ' ');
}

/** Headings followed by nothing before the next heading at the same or a higher level. */
function emptySections(doc: Document): string[] {
  const blocks = body(doc);
  const out: string[] = [];
  blocks.forEach((b, i) => {
    if (b.type !== 'heading') return;
    const next = blocks[i + 1];
    if (next === undefined || (next.type === 'heading' && next.depth <= b.depth)) out.push(inlineText(b.children));
  });
  return out;
}

let lay: ExampleProduct[] = [];
beforeAll(async () => {
  lay = (await exampleDocuments(['secure-operation', 'decommissioning'])).filter(
    (p) => (p.data['product'] as { lay_users?: boolean }).lay_users === true,
  );
});

describe('a lay reader', () => {
  it('is not promised that the essential functions keep working when the connection or the app fails', () => {
    let checked = 0;
    for (const p of lay) {
      const functions = (p.data['product'] as { essential_functions?: string[] }).essential_functions ?? [];
      const guide = p.docs.get('secure-operation');
      if (!guide || functions.length === 0) continue;
      const blocks = body(guide);
      // The sentence that introduces the list of essential functions.
      const at = blocks.findIndex(
        (b) =>
          b.type === 'list' &&
          b.items.some((item) => functions.includes(allText(item.children).replace(/\s+/g, ' ').trim())),
      );
      const intro = blocks[at - 1];
      expect(intro?.type, (p.data['product'] as { id: string }).id).toBe('paragraph');
      checked++;
      // Among the examples' functions are remote alarms, synchronising and receiving updates.
      expect(allText([intro!])).not.toMatch(/connection|without the app|even when|offline/i);
    }
    expect(checked).toBeGreaterThanOrEqual(2);
  });

  it('finds the security guide named by its title in the decommissioning guide', () => {
    let checked = 0;
    for (const p of lay) {
      const guide = p.docs.get('secure-operation');
      const decommissioning = p.docs.get('decommissioning');
      if (!guide || !decommissioning) continue;
      checked++;
      const text = allText(body(decommissioning));
      expect(text).not.toMatch(/secure-operation guide/i);
      // Only what the guide itself names: it gives the model, never a "product identifier".
      expect(text).not.toMatch(/product identifier/i);
      expect(text).toContain(`"${guide.meta.title}"`);
    }
    expect(checked).toBeGreaterThanOrEqual(2);
  });

  it('gets no empty section and no promise about data that the data does not make', async () => {
    const sparse = await build(
      WEARABLE,
      (d) => {
        const dec = d['decommissioning'] as Record<string, unknown>;
        delete dec['environment_cleanup'];
        delete dec['credential_revocation'];
        delete dec['residual_data'];
      },
      'decommissioning',
    );
    expect(emptySections(sparse.document)).toEqual([]);
    const text = allText(body(sparse.document));
    expect(text).not.toMatch(/no data about you stay/i);
    expect(text).toContain('(decommissioning.residual_data)]');
    expect(text).toContain('(decommissioning.environment_cleanup)]');
    for (const p of lay) for (const doc of p.docs.values()) expect(emptySections(doc)).toEqual([]);
    // A medical device needs both lists (IEC 81001-5-1): each gap is shown once, not again as a fallback.
    const pump = await build(
      'examples/insulin-pump/glucoflow-x2-eu.yaml',
      (d) => {
        const dec = d['decommissioning'] as Record<string, unknown>;
        delete dec['environment_cleanup'];
        delete dec['credential_revocation'];
      },
      'decommissioning',
    );
    const pumpText = allText(body(pump.document));
    expect(pumpText.split('(decommissioning.environment_cleanup)]').length - 1).toBe(1);
    expect(pumpText.split('(decommissioning.credential_revocation)]').length - 1).toBe(1);
  });
});

describe('a consumer reporting a problem', () => {
  it('is told that a person reads every report only when the data says so', async () => {
    const say = /A person reads every report/;
    const withPerson = await build(WEARABLE, () => undefined, 'secure-operation');
    expect(allText(body(withPerson.document))).toMatch(say);
    const without = await build(
      WEARABLE,
      (d) => {
        (d['spoc'] as Record<string, unknown>)['human_contact_available'] = false;
      },
      'secure-operation',
    );
    expect(allText(body(without.document))).not.toMatch(say);
  });
});

describe('a lay reader who sees a security message', () => {
  it('finds in the same table whom to contact for each message', () => {
    let checked = 0;
    for (const p of lay) {
      const plan = (p.data['secure_use'] as { alert_action_plan?: { contact?: string }[] } | undefined)
        ?.alert_action_plan;
      const guide = p.docs.get('secure-operation');
      if (!guide || !Array.isArray(plan)) continue;
      const cells: string[] = [];
      for (const b of walkBlocks(body(guide)))
        if (b.type === 'table')
          for (const row of b.rows)
            for (const cell of row.cells) cells.push(inlineText(cell.children).replace(/\s+/g, ' ').trim());
      for (const row of plan) {
        if (row.contact === undefined) continue;
        checked++;
        expect(cells, (p.data['product'] as { id: string }).id).toContain(row.contact.replace(/\s+/g, ' ').trim());
      }
    }
    expect(checked).toBeGreaterThanOrEqual(4);
  });
});

describe('a consumer reading about updates', () => {
  it('is offered the archive of old versions once, with its risk notice, not also as updates that stay available', () => {
    const band = lay.find((p) => (p.data['product'] as { id: string }).id === 'pulseband-3')!;
    const archive = (band.data['archive'] as { url: string }).url;
    expect((band.data['updates'] as { archive_url: string }).archive_url).toBe(archive);
    const text = allText(body(band.docs.get('secure-operation')!));
    expect(text.split(archive).length - 1).toBe(1);
    expect(text).not.toMatch(/Earlier updates stay available/);
  });
});

describe('a consumer product whose organisations get an IT annex', () => {
  it('is never written up as a medical device: no clinic, patients or health information systems', async () => {
    const change = (d: Record<string, unknown>): void => {
      const product = d['product'] as { intended_users: string[] };
      product.intended_users = [...product.intended_users, 'Retail staff who set up demonstration units'];
    };
    const built = await build(WEARABLE, change, 'secure-operation');
    const loaded = loadDevice(join(ROOT, WEARABLE), nodeHost(ROOT, ROOT), await defaultDeviceSchema());
    const data = loaded.value!.data;
    expect(templateDecisions(decideApplicability(data)).MD.applies).toBe(false);
    expect(built.annex, 'the added organisational user brings the annex').toBeDefined();
    const clinical =
      /\bclinic(al)?\b|\bpatients?\b|UDI-DI|health information systems?|healthcare providers|health data/i;
    const found: string[] = [];
    for (const [name, doc] of [
      ['guide', built.document],
      ['annex', built.annex!],
    ] as const) {
      let text = `${doc.meta.audience ?? ''}\n${allText(body(doc))}`;
      // The manufacturer's own words (a risk that mentions "your health data") are not the template's.
      for (const value of dataStrings(data, 3)) text = text.split(value).join(' ');
      for (const m of text.matchAll(new RegExp(clinical.source, 'gi')))
        found.push(`${name}: "…${text.slice(Math.max(0, m.index - 50), m.index + 30).replace(/\s+/g, ' ')}…"`);
    }
    expect(found).toEqual([]);
  });

  it('names an MDS2 section once where the annex says which guidance the MDS2 form refers to', async () => {
    const pump = lay.find((p) => (p.data['product'] as { id: string }).id === 'glucoflow-x2-connect')!;
    const built = await build('examples/insulin-pump/glucoflow-x2-connect.yaml', () => undefined, 'secure-operation');
    expect(pump).toBeDefined();
    const sentence = allText(body(built.annex!))
      .split('\n')
      .find((t) => /MDS2 form refers to/.test(t));
    expect(sentence).toBeDefined();
    expect(sentence!.match(/SGUD/g)?.length ?? 0).toBeLessThanOrEqual(1);
  });
});

describe('IT staff reading the annex of a lay-use product', () => {
  it("are pointed to the users' own set-up and update steps in their guide, not handed a copy written to the user", async () => {
    const built = await build('examples/insulin-pump/glucoflow-x2-connect.yaml', () => undefined, 'secure-operation');
    const loaded = loadDevice(
      join(ROOT, 'examples/insulin-pump/glucoflow-x2-connect.yaml'),
      nodeHost(ROOT, ROOT),
      await defaultDeviceSchema(),
    );
    const data = loaded.value!.data;
    const firstStep = (procedure: string): string =>
      procedure
        .split('\n')[0]!
        .replace(/^\d+\.\s*/, '')
        .trim()
        .slice(0, 40);
    const guide = allText(body(built.document));
    const annex = allText(body(built.annex!));
    // Setting up and installing an update: both written to the user ("your PIN") in the data.
    for (const procedure of [
      (data['secure_use'] as { installation_procedure: string }).installation_procedure,
      (data['updates'] as { install_procedure: string }).install_procedure,
    ]) {
      expect(guide).toContain(firstStep(procedure));
      expect(annex).not.toContain(firstStep(procedure));
    }
    expect(annex).toContain(`"${built.document.meta.title}"`);
    expect(annex).not.toMatch(/maintenance window/);
  });

  it('never get a numbered step whose first content is another numbered list ("3. 1. …")', async () => {
    const docs: [string, Document][] = [];
    for (const p of await exampleDocuments(['secure-operation', 'decommissioning'], { annex: true }))
      for (const [name, doc] of p.docs) docs.push([`${(p.data['product'] as { id: string }).id} ${name}`, doc]);
    const found: string[] = [];
    for (const [name, doc] of docs)
      for (const b of walkBlocks(body(doc)))
        if (b.type === 'list')
          for (const item of b.items) {
            // Data text keeps its own "1." lines literally: as the first words of a step they print "3. 1.".
            const first = item.children[0];
            const text = first?.type === 'paragraph' ? inlineText(first.children).trim() : '';
            if (first?.type === 'list' || /^\d+[.)]\s/.test(text)) found.push(`${name}: ${text.slice(0, 60)}`);
          }
    expect(docs.length).toBeGreaterThan(4);
    expect(found).toEqual([]);
  });
});
