import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Block, Inline } from '../../src/model/nodes.js';
import { inlineText, walkBlocks } from '../../src/model/text.js';
import { APPLICATION_DATES, longDate } from '../../src/regulatory/dates.js';
import { build } from './support/pipeline.js';
import { ROOT, concreteExamples, describeExample, type Example } from './support/examples.js';

/**
 * Dates of application printed in documents come from one table (src/regulatory/dates.ts),
 * each with its source. These tests read every generated document of every example, and of an
 * IVDR class C fixture, as a reader would.
 */
const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
const DATE = `\\d{1,2} ${MONTH} \\d{4}`;
// "obligations apply from <date>", "applies to products placed on the EU market after <date>",
// "must meet Art. 50(2) by <date>": a date the law applies from, within one sentence.
const APPLICATION = new RegExp(
  `\\b(?:appl(?:y|ies|ied|ying)|obligations?|must meet)\\b(?:(?!\\. [A-Z])[^;]){0,90}?\\b(?:from|after|by) (${DATE})(?: \\(([^()]*(?:\\([^()]*\\)[^()]*)*)\\))?`,
  'g',
);

const table = Object.values(APPLICATION_DATES).map((d) => ({ date: longDate(d.date), source: d.source }));

function cellTexts(b: Block): string[] {
  if (b.type === 'paragraph' || b.type === 'heading') return [inlineText(b.children)];
  if (b.type === 'table') return b.rows.flatMap((r) => r.cells.map((c) => inlineText(c.children as Inline[])));
  return [];
}

interface Doc {
  readonly name: string;
  readonly texts: readonly string[];
}

async function documentsOf(e: Example): Promise<Doc[]> {
  return e.docTypes.map((doc) => {
    const built = build(e.device.data, doc, e.name);
    return { name: `${e.name} ${doc}`, texts: [...walkBlocks(built.document.children)].flatMap(cellTexts) };
  });
}

describe('dates of application in generated documents', () => {
  const docs: Doc[] = [];
  let ivd: Doc | undefined;

  beforeAll(async () => {
    const examples = await concreteExamples();
    const fixture = await describeExample(
      join(ROOT, 'tests/fixtures/ivdr/lumen-ivd.yaml'),
      join(ROOT, 'tests/fixtures/ivdr'),
    );
    for (const e of [...examples, fixture]) docs.push(...(await documentsOf(e)));
    ivd = docs.find((d) => d.name === 'lumen-ivd.yaml cyber-techdoc');
  });

  it('prints only dates of application that are in the table, each followed by its source', () => {
    const wrong: string[] = [];
    let seen = 0;
    for (const d of docs)
      for (const text of d.texts)
        for (const m of text.matchAll(APPLICATION)) {
          seen++;
          const [, date, source] = m;
          const known = table.filter((t) => t.date === date);
          if (known.length === 0) wrong.push(`${d.name}: "${m[0]}": ${date} is not in the dates table`);
          else if (source === undefined || !known.some((t) => t.source === source))
            wrong.push(
              `${d.name}: "${m[0]}": the date is not followed by its source (${known.map((t) => t.source).join(' or ')})`,
            );
        }
    expect(wrong, wrong.join('\n')).toEqual([]);
    // The scan found the dates the examples rely on (CRA, PLD, AI Act), so it is not vacuous.
    expect(seen).toBeGreaterThan(5);
  });

  it('never prints 2 August 2027 as the AI Act Art. 6(1) date', () => {
    const old = docs.flatMap((d) =>
      d.texts.filter((t) => /2 August 2027|113\(c\)/.test(t)).map((t) => `${d.name}: ${t.slice(0, 160)}`),
    );
    expect(old).toEqual([]);
    const highRisk = docs.flatMap((d) => d.texts).filter((t) => /Art\. 6\(1\)/.test(t) && /apply from/.test(t));
    expect(highRisk.length).toBeGreaterThan(0);
    for (const t of highRisk) expect(t).toContain('from 2 August 2028 (AI Act Art. 113, as amended in 2026)');
  });

  it('gives the IVDR class C device its own regulation in every decision its technical documentation prints', () => {
    expect(ivd).toBeDefined();
    const texts = ivd?.texts ?? [];
    const row = texts.find((t) =>
      t.startsWith('applies: class C in vitro diagnostic medical device under Regulation (EU) 2017/746'),
    );
    expect(row, 'the device-regulation row').toBeDefined();
    expect(texts.some((t) => t.startsWith('MDR: applies'))).toBe(false);
    // The AI Act route names the IVDR and the amended date.
    expect(texts.some((t) => /under the IVDR involves a notified body.*from 2 August 2028/.test(t))).toBe(true);
    // MDR-only items are no requirement of an IVD: the record never names them, not even as not
    // applicable; the shared ones are traced under their IVDR ids.
    const appendix = texts.join('\n');
    expect(appendix).not.toMatch(/MDR Annex I 18\.8|MDR-AI-/);
    expect(texts).toContain('IVDR-AI-16.2');
    // The manufacturer, an important entity, documents its own NIS2 duties.
    expect(
      texts.some((t) => /NIS2 Directive \(manufacturer\): applies: the manufacturer is an important entity/.test(t)),
    ).toBe(true);
    // No decision calls all healthcare providers essential entities.
    expect(texts.filter((t) => /healthcare providers are (essential|important) entities/i.test(t))).toEqual([]);
  });
});
