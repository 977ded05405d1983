import { describe, expect, it } from 'vitest';
import type { BuiltDocument } from '../../src/pipeline/build-document.js';
import {
  clausesNeeding,
  finalCheck,
  finalReport,
  formatFinalReport,
  type Locate,
} from '../../src/pipeline/final-check.js';
import type { Catalogue, Clause } from '../../src/regulatory/catalogue.js';
import type { ClauseStatus, CoverageEntry } from '../../src/regulatory/coverage.js';
import type { SourceRef } from '../../src/source/position.js';
import { sampleMeta } from '../fixtures/sample-model.js';

const FILE = 'devices/pump.yaml';
const DOC = 'secure-operation';

function clause(id: string, fields: string[], doc: string[] = [DOC]): Clause {
  return { id, instrument: 'CRA', ref: `ref of ${id}`, summary: '', doc, fields, verified: 'legal-text' };
}

/** A small catalogue: two clauses need the same field, one of them never applies to this product. */
const clauses = [
  clause('CRA-A', ['security.controls.authentication']),
  clause('MDCG-B', ['security.controls']),
  clause('CRA-NA', ['security.controls.authentication']),
  clause('OTHER-DOC', ['security.controls.authentication'], ['decommissioning']),
  clause('NET-P', ['network.ports[].purpose']),
  clause('UNRELATED', ['support_period.end_date']),
  clause('NO-SECTION', []),
];
const catalogue: Catalogue = { instruments: [], clauses, byId: new Map(clauses.map((c) => [c.id, c])) };

function entry(id: string, status: ClauseStatus, missing: string[] = []): CoverageEntry {
  return {
    id,
    doc: DOC,
    ref: `ref of ${id}`,
    verified: 'legal-text',
    status,
    section: status === 'addressed' ? '4.2 Authentication' : null,
    sectionId: null,
    missing,
    reason: status === 'not-applicable' ? 'the product has no network interface' : 'no section cites this clause',
  };
}

function built(entries: CoverageEntry[], placeholders: { field: string; label: string }[]): BuiltDocument {
  const summary = {
    doc: DOC,
    addressed: 0,
    tbd: 0,
    notApplicable: 0,
    percent: 0,
  } as BuiltDocument['coverage']['summary'];
  return {
    document: { type: 'document', meta: { ...sampleMeta, docType: DOC }, children: [] },
    coverage: { entries, summary },
    placeholders,
    annexPlaceholders: 0,
  };
}

const AUTH = 'security.controls.authentication';
const entries = [
  entry('CRA-A', 'tbd', [AUTH]),
  entry('MDCG-B', 'addressed'),
  entry('CRA-NA', 'not-applicable'),
  entry('NET-P', 'addressed'),
  entry('UNRELATED', 'addressed'),
];

describe('clausesNeeding', () => {
  it('finds clauses of the document type whose fields are the path, below it or above it', () => {
    expect(clausesNeeding(catalogue, DOC, AUTH).sort()).toEqual(['CRA-A', 'CRA-NA', 'MDCG-B']);
    expect(clausesNeeding(catalogue, DOC, 'security').sort()).toEqual(['CRA-A', 'CRA-NA', 'MDCG-B']);
    expect(clausesNeeding(catalogue, 'decommissioning', AUTH)).toEqual(['OTHER-DOC']);
  });

  it('maps a data path with an index onto the catalogue’s list spelling', () => {
    expect(clausesNeeding(catalogue, DOC, 'network.ports[2].purpose')).toEqual(['NET-P']);
  });
});

describe('finalCheck', () => {
  it('passes a document without placeholders or open clauses', () => {
    expect(finalCheck(built([entry('CRA-A', 'addressed')], []), catalogue, FILE)).toEqual([]);
  });

  it('reports a field needed by two applicable clauses once, naming both, and never a not-applicable clause', () => {
    const out = finalCheck(built(entries, [{ field: AUTH, label: 'authentication method' }]), catalogue, FILE);
    const forField = out.filter((d) => d.fieldPath === AUTH);
    expect(forField).toHaveLength(1);
    const d = forField[0]!;
    expect(d.severity).toBe('error');
    expect(d.code).toBe('final/tbd');
    // Named by the schema's label of the field, the same in every document.
    expect(d.message).toContain('authentication of the security controls');
    expect(d.message).toContain('CRA-A');
    expect(d.message).toContain('MDCG-B');
    expect(d.message).not.toContain('CRA-NA');
    expect(d.message).not.toContain('OTHER-DOC');
    expect(d.hints?.some((h) => h.includes(AUTH) && h.includes(FILE))).toBe(true);
    expect(out.some((x) => x.message.includes('CRA-NA'))).toBe(false);
  });

  it('reports a TBD clause without missing fields as an unaddressed clause', () => {
    const out = finalCheck(built([entry('NO-SECTION', 'tbd'), entry('CRA-NA', 'not-applicable')], []), catalogue, FILE);
    expect(out.map((d) => d.code)).toEqual(['final/clause-tbd', 'final/summary']);
    expect(out[0]!.message).toContain('NO-SECTION');
    expect(out[0]!.message).toContain('ref of NO-SECTION');
    expect(out[0]!.source).toEqual({ file: FILE });
  });

  it('reports a placeholder no clause needs, without a clause list', () => {
    const out = finalCheck(
      built([], [{ field: 'documents.secure-operation.approver', label: 'document approver' }]),
      catalogue,
      FILE,
    );
    expect(out.map((d) => d.code)).toEqual(['final/tbd', 'final/summary']);
    expect(out[0]!.message).toContain('approver of the secure-operation');
    expect(out[0]!.message).toContain(
      'no applicable clause needs it, but it is shown as TBD in 1 document (secure-operation)',
    );
  });
});

