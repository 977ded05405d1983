import { describe, expect, it } from 'vitest';
import { breakPoints, isIdentifier, wordSegments } from '../../src/render/fit/break-points.js';
import { hyphenationPoints } from '../../src/render/hyphenation/index.js';

const pieces = (word: string, mode: Parameters<typeof wordSegments>[1] = 'hyphenate'): string[] =>
  wordSegments(word, mode).map((s) => `${s.text}${s.hyphen ? '-' : ''}`);

describe('identifiers', () => {
  it.each([
    '443',
    'AES-256-GCM',
    'CVE-2024-28960',
    'GF-TR-SEC-007',
    'updates.glucoflow.nordhavn-medical.eu',
    'https://example.org/a',
    'security@example.org',
    'v2.4.0',
    'GlucoFlow',
    'TLS',
    'MDCG-4.3-6',
  ])('%s is an identifier', (word) => expect(isIdentifier(word)).toBe(true));

  it.each(['recommended', 'Authentication', 'end-of-support', '(application', 'layer),'])(
    '%s is an ordinary word',
    (word) => expect(isIdentifier(word)).toBe(false),
  );

  it('divides only after / . - _ @ : and adds nothing', () => {
    expect(pieces('updates.glucoflow.nordhavn-medical.eu')).toEqual([
      'updates.',
      'glucoflow.',
      'nordhavn-',
      'medical.',
      'eu',
    ]);
    expect(pieces('CVE-2024-28960')).toEqual(['CVE-', '2024-', '28960']);
    expect(pieces('security@example.org')).toEqual(['security@', 'example.', 'org']);
    expect(pieces('a_b/c:d')).toEqual(['a_', 'b/', 'c:', 'd']);
    for (const p of breakPoints('AES-256-GCM', 'hyphenate')) expect(p.hyphen).toBe(false);
  });

  it('never divides digits, short codes or a run of separators', () => {
    expect(pieces('443')).toEqual(['443']);
    expect(pieces('28960')).toEqual(['28960']);
    expect(pieces('https://x.org')).toEqual(['https://', 'x.', 'org']);
  });

  it('keeps surrounding punctuation with the identifier and never ends a piece on it alone', () => {
    expect(pieces('(updates.example.eu),')).toEqual(['(updates.', 'example.', 'eu),']);
    expect(pieces('v2.4.0.')).toEqual(['v2.', '4.', '0.']);
  });
});

describe('words', () => {
  it('hyphenates by the en-US patterns, never leaving fewer than 2 letters before or 3 after', () => {
    expect(pieces('recommended')).toEqual(['rec-', 'om-', 'mended']);
    expect(pieces('Authentication')).toEqual(['Au-', 'then-', 'ti-', 'ca-', 'tion']);
    for (const word of ['recommended', 'certificate', 'notifications', 'configuration']) {
      for (const p of hyphenationPoints(word)) {
        expect(p).toBeGreaterThanOrEqual(2);
        expect(word.length - p).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it('never hyphenates a short word, and divides a compound after its own hyphen', () => {
    expect(pieces('data')).toEqual(['data']);
    expect(pieces('end-of-support')).toEqual(['end-', 'of-', 'sup-', 'port']);
  });

  it('divides a word nowhere in a table header, and only at its hyphens without hyphenation', () => {
    expect(pieces('Authentication', 'whole')).toEqual(['Authentication']);
    expect(pieces('end-of-support', 'natural')).toEqual(['end-', 'of-', 'support']);
    expect(pieces('recommended', 'natural')).toEqual(['recommended']);
  });
});

describe('hashes', () => {
  it('divides a long hexadecimal value only between groups of eight digits', () => {
    const sha = '5e2d8c1a9b4f7e3d0c6a2b8f4e1d7c9a3b5e0f2d8c6a4b1e9f7d3c5a0b2e8d46';
    const parts = pieces(sha);
    expect(parts.join('')).toBe(sha);
    expect(parts.every((p) => p.length === 8)).toBe(true);
    expect(pieces('sha256:5e2d8c1a9b4f7e3d0c6a')).toEqual(['sha256:', '5e2d8c1a', '9b4f7e3d', '0c6a']);
  });
});
