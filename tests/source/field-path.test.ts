import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatPath,
  getPath,
  parsePath,
  pathTokens,
  pointerToPath,
  toCataloguePath,
} from '../../src/source/field-path.js';
import { answerField, getPath as regulatoryGetPath } from '../../src/regulatory/data-path.js';

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
    expect(parsePath('security.capabilities[automatic_logoff].enabled')).toEqual([
      'security',
      'capabilities',
      { id: 'automatic_logoff' },
      'enabled',
    ]);
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

  it('reads the catalogue notation into keys and list selectors: every record, a position, an id', () => {
    expect(pathTokens('a.b[].c[2][x_y].d')).toEqual([
      { kind: 'key', key: 'a' },
      { kind: 'key', key: 'b' },
      { kind: 'item', selector: '' },
      { kind: 'key', key: 'c' },
      { kind: 'item', selector: '2' },
      { kind: 'item', selector: 'x_y' },
      { kind: 'key', key: 'd' },
    ]);
    expect(pathTokens('a["x.y"]')).toEqual([
      { kind: 'key', key: 'a' },
      { kind: 'key', key: 'x.y', quoted: true },
    ]);
    // A whole list is a catalogue field, not one value the command line can show.
    expect(parsePath('network.ports[].port')).toBeUndefined();
    expect(toCataloguePath(formatPath(['network', 'ports', 2, 'port']))).toBe('network.ports[].port');
  });

  it('reads own keys only, in every stage', () => {
    const data = { product: { name: 'X2' } };
    expect(getPath(data, 'product.name')).toBe('X2');
    for (const path of ['product.constructor', 'product.toString', '__proto__', 'product.hasOwnProperty']) {
      expect(getPath(data, path), path).toBeUndefined();
      expect(regulatoryGetPath(data, path), path).toBeUndefined();
    }
    // An inherited key is missing data, not a supplied value.
    expect(answerField(data, 'product.constructor').missing).toEqual(['product.constructor']);
  });
});
