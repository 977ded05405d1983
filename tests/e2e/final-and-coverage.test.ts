import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clausesForDoc } from '../../src/regulatory/catalogue.js';
import { loadCatalogue } from '../../src/pipeline/catalogue.js';
import { toCataloguePath } from '../../src/regulatory/data-path.js';
import { hasTool } from '../helpers/clients.js';
import { techfile } from './support/cli.js';
import { STATUSES, coverageJson, type CoverageJson } from './support/coverage.js';
import { docxParagraphs, docxPart } from './support/docx.js';
import {
  EXAMPLES,
  INCOMPLETE,
  ROOT,
  concreteExamples,
  describeExample,
  tempDir,
  removeTempDirs,
  type Example,
} from './support/examples.js';
import { listFiles } from './support/files.js';
import { pdfText, squash } from './support/pdf.js';
import { outputNames } from './support/generated.js';

afterAll(removeTempDirs);

const DRAFT = 'examples/incomplete/draft-monitor.yaml';
const APPENDIX = 'Traceability to regulatory requirements';
/** The heading of the table in a separate traceability record. */
const RECORD = 'Requirements that apply';
const hasPdftotext = hasTool('pdftotext');

function regulationOf(e: Example): string | undefined {
  return (e.device.data as { regulatory?: { medical_device?: { regulation?: string } } }).regulatory?.medical_device
    ?.regulation;
}

