import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/model/nodes.js';
import { appendPrepared, prepareBlocks } from '../../src/transform/prepare.js';

/** Headings (some nested in lists and admonitions, some with repeated ids) and page breaks. */
const heading = fc.record({
  type: fc.constant('heading' as const),
  depth: fc.constantFrom<1 | 2 | 3 | 4>(1, 2, 3, 4),
  id: fc.constantFrom('scope', 'scope-2', 'use', 'traceability'),
  clauses: fc.constant([] as string[]),
  children: fc.constant([]),
});
const block: fc.Arbitrary<Block> = fc.oneof(
  heading,
  fc.constant({ type: 'pageBreak' }),
  heading.map((h): Block => ({ type: 'admonition', kind: 'note', children: [h] })),
);

describe('appendPrepared (the traceability appendix as a transform pass)', () => {
  it('gives what preparing the whole document at once gives, without preparing the body again', () => {
    fc.assert(
      fc.property(fc.array(block, { maxLength: 12 }), fc.array(block, { maxLength: 8 }), (body, more) => {
        const prepared = prepareBlocks(body);
        const appended = appendPrepared(prepared, more);
        expect(appended).toEqual(prepareBlocks([...body, ...more]));
        // The body's blocks are kept as they are, not transformed again.
        prepared.forEach((b, i) => expect(appended[i]).toBe(b));
      }),
    );
  });

  it('numbers appended sections after the body and keeps their ids apart from it', () => {
    const h = (depth: 1 | 2, id: string): Block => ({ type: 'heading', depth, id, clauses: [], children: [] });
    const out = appendPrepared(prepareBlocks([h(1, 'scope'), h(2, 'use'), h(1, 'risks')]), [
      h(1, 'scope'),
      h(2, 'scope'),
    ]);
    expect(out.slice(3).map((b) => (b.type === 'heading' ? `${b.number ?? ''} ${b.id}` : b.type))).toEqual([
      '3 scope-2',
      '3.1 scope-3',
    ]);
  });
});
