import { describe, expect, it } from 'vitest';
import { buildMeta, dateFromEpoch, readDocumentControl } from '../../src/pipeline/document-meta.js';

const FILE = 'devices/pump.yaml';
const complete = { author: 'Ingrid Holm', approver: 'Dr. Mads Krogh', version: '0.3', status: 'In review' };

function control(data: Record<string, unknown>, epoch?: string, docType = 'secure-operation') {
  return readDocumentControl(data, docType, FILE, epoch);
}

describe('readDocumentControl: the date', () => {
  it('takes the date from the data even when SOURCE_DATE_EPOCH is set', () => {
    const r = control({ documents: { defaults: { ...complete, date: '2026-11-01' } } }, '86400');
    expect(r.diagnostics).toEqual([]);
    expect(r.value?.date).toBe('2026-11-01');
  });

  it('prefers the per-type date over the default date', () => {
    const r = control(
      { documents: { defaults: { ...complete, date: '2026-11-01' }, 'secure-operation': { date: '2027-01-15' } } },
      '0',
    );
    expect(r.value?.date).toBe('2027-01-15');
  });

  it('uses SOURCE_DATE_EPOCH (UTC) when the data has no date', () => {
    expect(control({ documents: { defaults: complete } }, '0').value?.date).toBe('1970-01-01');
    // One second before midnight UTC is still the same day, whatever the local time zone.
    expect(control({ documents: { defaults: complete } }, String(86400 * 2 - 1)).value?.date).toBe('1970-01-02');
    expect(control({ documents: { defaults: complete } }, ' 86400\n').value?.date).toBe('1970-01-02');
  });

  it('reports generate/missing-date with a field path and hints when neither gives a date', () => {
    for (const epoch of [undefined, '', 'yesterday', '-5', '1.5']) {
      const r = control({ documents: { defaults: complete } }, epoch, 'decommissioning');
      expect(r.value, `epoch ${String(epoch)}`).toBeUndefined();
      expect(r.diagnostics).toHaveLength(1);
      const d = r.diagnostics[0]!;
      expect(d.severity).toBe('error');
      expect(d.code).toBe('generate/missing-date');
      expect(d.fieldPath).toBe('documents.decommissioning.date');
      expect(d.source?.file).toBe(FILE);
      expect(d.message).toContain('decommissioning');
      expect(d.hints?.some((h) => h.includes('date:'))).toBe(true);
      // The hint names the document type's own block, where a date for this document alone goes.
      expect(d.hints?.some((h) => h.includes('`documents: decommissioning:`'))).toBe(true);
      expect(d.hints?.some((h) => h.includes('SOURCE_DATE_EPOCH'))).toBe(true);
    }
  });

  it('treats an empty date in the data as missing', () => {
    const r = control({ documents: { defaults: { ...complete, date: '  ' } } }, undefined);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['generate/missing-date']);
  });

  it('reads SOURCE_DATE_EPOCH as whole seconds only', () => {
    expect(dateFromEpoch(undefined)).toBeUndefined();
    expect(dateFromEpoch('1e9')).toBeUndefined();
    expect(dateFromEpoch('951782400')).toBe('2000-02-29');
  });
});

