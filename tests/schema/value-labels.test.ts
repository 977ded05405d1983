import { describe, expect, it } from 'vitest';
import { valueLabel } from '../../src/schema/value-labels.js';
import { toModel } from '../templates/helpers.js';
import { inlineText } from '../../src/model/text.js';

describe('valueLabel', () => {
  it('translates coded values of enumerated fields', () => {
    expect(valueLabel('network.interfaces[0].type', 'bluetooth-le')).toBe('Bluetooth LE');
    expect(valueLabel('network.ports[3].direction', 'out')).toBe('Outbound');
    expect(valueLabel('regulatory.legal_basis[1]', 'AI-Act')).toBe('AI Act');
  });

  it('leaves free text alone even when it equals a code', () => {
    expect(valueLabel('product.name', 'out')).toBeUndefined();
    expect(valueLabel('network.interfaces[0].purpose', 'bluetooth-le')).toBeUndefined();
  });

  it('leaves codes without a reader-facing form as written', () => {
    expect(valueLabel('regulatory.medical_device.class', 'IIb')).toBeUndefined();
  });
});

describe('coded values in templates', () => {
  it('prints the label in prose, tables and joins, but compares the code', () => {
    const data = { network: { interfaces: [{ type: 'wifi' }, { type: 'usb' }] } };
    const { blocks } = toModel(
      '{{#each network.interfaces}}{{type}}{{#if (eq type "usb")}}!{{/if}} {{/each}}\n\n{{join network.interfaces "type"}}\n',
      data,
      {},
      { valueLabel },
    );
    const texts = blocks.map((b) => (b.type === 'paragraph' ? inlineText(b.children) : ''));
    expect(texts).toEqual(['Wi-Fi USB!', 'Wi-Fi and USB']);
  });
});
