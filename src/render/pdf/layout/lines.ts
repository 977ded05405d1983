import { SIZE } from '../style.js';
import type { Run } from './runs.js';
import type { FontKey, TextMeasurer } from './types.js';

/** A piece of one line in one style, positioned relative to the line start. */
export interface Fragment {
  readonly text: string;
  readonly font: FontKey;
  readonly size: number;
  readonly color: string;
  readonly x: number;
  readonly width: number;
  readonly link?: string;
  readonly highlight?: string;
}

export interface Line {
  readonly fragments: readonly Fragment[];
  readonly width: number;
  readonly height: number;
  /** Distance from the top of the line box to the baseline. */
  readonly baseline: number;
}

interface Piece {
  readonly run: Run;
  readonly text: string;
  readonly width: number;
}

type Atom = { kind: 'word'; pieces: Piece[] } | { kind: 'space'; run: Run } | { kind: 'break'; run: Run };

// Only ordinary white space breaks a line: a no-break space (U+00A0) keeps "2 m" together.
const SPACE_RE = /[ \t\n\r]+/;

function toAtoms(runs: readonly Run[], m: TextMeasurer): Atom[] {
  const atoms: Atom[] = [];
  for (const run of runs) {
    if (run.lineBreak) {
      atoms.push({ kind: 'break', run });
      continue;
    }
    const parts = run.text.split(/([ \t\n\r]+)/);
    for (const part of parts) {
      if (part === '') continue;
      if (SPACE_RE.test(part)) {
        atoms.push({ kind: 'space', run });
        continue;
      }
      const piece: Piece = { run, text: part, width: m.width(part, run.font, run.size) };
      const last = atoms[atoms.length - 1];
      // A word may continue across style changes ("X2" in italics followed by ".").
      if (last?.kind === 'word') last.pieces.push(piece);
      else atoms.push({ kind: 'word', pieces: [piece] });
    }
  }
  return atoms;
}

/** Splits a word wider than the line into chunks by character; never clips text. */
function splitWord(pieces: readonly Piece[], maxWidth: number, m: TextMeasurer): Piece[][] {
  const chunks: Piece[][] = [];
  let chunk: Piece[] = [];
  let used = 0;
  for (const piece of pieces) {
    let buf = '';
    let bufWidth = 0;
    for (const ch of piece.text) {
      const w = m.width(ch, piece.run.font, piece.run.size);
      if (used + bufWidth + w > maxWidth && (used > 0 || buf !== '')) {
        if (buf !== '') chunk.push({ run: piece.run, text: buf, width: bufWidth });
        chunks.push(chunk);
        chunk = [];
        used = 0;
        buf = '';
        bufWidth = 0;
      }
      buf += ch;
      bufWidth += w;
    }
    if (buf !== '') {
      chunk.push({ run: piece.run, text: buf, width: bufWidth });
      used += bufWidth;
    }
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

function sameStyle(a: Run, b: Run): boolean {
  return a.font === b.font && a.size === b.size && a.color === b.color && a.link === b.link && a.highlight === b.highlight;
}

function finishLine(pieces: readonly Piece[], fallbackSize: number, m: TextMeasurer): Line {
  const fragments: Fragment[] = [];
  let x = 0;
  let maxSize = 0;
  let maxAscent = 0;
  let prev: Run | undefined;
  for (const piece of pieces) {
    maxSize = Math.max(maxSize, piece.run.size);
    maxAscent = Math.max(maxAscent, m.ascent(piece.run.font, piece.run.size));
    const last = fragments[fragments.length - 1];
    if (last !== undefined && prev !== undefined && sameStyle(prev, piece.run)) {
      fragments[fragments.length - 1] = { ...last, text: last.text + piece.text, width: last.width + piece.width };
    } else {
      const r = piece.run;
      fragments.push({
        text: piece.text,
        font: r.font,
        size: r.size,
        color: r.color,
        x,
        width: piece.width,
        ...(r.link === undefined ? {} : { link: r.link }),
        ...(r.highlight === undefined ? {} : { highlight: r.highlight }),
      });
    }
    prev = piece.run;
    x += piece.width;
  }
  if (maxSize === 0) {
    maxSize = fallbackSize;
    maxAscent = m.ascent('regular', fallbackSize);
  }
  const height = maxSize * SIZE.leading;
  // Centre the glyph box (ascent plus a typical descent) in the line box.
  const baseline = (height - (maxAscent + 0.24 * maxSize)) / 2 + maxAscent;
  return { fragments, width: x, height, baseline };
}

/**
 * Greedy line breaking of styled runs into lines no wider than `maxWidth`.
 * Spaces collapse to one and vanish at line ends; hard breaks always start a new line.
 */
export function breakLines(runs: readonly Run[], maxWidth: number, m: TextMeasurer, fallbackSize: number): Line[] {
  const lines: Line[] = [];
  let cur: Piece[] = [];
  let curWidth = 0;
  let pendingSpace: Run | undefined;
  const flush = (): void => {
    lines.push(finishLine(cur, fallbackSize, m));
    cur = [];
    curWidth = 0;
    pendingSpace = undefined;
  };
  const place = (pieces: Piece[], width: number): void => {
    if (width <= maxWidth) {
      cur.push(...pieces);
      curWidth += width;
      return;
    }
    const chunks = splitWord(pieces, maxWidth, m);
    chunks.forEach((chunk, i) => {
      if (i > 0) flush();
      cur.push(...chunk);
      curWidth += chunk.reduce((s, p) => s + p.width, 0);
    });
  };
  for (const atom of toAtoms(runs, m)) {
    if (atom.kind === 'break') {
      flush();
      continue;
    }
    if (atom.kind === 'space') {
      if (cur.length > 0) pendingSpace = atom.run;
      continue;
    }
    const width = atom.pieces.reduce((s, p) => s + p.width, 0);
    if (cur.length === 0) {
      place(atom.pieces, width);
    } else {
      const space = pendingSpace;
      const spaceWidth = space === undefined ? 0 : m.width(' ', space.font, space.size);
      if (curWidth + spaceWidth + width <= maxWidth) {
        if (space !== undefined) cur.push({ run: space, text: ' ', width: spaceWidth });
        curWidth += spaceWidth;
        cur.push(...atom.pieces);
        curWidth += width;
      } else {
        flush();
        place(atom.pieces, width);
      }
    }
    pendingSpace = undefined;
  }
  if (cur.length > 0 || lines.length === 0) flush();
  return lines;
}

/** Total height of a list of lines. */
export function linesHeight(lines: readonly Line[]): number {
  return lines.reduce((s, l) => s + l.height, 0);
}

/**
 * Lines of preformatted text: spaces are kept as written and over-long lines wrap at the
 * last character that fits (monospaced, so every character has the same advance).
 */
export function preformattedLines(text: string, maxWidth: number, size: number, color: string, m: TextMeasurer): Line[] {
  const advance = m.width('0', 'mono', size);
  const perLine = Math.max(1, Math.floor(maxWidth / advance));
  const out: Line[] = [];
  for (const source of text.replace(/\t/g, '    ').split('\n')) {
    const chars = [...source.trimEnd()];
    for (let i = 0; i === 0 || i < chars.length; i += perLine) {
      const chunk = chars.slice(i, i + perLine).join('');
      const pieces: Piece[] = chunk === '' ? [] : [{ run: { text: chunk, font: 'mono', size, color }, text: chunk, width: m.width(chunk, 'mono', size) }];
      out.push(finishLine(pieces, size, m));
    }
  }
  return out;
}
