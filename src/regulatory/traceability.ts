import type { Block, Inline, TableCell, TableRow } from '../model/nodes.js';
import type { CoverageEntry, CoverageReport } from './coverage.js';

const text = (value: string): Inline => ({ type: 'text', value });
const cell = (children: Inline[]): TableCell => ({ type: 'tableCell', children });
const row = (cells: Inline[][]): TableRow => ({ type: 'tableRow', cells: cells.map(cell) });

function statusCell(e: CoverageEntry): Inline[] {
  switch (e.status) {
    case 'addressed':
      return [{ type: 'strong', children: [text('Addressed')] }];
    case 'tbd':
      return [
        { type: 'strong', children: [text('TBD')] },
        text(e.missing.length > 0 ? `: missing ${e.missing.join(', ')}` : `: ${e.reason}`),
      ];
    case 'not-applicable':
      return [text(`Not applicable: ${e.reason}`)];
  }
}

function referenceCell(e: CoverageEntry): Inline[] {
  // Never present an unverified catalogue item as law.
  return e.verified === 'unverified' ? [text(e.ref), text(' (reference not verified)')] : [text(e.ref)];
}

function sectionCell(e: CoverageEntry): Inline[] {
  if (e.section === null || e.sectionId === null) return [text('—')];
  return [{ type: 'link', url: `#${e.sectionId}`, children: [text(e.section)] }];
}

/**
 * The traceability appendix every document ends with: each catalogue clause of the
 * document type, where it is addressed and its status.
 */
export function traceabilityAppendix(report: CoverageReport): Block[] {
  const s = report.summary;
  return [
    { type: 'pageBreak' },
    { type: 'heading', depth: 1, id: 'traceability', clauses: [], children: [text('Traceability to regulatory requirements')] },
    {
      type: 'paragraph',
      children: [
        text(
          `This appendix lists every requirement of the techfile clause catalogue that belongs to this document type, ` +
            `the section that addresses it and its status: ${s.addressed} addressed, ` +
            `${s.tbd > 0 ? `${s.tbd} to be completed (TBD), ` : ''}` +
            `${s.notApplicable} not applicable; ${s.percent} % of the applicable requirements are addressed. ` +
            `Requirement texts are paraphrased in the catalogue; the official reference is authoritative.`,
        ),
      ],
    },
    {
      type: 'table',
      columns: [
        { align: 'left', width: 2.2 },
        { align: 'left', width: 3 },
        { align: 'left', width: 2.6 },
        { align: 'left', width: 3.2 },
      ],
      headerRows: 1,
      rows: [
        row([[text('Clause')], [text('Reference')], [text('Section')], [text('Status')]]),
        ...report.entries.map((e) => row([[text(e.id)], referenceCell(e), sectionCell(e), statusCell(e)])),
      ],
    },
  ];
}
