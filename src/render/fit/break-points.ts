import { hyphenationPoints } from '../hyphenation/index.js';

/**
 * Where a "word" (a stretch of text without white space) may be divided at the end of a line.
 * Two kinds of text are told apart, because a reader treats them differently:
 *
 * - identifiers (ports, host names, versions, hashes, CVE and clause ids, URLs, e-mail
 *   addresses) are copied by an administrator: they are divided only after `/ . - _ @ :`
 *   (a long hexadecimal hash between groups of 8 digits) and no hyphen is added, so every
 *   character on paper is a character of the identifier;
 * - ordinary words are divided after a hyphen they contain, or where the en-US hyphenation
 *   patterns allow, with a hyphen drawn at the end of the line.
 *
 * Renderers divide a word only when it does not fit on a line of its own.
 */

export interface BreakPoint {
  /** Offset in the word (UTF-16 code units): the line ends before this character. */
  readonly at: number;
  /** true: draw a hyphen at the end of the line (a hyphenated word); false: nothing is added. */
  readonly hyphen: boolean;
}

/**
 * How far a word may be divided: `whole` never (table headers), `natural` only at the break
 * characters of identifiers and the hyphens of compound words, `hyphenate` also by the patterns.
 */
export type BreakMode = 'whole' | 'natural' | 'hyphenate';

/** Characters after which an identifier may be divided. */
const IDENTIFIER_BREAKS = new Set(['/', '.', '-', '_', '@', ':', '\\']);
/** Dashes after which any word may be divided (the dash stays at the end of the line). */
const DASHES = new Set(['-', '\u2010', '\u2013', '\u2014']);

const LEADING = /^[(\[{"'\u201c\u2018\u00ab]+/u;
const TRAILING = /[)\]}"'\u201d\u2019\u00bb,;:.!?]+$/u;

/** The word without the punctuation around it, and where it starts. */
function core(word: string): { start: number; text: string } {
  const lead = LEADING.exec(word)?.[0].length ?? 0;
  const rest = word.slice(lead);
  const trail = TRAILING.exec(rest)?.[0].length ?? 0;
  return { start: lead, text: rest.slice(0, rest.length - trail) };
}

/**
 * true for text a reader would copy character by character: anything with a digit, a
 * separator other than a hyphen, or capitals after the first letter ("GF-TR-SEC-007",
 * "AES-256-GCM", "updates.example.eu", "GlucoFlow").
 */
export function isIdentifier(word: string): boolean {
  const text = core(word).text;
  if (text === '') return false;
  if (/\p{Nd}/u.test(text)) return true;
  if (/[/._@:\\#?&=+%~]/.test(text)) return true;
  return /\p{Lu}/u.test(text.slice(1));
}

/** A hash or key fingerprint: a long run of hexadecimal digits. */
const HEX_RUN = /[0-9a-fA-F]{16,}/g;
/** Hex digits per group: fingerprints are read and compared in groups. */
const HEX_GROUP = 8;

/**
 * true for an identifier that must stay whole where it can: not a hash, which is read and
 * compared in groups of digits, so dividing it between groups costs the reader nothing.
 */
export function keepsWhole(word: string): boolean {
  return isIdentifier(word) && !/[0-9a-fA-F]{16,}/.test(core(word).text);
}

function identifierPoints(text: string, start: number): BreakPoint[] {
  const out: BreakPoint[] = [];
  for (let i = 1; i < text.length - 1; i++) {
    const ch = text[i] ?? '';
    const next = text[i + 1] ?? '';
    // After the last of a run of separators ("https://" breaks after the second slash).
    if (IDENTIFIER_BREAKS.has(ch) && !IDENTIFIER_BREAKS.has(next)) out.push({ at: start + i + 1, hyphen: false });
  }
  // A 64-digit SHA-256 value has no separator: its natural points are between groups of 8.
  for (const run of text.matchAll(HEX_RUN)) {
    const from = run.index ?? 0;
    for (let at = HEX_GROUP; at <= run[0].length - HEX_GROUP / 2; at += HEX_GROUP)
      out.push({ at: start + from + at, hyphen: false });
  }
  return out.sort((a, b) => a.at - b.at);
}

function wordPoints(text: string, start: number, hyphenate: boolean): BreakPoint[] {
  const out: BreakPoint[] = [];
  let partStart = 0;
  const flushPart = (end: number): void => {
    if (!hyphenate) return;
    for (const p of hyphenationPoints(text.slice(partStart, end)))
      out.push({ at: start + partStart + p, hyphen: true });
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (!DASHES.has(ch)) continue;
    flushPart(i);
    if (i > 0 && i < text.length - 1) out.push({ at: start + i + 1, hyphen: false });
    partStart = i + 1;
  }
  flushPart(text.length);
  return out;
}

const cache = new Map<string, readonly BreakPoint[]>();
const CACHE_LIMIT = 100_000;

/** Break points of one word, ascending by offset. */
export function breakPoints(word: string, mode: BreakMode): readonly BreakPoint[] {
  if (mode === 'whole') return [];
  const key = `${mode}\u0000${word}`;
  const known = cache.get(key);
  if (known !== undefined) return known;
  const { start, text } = core(word);
  const points =
    text.length < 2
      ? []
      : isIdentifier(word)
        ? identifierPoints(text, start)
        : wordPoints(text, start, mode === 'hyphenate');
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, points);
  return points;
}

/** The pieces a word may be divided into, each with whether it ends in an added hyphen. */
export function wordSegments(word: string, mode: BreakMode): { readonly text: string; readonly hyphen: boolean }[] {
  const out: { text: string; hyphen: boolean }[] = [];
  let from = 0;
  for (const p of breakPoints(word, mode)) {
    out.push({ text: word.slice(from, p.at), hyphen: p.hyphen });
    from = p.at;
  }
  out.push({ text: word.slice(from), hyphen: false });
  return out;
}
