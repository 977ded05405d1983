import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { resolveInheritance } from '../../src/data/inherit.js';
import { loadSource } from '../../src/data/load.js';
import { escapeControls } from '../../src/diagnostics/terminal.js';
import { formatDiagnostics } from '../../src/diagnostics/format.js';
import { cleanStrings, hasForbiddenCharacters, xmlSafe } from '../../src/transform/xml-safe.js';
import { memoryHost } from '../data/host.js';

/** Keys an attacker would choose, mixed with ordinary ones. */
const key = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'id', 'product', 'name'),
  fc.string({ maxLength: 6 }),
);
const scalar = fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.integer(), fc.boolean(), fc.constant(null));
const tree = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    scalar,
    fc.array(tie('node'), { maxLength: 4 }),
    fc.dictionary(key, tie('node'), { maxKeys: 4 }),
  ),
})).node;

/** Every object of a value is a plain object with Object.prototype (nothing turned into a prototype). */
function plain(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(plain);
  if (value !== null && typeof value === 'object')
    return Object.getPrototypeOf(value) === Object.prototype && Object.values(value).every(plain);
  return true;
}

describe('arbitrary input gives diagnostics or data, never an exception', () => {
  it('any text: a value, or errors that each have a position', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 200 }),
          fc.string({
            unit: fc.constantFrom(
              'a',
              ':',
              ' ',
              '\n',
              '-',
              '[',
              ']',
              '{',
              '}',
              '"',
              "'",
              '&',
              '*',
              '#',
              '\t',
              '!',
              '|',
              '>',
            ),
            maxLength: 80,
          }),
        ),
        (text) => {
          const r = loadSource('/p/a.yaml', 'a.yaml', text);
          if (!r.value) {
            const errors = r.diagnostics.filter((d) => d.severity === 'error');
            expect(errors.length).toBeGreaterThan(0);
            for (const d of errors) expect(d.source?.range).toBeDefined();
            // What a user sees has no raw control characters.
            expect(formatDiagnostics(r.diagnostics)).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('any data tree, keys such as __proto__ included, survives loading and merging as own keys', () => {
    fc.assert(
      fc.property(
        fc.dictionary(key, tree, { maxKeys: 5 }),
        fc.dictionary(key, tree, { maxKeys: 5 }),
        (parent, child) => {
          const files = {
            '/project/line.yaml': stringify({ ...parentSafe(parent), abstract: true }),
            '/project/a.yaml': stringify({ extends: './line.yaml', ...parentSafe(child) }),
          };
          const r = resolveInheritance('a.yaml', memoryHost(files));
          expect(r.value, JSON.stringify(r.diagnostics)).toBeDefined();
          expect(plain(r.value!.value)).toBe(true);
          // No key from the data reached Object.prototype.
          expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('product');
          expect(({} as Record<string, unknown>)['name']).toBeUndefined();
        },
      ),
      { numRuns: 150 },
    );
  });
});

/** A dictionary built with defineProperty (fc gives own __proto__ keys) minus the keys the chain reserves. */
function parentSafe(d: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(d))
    if (k !== 'extends' && k !== 'abstract')
      Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}

describe('text cleaning', () => {
  it('xmlSafe leaves nothing XML forbids, changes nothing else, and is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
        const clean = xmlSafe(s);
        expect(hasForbiddenCharacters(clean)).toBe(false);
        expect(xmlSafe(clean)).toBe(clean);
        if (!hasForbiddenCharacters(s)) expect(clean).toBe(s);
      }),
      { numRuns: 500 },
    );
    expect(xmlSafe('a\uFFFEb\uFFFFc\u0000d\u000Be\uD800f')).toBe('abcd e\uFFFDf');
  });

  it('cleanStrings cleans keys and values of any tree and keeps own __proto__ keys', () => {
    fc.assert(
      fc.property(tree, (t) => {
        const { value } = cleanStrings(t);
        expect(plain(value)).toBe(true);
        expect(JSON.stringify(value) ?? '').not.toMatch(/\\u(000[0-8]|000b|000c|000e|000f|001[0-9a-f]|fffe|ffff)/i);
      }),
      { numRuns: 300 },
    );
  });

  it('escapeControls shows every terminal control and keeps tab and newline', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
        expect(escapeControls(s)).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029]/);
      }),
      { numRuns: 500 },
    );
    expect(escapeControls('a\u001b[2Jb\tc\nd\u009b')).toBe('a\\u001b[2Jb\tc\nd\\u009b');
  });
});
