import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceRef } from '../source/position.js';

/** `{{> name}}` written in the template `from` (a partial name, or `<doc-type>` for document.md). */
export interface Inclusion {
  readonly from: string;
  readonly name: string;
  readonly at: SourceRef;
}

/**
 * A partial that includes itself, directly or through others, would recurse until the
 * stack runs out while a document is built. Found here, once per cycle, at the inclusion
 * that closes it, as a template error with its file, line and column.
 */
export function partialCycles(inclusions: readonly Inclusion[]): Diagnostic[] {
  const edges = new Map<string, Inclusion[]>();
  for (const inc of inclusions) edges.set(inc.from, [...(edges.get(inc.from) ?? []), inc]);
  const diagnostics: Diagnostic[] = [];
  const reported = new Set<string>();
  const state = new Map<string, 'active' | 'done'>();
  const stack: Inclusion[] = [];
  const visit = (node: string): void => {
    state.set(node, 'active');
    for (const inc of edges.get(node) ?? []) {
      const s = state.get(inc.name);
      if (s === 'active') {
        const start = stack.findIndex((e) => e.from === inc.name);
        const loop = [...stack.slice(start < 0 ? stack.length : start), inc];
        const key = [...loop.map((e) => e.from)].sort().join('|');
        if (!reported.has(key)) {
          reported.add(key);
          const names = [...loop.map((e) => e.from), inc.name];
          diagnostics.push({
            severity: 'error',
            code: 'template/partial-cycle',
            message: names.length === 2 ? `partial \`${inc.name}\` includes itself` : `partials include each other in a circle: ${names.join(' → ')}`,
            source: inc.at,
            hints: ['remove this `{{> …}}` line: a partial cannot contain itself'],
            trace: names,
          });
        }
      } else if (s === undefined) {
        stack.push(inc);
        visit(inc.name);
        stack.pop();
      }
    }
    state.set(node, 'done');
  };
  for (const from of [...edges.keys()].sort()) if (!state.has(from)) visit(from);
  return diagnostics;
}