describe('readDocumentControl: per-type block over defaults', () => {
  const data = {
    documents: {
      language: 'de',
      defaults: { ...complete, date: '2026-11-01', number: 'DEFAULT-1' },
      'secure-operation': {
        number: 'GF-SO-001',
        version: '1.0',
        author: '',
        revisions: [{ version: '0.1', date: '2026-10-01', author: 'Ingrid Holm', description: 'First draft' }],
      },
    },
  };

  it('takes each key from the per-type block when supplied, else from the defaults', () => {
    const v = control(data).value!;
    expect(v.number).toBe('GF-SO-001');
    expect(v.version).toBe('1.0');
    // An empty per-type value is not supplied: the default shows through.
    expect(v.author).toBe('Ingrid Holm');
    expect(v.approver).toBe('Dr. Mads Krogh');
    expect(v.status).toBe('In review');
    expect(v.language).toBe('de');
    expect(v.revisions).toEqual([
      { version: '0.1', date: '2026-10-01', author: 'Ingrid Holm', description: 'First draft' },
    ]);
    expect(v.placeholders).toEqual([]);
  });

  it('does not leak one document type’s block into another', () => {
    const v = control(data, undefined, 'decommissioning').value!;
    expect(v.number).toBe('DEFAULT-1');
    expect(v.version).toBe('0.3');
    expect(v.revisions).toEqual([]);
  });

  it('defaults the status to Draft, the language to en, and leaves the number unset', () => {
    const v = control({
      documents: { defaults: { author: 'A', approver: 'B', version: '1', date: '2026-01-01' } },
    }).value!;
    expect(v.status).toBe('Draft');
    expect(v.language).toBe('en');
    expect('number' in v).toBe(false);
  });
});

describe('readDocumentControl: missing author, approver and version', () => {
  it('shows each as a visible TBD naming the per-type field, and counts it', () => {
    const v = control({ documents: { defaults: { date: '2026-11-01', author: 'Ingrid Holm' } } }).value!;
    expect(v.author).toBe('Ingrid Holm');
    expect(v.approver).toBe('[TBD: document approver (documents.secure-operation.approver)]');
    expect(v.version).toBe('[TBD: document version (documents.secure-operation.version)]');
    expect(v.placeholders.map((p) => p.field).sort()).toEqual([
      'documents.secure-operation.approver',
      'documents.secure-operation.version',
    ]);
  });

  it('counts author and approver when the data has no documents block at all but a build date', () => {
    const v = control({}, '0', 'ai-transparency').value!;
    expect(v.placeholders.map((p) => p.field)).toEqual(
      expect.arrayContaining(['documents.ai-transparency.author', 'documents.ai-transparency.approver']),
    );
    expect(v.author).toContain('documents.ai-transparency.author');
    expect(v.approver).toContain('documents.ai-transparency.approver');
  });
});

describe('buildMeta', () => {
  const ctl = readDocumentControl(
    { documents: { defaults: { ...complete, date: '2026-11-01' } } },
    'secure-operation',
    FILE,
    undefined,
  ).value!;
  const data = {
    product: { id: 'gf-x2', name: 'GlucoFlow X2', version: '2.4.0' },
    manufacturer: { name: 'Nordhavn Medical ApS' },
  };
  const frontMatter = { title: 'Secure Operation Instructions', keywords: ['MDR'] };

  it('marks drafts unless final, and carries product and control facts', () => {
    const draft = buildMeta({
      data,
      docType: 'secure-operation',
      control: ctl,
      frontMatter,
      number: 'GF-SO-001',
      final: false,
    });
    expect(draft.draft).toBe(true);
    expect(draft.documentNumber).toBe('GF-SO-001');
    expect(draft.productName).toBe('GlucoFlow X2');
    expect(draft.productVersion).toBe('2.4.0');
    expect(draft.manufacturer).toBe('Nordhavn Medical ApS');
    expect(draft.status).toBe('In review');
    // No subject in the front matter: the title stands in.
    expect(draft.subject).toBe('Secure Operation Instructions');
    expect(
      buildMeta({ data, docType: 'secure-operation', control: ctl, frontMatter, number: 'N', final: true }).draft,
    ).toBe(false);
  });

  it('omits optional facts the data does not have', () => {
    const meta = buildMeta({
      data: { product: { id: 'x', name: 'X' } },
      docType: 'secure-operation',
      control: ctl,
      frontMatter,
      number: 'N',
      final: false,
    });
    expect('productVersion' in meta).toBe(false);
    expect('audience' in meta).toBe(false);
    expect(meta.manufacturer).toBe('');
  });
});
