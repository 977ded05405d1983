/** `<!-- clauses: A, B -->` directives in a piece of template text, with their line offsets. */
export interface ClauseMention {
  readonly id: string;
  /** Lines after the first line of the text. */
  readonly lineOffset: number;
}

export const CLAUSES_COMMENT = /<!--\s*clauses:\s*([\s\S]*?)-->/g;

export function parseClauseList(list: string): string[] {
  return list
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export function clauseCommentIds(text: string): ClauseMention[] {
  const out: ClauseMention[] = [];
  for (const match of text.matchAll(CLAUSES_COMMENT)) {
    const lineOffset = text.slice(0, match.index).split('\n').length - 1;
    for (const id of parseClauseList(match[1] ?? '')) out.push({ id, lineOffset });
  }
  return out;
}
