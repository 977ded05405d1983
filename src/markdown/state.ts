import type { Nodes } from 'mdast';

/** Anything with an mdast position: a node, or a place the parser reports (parse.ts). */
type Positioned = Pick<Nodes, 'position'>;
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceRef } from '../source/position.js';

/** Shared by all handlers of one conversion: where nodes came from, and the warnings so far. */
export interface State {
  readonly diagnostics: Diagnostic[];
  at(node: Positioned): SourceRef;
  warn(code: string, message: string, node: Positioned, hints?: readonly string[]): void;
  report(
    severity: 'error' | 'warning',
    code: string,
    message: string,
    node: Positioned,
    hints?: readonly string[],
  ): void;
}

export function createState(origin: string, lines: readonly SourceRef[] | undefined): State {
  const diagnostics: Diagnostic[] = [];
  const at = (node: Positioned): SourceRef => {
    const line = node.position?.start.line ?? 1;
    const mapped = lines?.[line - 1];
    if (mapped) return mapped;
    const column = node.position?.start.column ?? 1;
    return { file: origin, range: { start: { line, column }, end: { line, column } } };
  };
  const report: State['report'] = (severity, code, message, node, hints = []) => {
    diagnostics.push({ severity, code, message, source: at(node), hints });
  };
  return {
    diagnostics,
    at,
    warn: (code, message, node, hints = []) => report('warning', code, message, node, hints),
    report,
  };
}