describe('finalCheck: where the error points', () => {
  const at = (line: number): SourceRef => ({
    file: FILE,
    range: { start: { line, column: 3 }, end: { line, column: 9 } },
  });

  it('points at the field itself when the data has it', () => {
    const locate: Locate = (p) => (p === AUTH ? at(40) : p === 'security' ? at(30) : undefined);
    const [d] = finalCheck(built([], [{ field: AUTH, label: 'authentication' }]), catalogue, FILE, locate);
    expect(d?.source).toEqual(at(40));
  });

  it('falls back to the nearest existing parent', () => {
    const asked: string[] = [];
    const locate: Locate = (p) => {
      asked.push(p);
      return p === 'network.ports' ? at(12) : p === 'network' ? at(10) : undefined;
    };
    const [d] = finalCheck(
      built([], [{ field: 'network.ports[2].purpose', label: 'port purpose' }]),
      catalogue,
      FILE,
      locate,
    );
    expect(d?.source).toEqual(at(12));
    expect(asked).toEqual(['network.ports[2].purpose', 'network.ports[2]', 'network.ports']);
  });

  it('falls back to the file when nothing on the path exists', () => {
    const [d] = finalCheck(built([], [{ field: AUTH, label: 'authentication' }]), catalogue, FILE, () => undefined);
    expect(d?.source).toEqual({ file: FILE });
    const [e] = finalCheck(built([], [{ field: AUTH, label: 'authentication' }]), catalogue, FILE);
    expect(e?.source).toEqual({ file: FILE });
  });
});

describe('finalReport: one line per missing field for the whole product, ranked', () => {
  const gapsOf = (doc: string, entries: CoverageEntry[], placeholders: { field: string; label: string }[]) => ({
    doc,
    entries: entries.map((e) => ({ ...e, doc: doc as CoverageEntry['doc'] })),
    placeholders,
  });

  it('reports a field missing in several documents and several records once, with counts and where it belongs', () => {
    const locate: Locate = (p) =>
      p === 'network.ports'
        ? { file: FILE, range: { start: { line: 12, column: 3 }, end: { line: 12, column: 9 } } }
        : undefined;
    const ports = [0, 1, 2].map((i) => ({
      field: `network.ports[${i}].purpose`,
      label: `purpose of network port ${i + 1}`,
    }));
    const out = finalReport(
      [
        gapsOf(
          DOC,
          [
            entry('NET-P', 'tbd', ['network.ports[0].purpose', 'network.ports[1].purpose']),
            entry('CRA-A', 'tbd', [AUTH]),
          ],
          ports,
        ),
        gapsOf(
          'decommissioning',
          [entry('OTHER-DOC', 'tbd', [AUTH])],
          [{ field: AUTH, label: 'authentication method' }],
        ),
      ],
      catalogue,
      FILE,
      locate,
    );
    const fields = out.filter((d) => d.code === 'final/tbd');
    expect(fields.map((d) => d.fieldPath)).toEqual([AUTH, 'network.ports[].purpose']);
    expect(fields[0]!.message).toContain(
      '2 clauses need it (CRA-A and OTHER-DOC) in 2 documents (secure-operation and decommissioning)',
    );
    expect(fields[1]!.message).toMatch(
      /is missing in 3 entries; 1 clause needs it \(NET-P\) in 1 document \(secure-operation\)$/,
    );
    expect(fields[1]!.source?.range?.start.line).toBe(12);
    expect(out[out.length - 1]!.code).toBe('final/summary');
    expect(out[out.length - 1]!.message).toContain('2 missing fields keep 3 clauses open');
  });

  it('prints one line per field and a summary line, never one per placeholder', () => {
    const placeholders = Array.from({ length: 20 }, (_, i) => ({
      field: `network.ports[${i}].purpose`,
      label: `purpose of network port ${i + 1}`,
    }));
    const out = finalReport([gapsOf(DOC, [entry('NET-P', 'addressed')], placeholders)], catalogue, FILE);
    const text = formatFinalReport(out).split('\n');
    expect(text).toHaveLength(2);
    expect(text[0]).toMatch(
      /^devices\/pump\.yaml: error\[final\/tbd\]: .*\(`network\.ports\[\]\.purpose`\) is missing in 20 entries/,
    );
    expect(text[1]).toMatch(/^Summary: devices\/pump\.yaml: 1 missing field keeps 1 clause open\.$/);
  });

  it('reads as sentences: no "of interface 3" fragments, counts agree in number', () => {
    const out = finalReport(
      [
        gapsOf(
          DOC,
          [entry('NET-P', 'addressed')],
          [{ field: 'network.ports[0].purpose', label: 'purpose of network port 1' }],
        ),
      ],
      catalogue,
      FILE,
    );
    const line = formatFinalReport(out).split('\n')[0]!;
    expect(line).not.toMatch(/port 1\b/);
    expect(line).toContain('purpose of each network port');
    expect(line).toContain('1 clause needs it');
  });
});
