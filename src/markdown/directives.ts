import { parseClauseList } from '../contract/clause-comments.js';

/** The HTML comments techfile understands; anything else in raw HTML is dropped with a warning. */
export type Directive =
  | { readonly kind: 'toc' }
  | { readonly kind: 'pagebreak' }
  | { readonly kind: 'clauses'; readonly ids: readonly string[] }
  | { readonly kind: 'widths'; readonly widths: readonly number[] };

export function parseDirective(html: string): Directive | undefined {
  const match = /^<!--\s*([\s\S]*?)\s*-->$/.exec(html.trim());
  if (!match) return undefined;
  const body = match[1] ?? '';
  if (/^toc$/i.test(body)) return { kind: 'toc' };
  if (/^pagebreak$/i.test(body)) return { kind: 'pagebreak' };
  const clauses = /^clauses:\s*([\s\S]*)$/i.exec(body);
  if (clauses) return { kind: 'clauses', ids: parseClauseList(clauses[1] ?? '') };
  const widths = /^widths:\s*([\d.,\s]+)$/i.exec(body);
  if (widths) {
    const values = (widths[1] ?? '').split(',').map((w) => Number(w.trim()));
    if (values.every((w) => w > 0)) return { kind: 'widths', widths: values };
  }
  return undefined;
}