describe('techfile coverage --diagnostics json', () => {
  let examples: Example[];
  const reports = new Map<string, CoverageJson>();

  beforeAll(async () => {
    examples = await concreteExamples();
    for (const e of examples) reports.set(e.name, await coverageJson(e.path));
  });

  const report = (name: string): CoverageJson => {
    const r = reports.get(name);
    if (!r) throw new Error(`examples/${name} is missing or was not loaded`);
    return r;
  };

  it('has one entry per catalogue clause for each document type the product gets, and none for the others', () => {
    const catalogue = loadCatalogue();
    for (const e of examples) {
      const r = report(e.name);
      expect(r.product).toBe(e.productId);
      expect(r.documents.filter((d) => d.applies).map((d) => d.doc)).toEqual([...e.docTypes]);
      for (const doc of e.docTypes) {
        const ids = r.clauses.filter((c) => c.doc === doc).map((c) => c.id);
        expect(ids.slice().sort(), `${e.name} ${doc}`).toEqual(
          clausesForDoc(catalogue, doc)
            .map((c) => c.id)
            .sort(),
        );
      }
      expect(r.clauses.every((c) => (e.docTypes as readonly string[]).includes(c.doc))).toBe(true);
    }
  });

  it('gives every entry an id, doc, status, section, missing fields and reason', () => {
    for (const e of examples)
      for (const c of report(e.name).clauses) {
        expect(STATUSES, `${e.name} ${c.id}`).toContain(c.status);
        expect(typeof c.id).toBe('string');
        expect(c.section === null || typeof c.section === 'string').toBe(true);
        expect(Array.isArray(c.missing)).toBe(true);
        expect(typeof c.reason).toBe('string');
        if (c.status === 'addressed') expect(c.section, `${e.name} ${c.id} addressed without a section`).not.toBeNull();
        if (c.status === 'addressed') expect(c.missing).toEqual([]);
        if (c.status !== 'addressed') expect(c.reason, `${e.name} ${c.id}`).not.toBe('');
      }
  });

  it('applies no CRA clause to the medical-device examples', () => {
    const devices = examples.filter((e) => regulationOf(e) === 'MDR' || regulationOf(e) === 'IVDR');
    expect(devices.map((e) => e.name)).toEqual(
      expect.arrayContaining(['insulin-pump/glucoflow-x2-eu.yaml', 'radiology-ai/lumen-cxr.yaml']),
    );
    for (const e of devices) {
      const cra = report(e.name).clauses.filter((c) => c.id.startsWith('CRA-'));
      expect(cra.length).toBeGreaterThan(0);
      expect(
        cra.filter((c) => c.status !== 'not-applicable').map((c) => c.id),
        e.name,
      ).toEqual([]);
    }
  });

  it('addresses CRA Annex II points 1-9 (and the sub-points that apply) for the wellness wearable', () => {
    const cra = report('wellness-wearable/pulseband.yaml').clauses.filter((c) => /^CRA-AII-\d/.test(c.id));
    for (let n = 1; n <= 9; n++) {
      const point = cra.filter((c) => new RegExp(`^CRA-AII-${n}[a-z]?$`).test(c.id));
      expect(
        point.some((c) => c.status === 'addressed'),
        `CRA-AII-${n} is not addressed anywhere`,
      ).toBe(true);
    }
    const open = cra
      .filter((c) => c.status === 'tbd')
      .map((c) => `${c.doc} ${c.id}: ${c.missing.join(', ') || c.reason}`);
    expect(open, open.join('\n')).toEqual([]);
  });

  it('gives the radiology AI example an ai-transparency document that addresses every applicable AIA Art. 13(3) clause', () => {
    const r = report('radiology-ai/lumen-cxr.yaml');
    expect(r.documents.find((d) => d.doc === 'ai-transparency')?.applies).toBe(true);
    const art13 = r.clauses.filter((c) => c.id.startsWith('AIA-ART13-3'));
    expect(art13.filter((c) => c.doc === 'ai-transparency').length).toBeGreaterThan(0);
    const open = art13
      .filter((c) => c.status === 'tbd')
      .map((c) => `${c.doc} ${c.id}: ${c.missing.join(', ') || c.reason}`);
    expect(open, open.join('\n')).toEqual([]);
    expect(art13.some((c) => c.status === 'addressed')).toBe(true);
  });

  it('gives the insulin pumps no ai-transparency document', () => {
    for (const e of examples.filter((x) => x.name.startsWith('insulin-pump/'))) {
      expect(report(e.name).documents.find((d) => d.doc === 'ai-transparency')?.applies, e.name).toBe(false);
      expect(e.docTypes).not.toContain('ai-transparency');
    }
  });

  it('addresses at least 98 % of the applicable clauses of every document of every complete example', () => {
    const failures: string[] = [];
    for (const e of examples.filter((x) => !INCOMPLETE.has(x.name))) {
      const r = report(e.name);
      for (const doc of e.docTypes) {
        const entries = r.clauses.filter((c) => c.doc === doc);
        const addressed = entries.filter((c) => c.status === 'addressed').length;
        const tbd = entries.filter((c) => c.status === 'tbd');
        const percent = addressed + tbd.length === 0 ? 100 : (100 * addressed) / (addressed + tbd.length);
        console.log(
          `coverage ${e.productId} ${doc}: ${percent.toFixed(1)} % (${addressed} addressed, ${tbd.length} TBD)`,
        );
        const summary = r.documents.find((d) => d.doc === doc)?.summary;
        expect(summary?.addressed).toBe(addressed);
        expect(summary?.tbd).toBe(tbd.length);
        if (percent < 98)
          failures.push(
            `${e.name} ${doc}: ${percent.toFixed(1)} %\n` +
              tbd
                .map(
                  (c) =>
                    `    ${c.id} (${c.section ?? 'no section'}): ${c.missing.length > 0 ? `missing ${c.missing.join(', ')}` : c.reason}`,
                )
                .join('\n'),
          );
      }
    }
    expect(failures, failures.join('\n')).toEqual([]);
  });

  describe('the traceability appendix', () => {
    let out: string;
    beforeAll(async () => {
      out = tempDir('trace');
      const files = examples.filter((e) => !INCOMPLETE.has(e.name)).map((e) => e.path);
      const r = await techfile(['generate', ...files, '--out', out], ROOT);
      expect(r.code, r.stderr).toBe(0);
    });

    it('lists every addressed clause id in the DOCX', () => {
      for (const e of examples.filter((x) => !INCOMPLETE.has(x.name)))
        for (const doc of e.docTypes) {
          // The techdoc ends with the table; the documents for users have it as a separate record.
          const name = doc === 'cyber-techdoc' ? doc : `${doc}.traceability`;
          const paragraphs = docxParagraphs(
            docxPart(readFileSync(join(out, e.productId, `${name}.docx`)), 'word/document.xml'),
          );
          // The heading carries its number ("12\tTraceability…"); the TOC entry comes earlier.
          const start = paragraphs.findLastIndex((p) => p.endsWith(doc === 'cyber-techdoc' ? APPENDIX : RECORD));
          expect(start, `${e.productId}/${name}.docx has no traceability table`).toBeGreaterThan(0);
          const cells = new Set(paragraphs.slice(start));
          const addressed = report(e.name).clauses.filter((c) => c.doc === doc && c.status === 'addressed');
          expect(addressed.length).toBeGreaterThan(0);
          for (const c of addressed)
            expect(cells.has(c.id), `${e.productId}/${doc}.docx appendix lacks ${c.id}`).toBe(true);
        }
    });

    it.skipIf(!hasPdftotext)('lists every addressed clause id in the PDF', () => {
      for (const e of examples.filter((x) => !INCOMPLETE.has(x.name)))
        for (const doc of e.docTypes) {
          const name = doc === 'cyber-techdoc' ? doc : `${doc}.traceability`;
          const text = pdfText(join(out, e.productId, `${name}.pdf`));
          const start = text.lastIndexOf(doc === 'cyber-techdoc' ? APPENDIX : RECORD);
          expect(start, `${e.productId}/${name}.pdf has no traceability table`).toBeGreaterThan(0);
          const appendix = text.slice(start);
          const tokens = new Set(appendix.split(/\s+/));
          const squashed = squash(appendix);
          for (const c of report(e.name).clauses.filter((x) => x.doc === doc && x.status === 'addressed'))
            expect(
              tokens.has(c.id) || squashed.includes(c.id),
              `${e.productId}/${doc}.pdf appendix lacks ${c.id}`,
            ).toBe(true);
        }
    });
  });
});

