import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPath } from '../../src/regulatory/data-path.js';
import { longDate } from '../../src/regulatory/dates.js';
import { hasTool } from '../helpers/clients.js';
import { techfile } from './support/cli.js';
import { docxText } from './support/docx.js';
import {
  INCOMPLETE,
  ROOT,
  concreteExamples,
  copyExampleFolder,
  describeExample,
  tempDir,
  removeTempDirs,
  type Example,
} from './support/examples.js';
import { editYaml } from './support/files.js';
import { stringLeaves } from './support/leaves.js';
import { pdfBodyText, squash } from './support/pdf.js';
import { replaceAtSource } from './support/surgery.js';

afterAll(removeTempDirs);

const hasPdftotext = hasTool('pdftotext');

/**
 * Facts several documents repeat. Each is stored once in the data; `shown` is how a document
 * writes the value (the support end date appears in long form).
 */
const FACTS = [
  { path: 'support_period.end_date', next: '2041-10-17', shown: (v: string) => longDate(v) },
  { path: 'vulnerability_contact.email', next: 'psirt-qzx1@one-truth.example', shown: (v: string) => v },
  {
    path: 'updates.mechanism',
    next: 'Signed update bundles QZX2 fetched from the one-truth update service',
    shown: (v: string) => v,
  },
  {
    path: 'decommissioning.erasure_method',
    next: 'Crypto-shred QZX3 of the one-truth storage key',
    shown: (v: string) => v,
  },
] as const;

/** A value of the same kind (date, e-mail, text) that shares no text with the old one. */
function companion(old: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(old)) return '2042-03-04';
  if (old.includes('@')) return 'companion-qzx9@one-truth.example';
  return 'Companion value QZX9';
}

/** All documents of one product as squashed text (no whitespace: PDF line wraps do not matter). */
function readDocs(dir: string, e: Example): Map<string, string> {
  const out = new Map<string, string>();
  for (const d of e.docTypes) {
    out.set(`${d}.docx`, squash(docxText(readFileSync(join(dir, e.productId, `${d}.docx`)))));
    if (hasPdftotext) out.set(`${d}.pdf`, squash(pdfBodyText(join(dir, e.productId, `${d}.pdf`))));
  }
  return out;
}

async function generate(file: string, e: Example): Promise<Map<string, string>> {
  const out = tempDir('truth');
  const r = await techfile(['generate', relative(ROOT, file), '--out', out], ROOT);
  if (r.code !== 0) throw new Error(`generate ${file} exited ${r.code}:\n${r.stderr}`);
  return readDocs(out, e);
}

describe('facts shown in several documents come from one place in the data', () => {
  let examples: Example[];
  beforeAll(async () => {
    examples = (await concreteExamples()).filter((e) => !INCOMPLETE.has(e.name));
  });

  it('replaces the support end date, security e-mail, update mechanism and erasure method everywhere they appear', async () => {
    expect(examples.map((e) => e.name)).toEqual(expect.arrayContaining(['insulin-pump/glucoflow-x2-connect.yaml']));
    const problems: string[] = [];
    const duplicated: string[] = [];
    for (const example of examples) {
      const copy = copyExampleFolder(example.name.slice(0, example.name.indexOf('/')));
      const file = join(copy, example.name);
      const loaded = await describeExample(file, copy);
      const data = loaded.device.data;
      const old = new Map(FACTS.map((f) => [f.path, String(getPath(data, f.path) ?? '')]));
      for (const f of FACTS) expect(old.get(f.path), `${example.name} has no ${f.path}`).not.toBe('');

      // Another field holding exactly the same value (a SPOC channel address equal to the
      // security e-mail, an end-of-life date equal to the end of support) is a separate fact
      // that happens to be equal: give it a value of its own, so only the fact under test moves.
      const twins = FACTS.flatMap((f) =>
        stringLeaves(data)
          .filter((l) => l.path !== f.path && l.value === old.get(f.path))
          .map((l) => ({ fact: f.path, path: l.path })),
      );
      for (const t of twins) duplicated.push(`${example.name}: ${t.fact} has the same value as ${t.path}`);
      replaceAtSource(
        twins.map((t) => ({ ref: loaded.device.provenance.get(t.path)!, value: companion(old.get(t.fact)!) })),
      );
      const before = await generate(file, example);

      editYaml(
        file,
        FACTS.map((f) => [f.path.split('.'), f.next] as const),
      );
      const changed = await describeExample(file, copy);
      for (const f of FACTS) expect(getPath(changed.device.data, f.path), `${f.path} did not change`).toBe(f.next);
      const after = await generate(file, example);

      for (const f of FACTS) {
        const oldValue = old.get(f.path)!;
        const oldShown = squash(f.shown(oldValue));
        const newShown = squash(f.shown(f.next));
        // Prose in other fields that quotes the value is the writer's text, not the generator's.
        const quoting = stringLeaves(data).filter(
          (l) => l.path !== f.path && l.value !== oldValue && l.value.includes(oldValue),
        );
        for (const q of quoting) duplicated.push(`${example.name}: ${q.path} quotes the value of ${f.path}`);
        const unquoted = (text: string): string =>
          quoting.reduce((rest, q) => rest.split(squash(q.value)).join(''), text);
        let shown = 0;
        for (const [doc, text] of before) {
          if (!unquoted(text).includes(oldShown)) continue;
          shown++;
          if (!(after.get(doc) ?? '').includes(newShown))
            problems.push(`${example.productId}/${doc}: showed ${f.path}, but not its new value`);
        }
        if (shown === 0) problems.push(`${example.productId}: no document shows ${f.path} («${f.shown(oldValue)}»)`);
        for (const [doc, text] of after)
          if (unquoted(text).includes(oldShown))
            problems.push(`${example.productId}/${doc}: still shows the old ${f.path} «${f.shown(oldValue)}»`);
      }
    }
    if (duplicated.length > 0)
      console.warn(`one-truth: the example data repeats these facts:\n  ${duplicated.join('\n  ')}`);
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
