import { describe, expect, it } from 'vitest';
import type { Document } from '../../src/model/nodes.js';
import { inlineText, walkBlocks } from '../../src/model/text.js';
import { buildDraft } from './example-documents.js';

/**
 * Every document that names the manufacturer of a device made outside the Union also names its EU
 * authorised representative (MDR Art. 11(1)); and the technical documentation names its language.
 */

const REP = 'EU Rep B.V.';
const REP_ADDRESS = 'Keizersgracht 1, Amsterdam, NL';

function device(country: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    product: { id: 'us-maker-pump', name: 'Yankee Pump', lay_users: false },
    regulatory: {
      markets: ['EU', 'US'],
      medical_device: { regulation: 'MDR', class: 'IIb', notified_body: { name: 'NB', number: '0197' } },
      legal_basis: ['MDR'],
      ai_act: { ai_system: false },
    },
    manufacturer: { name: 'Yankee Devices Inc.', country },
    authorised_rep: { name: REP, address: REP_ADDRESS },
    documents: { defaults: { date: '2026-11-02' } },
    ...extra,
  };
}

const build = buildDraft;

function text(doc: Document): string {
  const out: string[] = [];
  for (const b of walkBlocks(doc.children)) {
    if (b.type === 'paragraph' || b.type === 'heading') out.push(inlineText(b.children));
    if (b.type === 'table') for (const row of b.rows) for (const cell of row.cells) out.push(inlineText(cell.children));
  }
  return out.join('\n');
}

describe('the EU authorised representative of a manufacturer outside the Union', () => {
  it.each(['cyber-techdoc', 'secure-operation', 'decommissioning'] as const)(
    'is named with its address in %s',
    (docType) => {
      const t = text(build(device('US'), docType));
      expect(t).toContain(REP);
      expect(t).toContain(REP_ADDRESS);
    },
  );

  it.each(['secure-operation', 'decommissioning'] as const)('is named in the lay guide of %s', (docType) => {
    const data = device('US');
    (data['product'] as Record<string, unknown>)['lay_users'] = true;
    expect(text(build(data, docType))).toContain(`authorised representative in the European Union is ${REP}`);
  });

  it('is asked for (a TBD) in the technical documentation when the data does not name it', () => {
    const data = device('US');
    delete data['authorised_rep'];
    expect(text(build(data, 'cyber-techdoc'))).toMatch(
      /Authorised representative in the European Union\n\[TBD: [^\]]*\(authorised_rep\.name\)\]/,
    );
  });

  it.each(['cyber-techdoc', 'decommissioning'] as const)(
    'is not named for a manufacturer in the Union (%s)',
    (docType) => {
      const data = device('SE');
      delete data['authorised_rep'];
      expect(text(build(data, docType))).not.toMatch(/authorised representative/i);
    },
  );
});

describe('the language of the technical documentation', () => {
  const sentence = (language: string | undefined): string => {
    const t = text(build(device('US', language === undefined ? {} : { techdoc: { language } }), 'cyber-techdoc'));
    return /It is written in [^\n]*/.exec(t)?.[0] ?? '';
  };

  it('is named, not given as a code', () => {
    expect(sentence('de')).toMatch(/^It is written in German\b/);
    expect(sentence('en')).toMatch(/^It is written in English\b/);
    expect(sentence('pt-BR')).toMatch(/^It is written in Brazilian Portuguese\b/);
  });

  it('is a TBD that reads as a sentence when missing', () => {
    expect(sentence(undefined)).toMatch(/^It is written in \[TBD: [^\]]*\(techdoc\.language\)\]/);
    expect(sentence(undefined)).not.toContain('code');
  });
});