describe('the incomplete example', () => {
  let draft: Example;
  let coverage: CoverageJson;

  beforeAll(async () => {
    draft = await describeExample(join(EXAMPLES, 'incomplete/draft-monitor.yaml'));
    coverage = await coverageJson(DRAFT);
  });

  it('is refused by --final with exit 6, naming each missing field and each TBD clause, and nothing is written', async () => {
    const out = tempDir('final');
    const r = await techfile(['generate', DRAFT, '--final', '--out', out], ROOT);
    expect(r.code).toBe(6);
    expect(listFiles(out)).toEqual([]);
    expect(r.stdout).not.toMatch(/^wrote /m);
    const tbd = coverage.clauses.filter((c) => c.status === 'tbd' && c.missing.length > 0);
    expect(tbd.length, 'the incomplete example has no TBD clause with missing data').toBeGreaterThan(0);
    const problems: string[] = [];
    for (const c of tbd) {
      if (!r.stderr.includes(c.id)) problems.push(`clause ${c.id} (${c.doc}) is not named`);
      for (const m of c.missing)
        if (!r.stderr.includes(`\`${toCataloguePath(m)}\``))
          problems.push(`field ${m} (needed by ${c.id}) is not named`);
    }
    expect(problems, `${problems.join('\n')}\n--- stderr ---\n${r.stderr.slice(0, 4000)}`).toEqual([]);
  });

  // A field needed by several clauses (e.g. `network.ports` by MDCG-4.2-sep12, MDCG-4.3-6,
  // MDS2-CONN and MDS2-TXCF) and missing in several documents or records is reported once, on
  // one line naming all of them, then one summary line.
  it('prints one line per missing field, naming every clause and document that needs it, then a summary', async () => {
    const r = await techfile(['generate', DRAFT, '--final', '--out', tempDir('final-all')], ROOT);
    expect(r.code).toBe(6);
    const lines = r.stderr.split('\n').filter((l) => l.trim() !== '');
    const fieldLines = lines.filter((l) => l.includes('error[final/tbd]'));
    const problems: string[] = [];
    for (const c of coverage.clauses.filter((x) => x.status === 'tbd'))
      for (const m of c.missing) {
        const path = `\`${toCataloguePath(m)}\``;
        const on = fieldLines.filter((l) => l.includes(path));
        if (on.length !== 1) problems.push(`field ${m} is on ${on.length} lines, not one`);
        else if (!on[0]!.includes(c.id) || !on[0]!.includes(c.doc))
          problems.push(`${c.doc}: field ${m} is not named together with clause ${c.id}`);
      }
    expect(problems, problems.join('\n')).toEqual([]);
    // No line per placeholder: no two lines for one field path.
    const paths = fieldLines.map((l) => /\(`([^`]+)`\)/.exec(l)?.[1]);
    expect(new Set(paths).size).toBe(fieldLines.length);
    expect(lines[lines.length - 1]).toMatch(
      /^Summary: examples\/incomplete\/draft-monitor\.yaml: \d+ missing fields keep \d+ clauses open/,
    );
    expect(r.stderr).not.toMatch(/ of (interface|port|entry) \d/);
  });

  it('is ranked by coverage --missing: each field once, the fields that unlock the most clauses first, with where it belongs', async () => {
    const r = await techfile(['coverage', DRAFT, '--diagnostics', 'json', '--missing'], ROOT);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as {
      missing: { path: string; clauses: string[]; documents: string[]; file: string; line: number | null }[];
    };
    const missing = report.missing;
    expect(missing.length).toBeGreaterThan(10);
    expect(new Set(missing.map((m) => m.path)).size).toBe(missing.length);
    for (let i = 1; i < missing.length; i++)
      expect(missing[i - 1]!.clauses.length).toBeGreaterThanOrEqual(missing[i]!.clauses.length);
    expect(missing[0]!.clauses.length).toBeGreaterThan(missing[missing.length - 1]!.clauses.length);
    // Every clause with missing data is unlocked by one of the listed fields.
    for (const c of coverage.clauses.filter((x) => x.status === 'tbd' && x.missing.length > 0))
      expect(
        missing.some((m) => m.clauses.includes(c.id)),
        c.id,
      ).toBe(true);
    // A field whose block exists points at the line of its nearest parent key.
    const ports = missing.find((m) => m.path.startsWith('network.interfaces[]'));
    expect(ports?.line).toBeGreaterThan(1);
    const text = await techfile(['coverage', DRAFT, '--missing'], ROOT);
    expect(text.stdout).toMatch(/^ {3}1\. examples\/incomplete\/draft-monitor\.yaml(:\d+:\d+)?: [A-Z].* is missing/m);
    expect(text.stdout.trimEnd().split('\n').pop()).toMatch(/^\d+ missing fields keep \d+ clauses open/);
  });

  it.skipIf(!hasPdftotext)(
    'is written as a draft without --final, with [TBD: placeholders in its PDF text',
    async () => {
      const out = tempDir('draft');
      const r = await techfile(['generate', DRAFT, '--out', out], ROOT);
      expect(r.code, r.stderr).toBe(0);
      expect(listFiles(out)).toEqual(draft.docTypes.flatMap((d) => outputNames(draft.productId, d)).sort());
      expect(r.stdout).toMatch(/\(\d+ TBD\)/);
      const withTbd = draft.docTypes.filter((d) => pdfText(join(out, draft.productId, `${d}.pdf`)).includes('[TBD:'));
      expect(withTbd.length).toBeGreaterThan(0);
      // Every document whose coverage has TBD clauses shows placeholders.
      for (const d of draft.docTypes)
        if (coverage.clauses.some((c) => c.doc === d && c.status === 'tbd' && c.missing.length > 0))
          expect(withTbd, d).toContain(d);
    },
  );
});
