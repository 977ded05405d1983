import { describe, expect, it } from 'vitest';
import { valueWording } from '../../src/schema/value-wording.js';
import { toModel } from '../templates/helpers.js';
import { inlineText } from '../../src/model/text.js';

describe('valueWording', () => {
  it('translates coded values of enumerated fields', () => {
    expect(valueWording('network.interfaces[0].type', 'bluetooth-le')).toBe('Bluetooth LE');
    expect(valueWording('network.ports[3].direction', 'out')).toBe('Outbound');
    expect(valueWording('regulatory.legal_basis[1]', 'AI-Act')).toBe('AI Act');
  });

  it('leaves free text alone even when it equals a code', () => {
    expect(valueWording('product.name', 'out')).toBeUndefined();
    expect(valueWording('network.interfaces[0].purpose', 'bluetooth-le')).toBeUndefined();
  });

  it('names the languages of a language list written as BCP 47 tags, and leaves names and unknown tags as written', () => {
    expect(valueWording('user_info.languages[0]', 'da')).toBe('Danish');
    expect(valueWording('ai.ifu.languages[2]', 'pt-BR')).toBe('Brazilian Portuguese');
    expect(valueWording('user_info.languages[1]', 'German')).toBeUndefined();
    expect(valueWording('user_info.languages[1]', 'qq')).toBeUndefined();
    // A single language field reads the same way.
    expect(valueWording('techdoc.language', 'de')).toBe('German');
    expect(valueWording('techdoc.language', 'en')).toBe('English');
    expect(valueWording('techdoc.language', 'Deutsch')).toBeUndefined();
    // Only items of a language list: a code elsewhere is free text.
    expect(valueWording('product.name', 'da')).toBeUndefined();
    const { blocks } = toModel(
      '{{join user_info.languages}}\n',
      { user_info: { languages: ['en', 'de', 'Irish'] } },
      {},
      { valueWording },
    );
    expect(blocks.map((b) => (b.type === 'paragraph' ? inlineText(b.children) : ''))).toEqual([
      'English, German and Irish',
    ]);
  });

  it('leaves codes without a reader-facing form as written', () => {
    expect(valueWording('regulatory.medical_device.class', 'IIb')).toBeUndefined();
  });
});

describe('coded values in templates', () => {
  it('prints the label in prose, tables and joins, but compares the code', () => {
    const data = { network: { interfaces: [{ type: 'wifi' }, { type: 'usb' }] } };
    const { blocks } = toModel(
      '{{#each network.interfaces}}{{type}}{{#if (eq type "usb")}}!{{/if}} {{/each}}\n\n{{join network.interfaces "type"}}\n',
      data,
      {},
      { valueWording },
    );
    const texts = blocks.map((b) => (b.type === 'paragraph' ? inlineText(b.children) : ''));
    expect(texts).toEqual(['Wi-Fi USB!', 'Wi-Fi and USB']);
  });
});
