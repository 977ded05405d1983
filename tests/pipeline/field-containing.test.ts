import { describe, expect, it } from 'vitest';
import { fieldContaining } from '../../src/pipeline/field-containing.js';

describe('the data field a printed character was written in', () => {
  const data = {
    product: { id: 'p', name: 'PulseBand 🫀 3', model: 'VW 脉搏' },
    network: { ports: [{ name: 'http' }, { name: 'ws 脉' }] },
  };

  it('names the first field, in the order written, whose text contains it', () => {
    expect(fieldContaining(data, '🫀')).toBe('product.name');
    expect(fieldContaining(data, '脉')).toBe('product.model');
    expect(fieldContaining({ network: data.network }, '脉')).toBe('network.ports[1].name');
  });

  it('finds nothing for text that is not in the data (a template wrote it)', () => {
    expect(fieldContaining(data, '中')).toBeUndefined();
    expect(fieldContaining({ n: 3, b: true, z: null }, '3')).toBeUndefined();
  });
});
