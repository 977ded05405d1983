import { describe, expect, it } from 'vitest';
import { documentControlRows, type TitleFacts } from '../../src/render/captions.js';

const facts: TitleFacts = {
  documentNumber: 'GF-SO-001-TR',
  version: '1.2',
  status: 'Released',
  date: '2026-11-02',
  author: 'A. Author',
  approver: 'B. Approver',
  productName: 'GlucoFlow X2',
  productId: 'glucoflow-x2',
  manufacturer: 'Nordhavn Medical ApS',
  revisions: [],
};

describe('document control of a companion record', () => {
  it('names the document it is evidence for, with number and version, right after its own number', () => {
    const rows = documentControlRows({
      ...facts,
      relatedDocument: { number: 'GF-SO-001', version: '1.2', title: 'Secure operation instructions' },
    });
    expect(rows[0]).toEqual(['Document number', 'GF-SO-001-TR']);
    expect(rows[1]).toEqual(['Evidence for', 'GF-SO-001, version 1.2: Secure operation instructions']);
  });

  it('has no such row for a document that stands alone', () => {
    expect(documentControlRows(facts).map(([label]) => label)).not.toContain('Evidence for');
  });
});
