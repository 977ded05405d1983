import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPath, parsePath, pointerToPath } from '../../src/data/path.js';

describe('field paths', () => {
  it('formats paths the way writers read them', () => {
    expect(formatPath(['network', 'ports', 2, 'port'])).toBe('network.ports[2].port');
    expect(formatPath(['documents', 'secure-operation', 'number'])).toBe('documents.secure-operation.number');
    expect(formatPath(['a', 'x.y'])).toBe('a["x.y"]');
    expect(formatPath([])).toBe('');
  });

  it('parses what formatPath writes, for any keys', () => {
    const segment = fc.oneof(fc.string({ minLength: 1, maxLength: 8 }), fc.nat(50));
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 5 }), (path) => {
        fc.pre(typeof path[0] === 'string');
        expect(parsePath(formatPath(path))).toEqual(path);
      }),
      { numRuns: 500 },
    );
    expect(parsePath(formatPath(['a', 'x"]y', 'b']))).toEqual(['a', 'x"]y', 'b']);
  });

  it('accepts records by id and dotted indices on the command line', () => {
    expect(parsePath('security.capabilities[automatic_logoff].enabled')).toEqual(['security', 'capabilities', { id: 'automatic_logoff' }, 'enabled']);
    expect(parsePath('network.ports.0.port')).toEqual(['network', 'ports', 0, 'port']);
    expect(parsePath('a..b')).toEqual(['a', 'b']);
    expect(parsePath('a[')).toBeUndefined();
    expect(parsePath('.a')).toBeUndefined();
  });

  it('turns Ajv pointers into paths with indices only where the data has lists', () => {
    const data = { a: { '0': { b: [1, 2] } } };
    expect(pointerToPath('/a/0/b/1', data)).toEqual(['a', '0', 'b', 1]);
    expect(pointerToPath('/x~1y/z~0', {})).toEqual(['x/y', 'z~']);
  });
});
