import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ReferenceToConfirm } from '../regulatory/coverage.js';

/**
 * `--final` does not refuse a document for an unverified reference (the law it cites applies
 * either way), but a release must not go out without a writer having checked it: one warning
 * per product lists every such reference with the detail the documents leave out.
 */
export function unverifiedReferencesWarning(refs: readonly ReferenceToConfirm[], file: string): Diagnostic | undefined {
  if (refs.length === 0) return undefined;
  const list = refs.map(
    (r) => `${r.id} (printed as "${r.printed}"; catalogue: "${r.catalogueRef}"; in ${r.docs.join(', ')})`,
  );
  return {
    severity: 'warning',
    code: 'final/unverified-reference',
    message: `${refs.length === 1 ? 'one reference is' : `${refs.length} references are`} cited without detail the catalogue has not verified: ${list.join('; ')}`,
    source: { file },
    hints: [
      'check each against the official text; the documents cite only the part that is certain',
      '`techfile coverage <file>` lists them under "References to confirm"',
    ],
  };
}
