import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultDeviceSchema } from '../../src/pipeline/default-schema.js';
import { decideApplicability } from '../../src/regulatory/applicability.js';
import { loadCatalogue } from '../../src/pipeline/catalogue.js';
import { notApplicableGroups } from '../../src/regulatory/traceability.js';
import { hasTool } from '../helpers/clients.js';
import { allProperties, type Node } from '../schema/walk.js';
import { techfile } from './support/cli.js';
import { docxParagraphs, docxPart } from './support/docx.js';
import { ROOT, concreteExamples, removeTempDirs, type Example } from './support/examples.js';
import { fileText, generatedExamples, type GeneratedExamples, type GeneratedFile } from './support/generated.js';
import { build } from './support/pipeline.js';
import { readFileSync } from 'node:fs';

afterAll(removeTempDirs);

/**
 * Point 8 of issue 7: every generated document of the examples, read as text the way a reader
 * or a search gets it, carries no research remark of the clause catalogue, no mention of the
 * tool or its catalogue, and no data field path outside a TBD marker; the traceability table
 * groups what does not apply and sits where its reader needs it.
 */
const hasPdftotext = hasTool('pdftotext');

let generated: GeneratedExamples;
let examples: Example[];
let schemaPaths: Set<string>;

beforeAll(async () => {
  examples = await concreteExamples();
  generated = await generatedExamples();
  const { schema } = await defaultDeviceSchema();
  schemaPaths = new Set(
    allProperties(schema as unknown as Node)
      .map((p) => p.path)
      .filter((p) => p.includes('.')),
  );
  // Generating every example in both formats takes minutes on a busy machine.
});

function scanned(): GeneratedFile[] {
  return generated.files.filter((f) => f.format === 'docx' || hasPdftotext);
}

function label(f: GeneratedFile): string {
  return `${f.productId}/${f.name}.${f.format}`;
}

/** Whitespace as one space; a path or word wrapped after `.`, `_` or `/` in a table cell is joined again. */
function normalised(text: string): string {
  return text.replace(/([._/])[ \t]*\n\s*/g, '$1').replace(/\s+/g, ' ');
}

/** Every string value of the product data, lower case: text a writer put there is theirs to word. */
function dataText(e: Example): string {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(e.device.data);
  return normalised(out.join('\n')).toLowerCase();
}

function exampleOf(f: GeneratedFile): Example {
  const e = examples.find((x) => x.productId === f.productId);
  if (!e) throw new Error(`no example has product id ${f.productId}`);
  return e;
}

// Catalogues of others that the templates name on purpose (vulnerability sources).
const OTHER_CATALOGUES = ['known exploited vulnerabilities catalogue', 'kev catalogue'];

/** Remarks of the clause catalogue and mentions of the tool, each with some context. */
function remarks(text: string, data: string): string[] {
  // No page names the tool: provenance is fingerprints and a version; the file properties name it.
  const t = normalised(text);
  const found: string[] = [];
  for (const re of [/not verified/gi, /believed/gi, /title only/gi, / ~ /g, /techfile/gi, /catalogue/gi]) {
    for (const m of t.matchAll(re)) {
      const at = m.index;
      const context = t.slice(Math.max(0, at - 50), at + m[0].length + 40);
      if (/catalogue/i.test(m[0])) {
        const before = /(\S+)\s+$/.exec(t.slice(Math.max(0, at - 60), at))?.[1]?.toLowerCase() ?? '';
        const after = /^\s+(\S+)/.exec(t.slice(at + m[0].length, at + m[0].length + 40))?.[1]?.toLowerCase() ?? '';
        const phrase = context.toLowerCase();
        if (OTHER_CATALOGUES.some((c) => phrase.includes(c))) continue;
        if (
          (before !== '' && data.includes(`${before} catalogue`)) ||
          (after !== '' && data.includes(`catalogue ${after}`))
        )
          continue;
      }
      found.push(`"${m[0]}" in …${context}…`);
    }
  }
  return found;
}

/** Dotted snake_case tokens that are field paths of the device schema, outside `[TBD: …]` markers. */
function fieldPaths(text: string, known: ReadonlySet<string>): string[] {
  const outside = normalised(text).replace(/\[TBD:[^\]]*\]/g, ' ');
  const found = new Set<string>();
  for (const m of outside.matchAll(/\b[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*|\[\d*\])+/g)) {
    const path = m[0].replace(/\[\d*\]/g, '[]');
    if (known.has(path) || known.has(path.replace(/\[\]$/, ''))) found.add(m[0]);
  }
  return [...found];
}

