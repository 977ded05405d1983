import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Rule } from './rule.js';
import { isoDate } from './rule.js';
import { getAt, isRecord } from '../../source/field-path.js';

const DOC_TYPES = ['cyber-techdoc', 'secure-operation', 'decommissioning', 'ai-transparency'] as const;

/**
 * A revision history entry dated after the document it belongs to is a typo or a copied
 * history: the issued document would list a revision that did not exist when it was issued.
 * Only dates written in the data count (a date from SOURCE_DATE_EPOCH is not known here).
 */
export const revisionAfterDocument: Rule = (data, ctx) => {
  const out: Diagnostic[] = [];
  const fallback = isoDate(getAt(data, ['documents', 'defaults', 'date']));
  for (const doc of DOC_TYPES) {
    const docDate = isoDate(getAt(data, ['documents', doc, 'date'])) ?? fallback;
    const revisions = getAt(data, ['documents', doc, 'revisions']);
    if (docDate === undefined || !Array.isArray(revisions)) continue;
    revisions.forEach((revision: unknown, i) => {
      if (!isRecord(revision)) return;
      const date = isoDate(revision['date']);
      if (date === undefined || date <= docDate) return;
      const version = typeof revision['version'] === 'string' ? ` ${revision['version']}` : '';
      out.push(
        ctx.at(['documents', doc, 'revisions', i, 'date'], {
          severity: 'warning',
          code: 'data/revision-after-document',
          message: `revision${version} of the ${doc} document is dated ${date}, after the document's own date (${docDate})`,
          hints: [
            `correct the revision date, or set \`documents.${doc}.date\` (or \`documents.defaults.date\`) to the date of this issue`,
          ],
        }),
      );
    });
  }
  return out;
};
