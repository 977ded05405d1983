/**
 * Fixed words the renderer itself writes (title page, header, boxes). English only for now; the
 * PDF renderer should use the same words so both formats of one document agree.
 */
export const LABELS = {
  documentControl: 'Document control',
  revisionHistory: 'Revision history',
  documentNumber: 'Document number',
  version: 'Version',
  status: 'Status',
  date: 'Date',
  author: 'Author',
  approver: 'Approver',
  product: 'Product',
  manufacturer: 'Manufacturer',
  audience: 'Audience',
  description: 'Description',
  page: 'Page',
  of: 'of',
  draft: 'DRAFT \u2014 not approved for use',
  notStated: '\u2014',
} as const;

export function admonitionLabel(kind: 'note' | 'warning'): string {
  return kind === 'note' ? 'Note' : 'Warning';
}