describe('the text of every generated document', () => {
  it('covers every document of every example in both formats, and a traceability record where one belongs', () => {
    for (const e of examples)
      for (const doc of e.docTypes) {
        const names = generated.files
          .filter((f) => f.productId === e.productId && f.docType === doc)
          .map((f) => `${f.name}.${f.format}`);
        const expected =
          doc === 'cyber-techdoc'
            ? [`${doc}.docx`, `${doc}.pdf`]
            : [`${doc}.docx`, `${doc}.pdf`, `${doc}.traceability.docx`, `${doc}.traceability.pdf`];
        expect(names.sort(), `${e.productId} ${doc}`).toEqual(expect.arrayContaining(expected));
        if (doc === 'cyber-techdoc')
          expect(
            names.some((n) => n.includes('.traceability.')),
            `${e.productId}: the techdoc keeps its appendix`,
          ).toBe(false);
      }
  });

  it('has no catalogue remark ("not verified", "believed", "title only", " ~ "), and names neither techfile nor its catalogue', () => {
    const problems: string[] = [];
    for (const f of scanned())
      for (const r of remarks(fileText(f), dataText(exampleOf(f)))) problems.push(`${label(f)}: ${r}`);
    expect(problems, problems.slice(0, 40).join('\n')).toEqual([]);
  });

  it('shows a data field path only inside a [TBD: …] marker', () => {
    const problems: string[] = [];
    for (const f of scanned()) {
      const paths = fieldPaths(fileText(f), schemaPaths);
      if (paths.length > 0) problems.push(`${label(f)}: ${paths.join(', ')}`);
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('the scan itself finds a path outside a marker and a catalogue remark (so a pass means something)', () => {
    expect(schemaPaths.size).toBeGreaterThan(100);
    expect(
      fieldPaths('Set ai.continuous_learning.enabled first [TBD: x (support_period.end_date)]', schemaPaths),
    ).toEqual(['ai.continuous_learning.enabled']);
    expect(fieldPaths('Mail updates.glucoflow.example, see [TBD: a\n(network.ports[2].port)]', schemaPaths)).toEqual(
      [],
    );
    expect(
      remarks('MDR Annex I 23.4 (letter believed to be (z)) ~ IEC 62443-4-1 SG-3, techfile clause catalogue', ''),
    ).toHaveLength(4);
    expect(
      remarks(
        'listed in the CISA KEV catalogue; data sha256:aa, templates sha256:0123456789ab, generator version 0.1.0',
        '',
      ),
    ).toEqual([]);
    expect(remarks('data sha256:aa, templates sha256:0123456789ab, techfile 0.1.0', '')).toHaveLength(1);
  });
});

describe('the traceability table of the examples', () => {
  const HEADING = 'Traceability to regulatory requirements';

  function paragraphs(f: GeneratedFile): string[] {
    return docxParagraphs(docxPart(readFileSync(f.path), 'word/document.xml'));
  }

  function file(productId: string, name: string, format: 'docx' | 'pdf'): GeneratedFile {
    const f = generated.files.find((x) => x.productId === productId && x.name === name && x.format === format);
    if (!f) throw new Error(`${productId}/${name}.${format} was not generated`);
    return f;
  }

  it('is the last chapter of cyber-techdoc and absent from the documents for users', () => {
    for (const e of examples)
      for (const doc of e.docTypes) {
        const text = paragraphs(file(e.productId, doc, 'docx'));
        const headings = text.filter((p) => p.endsWith(HEADING) && !p.includes('\t\t'));
        if (doc === 'cyber-techdoc') expect(headings.length, `${e.productId} ${doc}`).toBeGreaterThan(0);
        else
          expect(
            text.some((p) => p.includes('Requirements that apply')),
            `${e.productId} ${doc} still has the table`,
          ).toBe(false);
      }
  });

  it('groups not-applicable requirements: one row per reason with its count, no row per clause', () => {
    const catalogue = loadCatalogue();
    for (const e of examples)
      for (const doc of e.docTypes) {
        const built = build(e.device.data, doc);
        const regulation = decideApplicability(e.device.data).facts.deviceRegulation;
        const groups = notApplicableGroups(built.coverage.entries, catalogue, regulation);
        const na = built.coverage.entries.filter((c) => c.status === 'not-applicable');
        expect(groups.reduce((n, g) => n + g.count, 0)).toBe(na.length);
        expect(new Set(groups.map((g) => g.reason)).size, `${e.productId} ${doc}: one row per reason`).toBe(
          groups.length,
        );
        const name = doc === 'cyber-techdoc' ? doc : `${doc}.traceability`;
        const cells = paragraphs(file(e.productId, name, 'docx'));
        for (const g of groups) {
          const first = `${g.source}, ${g.count} ${g.count === 1 ? 'requirement' : 'requirements'}`;
          // The row: source and count, the reason, the ids (one paragraph per cell).
          const rows = cells.filter((p, i) => p === first && cells[i + 1] === g.reason && cells[i + 2] === g.clauses);
          expect(rows.length, `${e.productId} ${name}: "${first}" / "${g.reason}"`).toBe(1);
        }
        // A not-applicable clause id never has a row of its own (a group of one lists it alone).
        const alone = new Set(groups.map((g) => g.clauses));
        const own = na.filter((c) => cells.includes(c.id) && !alone.has(c.id)).map((c) => c.id);
        expect(own, `${e.productId} ${name}`).toEqual([]);
      }
  });

  it('puts the Cyber Resilience Act on one line for the medical devices, with the article that excludes it', () => {
    const devices = examples.filter((e) => {
      const app = decideApplicability(e.device.data);
      return !app.instruments.CRA.applies && app.facts.deviceRegulation !== undefined;
    });
    expect(devices.length).toBeGreaterThan(0);
    for (const e of devices) {
      const cells = paragraphs(file(e.productId, 'secure-operation.traceability', 'docx'));
      const cra = cells.filter((p) => /^Cyber Resilience Act, \d+ requirements?$/.test(p));
      expect(cra, e.productId).toHaveLength(1);
      expect(
        cells.some((p) => /CRA Art\. 2\(2\)/.test(p) || /CRA Art\. 2\(1\)/.test(p)),
        e.productId,
      ).toBe(true);
    }
  });

  it('makes the separate record a controlled document that names the document it is evidence for', () => {
    for (const e of examples)
      for (const doc of e.docTypes.filter((d) => d !== 'cyber-techdoc')) {
        const meta = build(e.device.data, doc).document.meta;
        const text = paragraphs(file(e.productId, `${doc}.traceability`, 'docx'));
        const row = text.findIndex((p) => p === 'Evidence for');
        expect(row, `${e.productId} ${doc}: no "Evidence for" row`).toBeGreaterThan(0);
        expect(text[row + 1]).toBe(`${meta.documentNumber}, version ${meta.version}: ${meta.title}`);
        // Rows point at sections of the main document as plain references, not links.
        expect(
          text.some((p) => p.startsWith('section ') && p.endsWith(` of ${meta.documentNumber}`)),
          `${e.productId} ${doc}`,
        ).toBe(true);
        const xml = docxPart(readFileSync(file(e.productId, `${doc}.traceability`, 'docx').path), 'word/document.xml');
        expect(
          xml.includes('w:anchor="'),
          `${e.productId} ${doc}: no link into a document the reader does not have`,
        ).toBe(false);
      }
  });

  it.skipIf(!hasPdftotext)('writes the separate record and the appendix into the PDF too', () => {
    for (const e of examples) {
      const techdoc = fileText(file(e.productId, 'cyber-techdoc', 'pdf'));
      expect(techdoc.lastIndexOf(HEADING), e.productId).toBeGreaterThan(techdoc.indexOf(HEADING));
      const record = normalised(fileText(file(e.productId, 'decommissioning.traceability', 'pdf')));
      expect(record, e.productId).toContain('Requirements that apply');
    }
  });
});

describe('techfile coverage: references to confirm', () => {
  it('lists every unverified reference a document cites, with the detail the documents leave out', async () => {
    const catalogue = loadCatalogue();
    const r = await techfile(['coverage', 'examples/insulin-pump/glucoflow-x2-eu.yaml', '--diagnostics', 'json'], ROOT);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as {
      clauses: { id: string; doc: string; status: string; verified: string }[];
      referencesToConfirm: { id: string; printed: string; catalogueRef: string; docs: string[] }[];
    };
    const cited = [
      ...new Set(
        report.clauses.filter((c) => c.verified === 'unverified' && c.status !== 'not-applicable').map((c) => c.id),
      ),
    ];
    expect(cited.length).toBeGreaterThan(0);
    expect(report.referencesToConfirm.map((x) => x.id).sort()).toEqual(cited.sort());
    for (const x of report.referencesToConfirm) {
      expect(x.catalogueRef).toBe(catalogue.byId.get(x.id)?.ref);
      expect(x.printed).not.toMatch(/believed|verified|title only|~/);
    }
    const text = await techfile(['coverage', 'examples/insulin-pump/glucoflow-x2-eu.yaml'], ROOT);
    const section = text.stdout.slice(text.stdout.indexOf('References to confirm'));
    expect(section.length).toBeGreaterThan(0);
    for (const id of cited) expect(section).toContain(id);
  });
});
