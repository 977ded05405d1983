import { describe, expect, it } from 'vitest';
import { partialCycles, type Inclusion } from '../../src/templates/partial-cycles.js';

const at = (file: string, line: number) => ({ file, range: { start: { line, column: 1 }, end: { line, column: 10 } } });
const inc = (from: string, name: string, line: number): Inclusion => ({ from, name, at: at(`${from}.md`, line) });

describe('partialCycles', () => {
  it('finds a partial that includes itself, at the inclusion', () => {
    const d = partialCycles([inc('doc', 'doc/a', 3), inc('doc/a', 'doc/a', 7)]);
    expect(d.map((x) => [x.code, x.source?.file, x.source?.range?.start.line])).toEqual([['template/partial-cycle', 'doc/a.md', 7]]);
    expect(d[0]!.message).toContain('includes itself');
  });

  it('finds a circle through several partials once, naming each', () => {
    const d = partialCycles([inc('doc', 'p/a', 1), inc('p/a', 'p/b', 2), inc('p/b', 'p/c', 3), inc('p/c', 'p/a', 4), inc('doc2', 'p/b', 1)]);
    expect(d).toHaveLength(1);
    expect(d[0]!.message).toContain('p/a → p/b → p/c → p/a');
  });

  it('accepts a partial included from many places without a circle', () => {
    expect(partialCycles([inc('doc', 'p/a', 1), inc('doc', 'p/b', 2), inc('p/a', 'p/c', 1), inc('p/b', 'p/c', 1)])).toEqual([]);
  });
});
