import { SIZE } from '../style.js';
import type { BreakMode } from '../../fit/break-points.js';
import type { Run } from './runs.js';
import type { FontKey, TextMeasurer } from './types.js';
import { divideAt, divideByCharacter, piecesWidth, wordBreakPoints, type Piece } from './word-pieces.js';

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

function sameStyle(a: Run, b: Run): boolean {
  return (
    a.font === b.font && a.size === b.size && a.color === b.color && a.link === b.link && a.highlight === b.highlight
  );
}

function finishLine(pieces: readonly Piece[], fallbackSize: number, m: TextMeasurer): Line {
  const fragments: Fragment[] = [];
  let x = 0;
  let maxSize = 0;
  let maxAscent = 0;
  // Neighbouring pieces of one style become one fragment; texts are joined once per fragment.
  let start = 0;
  const close = (end: number): void => {
    const first = pieces[start];
    if (first === undefined || end <= start) return;
    const group = pieces.slice(start, end);
    const r = first.run;
    const width = piecesWidth(group);
    fragments.push({
      text: group.map((p) => p.text).join(''),
      font: r.font,
      size: r.size,
      color: r.color,
      x,
      width,
      ...(r.link === undefined ? {} : { link: r.link }),
      ...(r.highlight === undefined ? {} : { highlight: r.highlight }),
    });
    x += width;
    start = end;
  };
  pieces.forEach((piece, i) => {
    maxSize = Math.max(maxSize, piece.run.size);
    maxAscent = Math.max(maxAscent, m.ascent(piece.run.font, piece.run.size));
    const first = pieces[start];
    if (i > start && first !== undefined && !sameStyle(first.run, piece.run)) close(i);
  });
  close(pieces.length);
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
 * A word that does not fit moves to the next line whole; only a word wider than a whole
 * line is divided, at its break points (`mode`, see fit/break-points.ts), and by character
 * only when not even one of its pieces fits.
 */
export function breakLines(
  runs: readonly Run[],
  maxWidth: number,
  m: TextMeasurer,
  fallbackSize: number,
  mode: BreakMode = 'hyphenate',
): Line[] {
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
  const spaceWidth = (): number =>
    cur.length === 0 || pendingSpace === undefined ? 0 : m.width(' ', pendingSpace.font, pendingSpace.size);
  const append = (pieces: readonly Piece[]): void => {
    if (cur.length > 0 && pendingSpace !== undefined) {
      const w = spaceWidth();
      cur.push({ run: pendingSpace, text: ' ', width: w });
      curWidth += w;
    }
    pendingSpace = undefined;
    cur.push(...pieces);
    curWidth += piecesWidth(pieces);
  };
  const placeWord = (pieces: Piece[]): void => {
    const width = piecesWidth(pieces);
    if (curWidth + spaceWidth() + width <= maxWidth) return append(pieces);
    if (width <= maxWidth) {
      flush();
      return append(pieces);
    }
    let rest = pieces;
    while (rest.length > 0) {
      const room = maxWidth - curWidth - spaceWidth();
      if (piecesWidth(rest) <= room) return append(rest);
      const division =
        divideAt(rest, wordBreakPoints(rest, mode), room, m) ??
        (cur.length === 0 ? divideByCharacter(rest, room, m) : undefined);
      if (division === undefined) {
        flush();
        continue;
      }
      append(division.head);
      flush();
      rest = division.rest;
    }
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
    placeWord(atom.pieces);
    pendingSpace = undefined;
  }
  if (cur.length > 0 || lines.length === 0) flush();
  return lines;
}

/**
 * The words of some runs and the width of each of their lines unbroken (lines end only at
 * hard breaks), for measuring how narrow and how wide their text can be. The same widths as
 * `breakLines(runs, Infinity, …)`, without building lines.
 */
export function measureRuns(runs: readonly Run[], m: TextMeasurer): { words: Piece[][]; lineWidths: number[] } {
  const words: Piece[][] = [];
  const lineWidths = [0];
  let pendingSpace: Run | undefined;
  let lineHasWord = false;
  for (const atom of toAtoms(runs, m)) {
    if (atom.kind === 'break') {
      lineWidths.push(0);
      lineHasWord = false;
      pendingSpace = undefined;
    } else if (atom.kind === 'space') {
      if (lineHasWord) pendingSpace = atom.run;
    } else {
      const space = pendingSpace === undefined ? 0 : m.width(' ', pendingSpace.font, pendingSpace.size);
      lineWidths[lineWidths.length - 1] = (lineWidths[lineWidths.length - 1] ?? 0) + space + piecesWidth(atom.pieces);
      words.push(atom.pieces);
      lineHasWord = true;
      pendingSpace = undefined;
    }
  }
  return { words, lineWidths };
}

/** Total height of a list of lines. */
export function linesHeight(lines: readonly Line[]): number {
  return lines.reduce((s, l) => s + l.height, 0);
}

/**
 * Lines of preformatted text: spaces are kept as written and over-long lines wrap at the
 * last character that fits (monospaced, so every character has the same advance).
 */
export function preformattedLines(
  text: string,
  maxWidth: number,
  size: number,
  color: string,
  m: TextMeasurer,
): Line[] {
  const advance = m.width('0', 'mono', size);
  const perLine = Math.max(1, Math.floor(maxWidth / advance));
  const out: Line[] = [];
  for (const source of text.replace(/\t/g, '    ').split('\n')) {
    const chars = [...source.trimEnd()];
    for (let i = 0; i === 0 || i < chars.length; i += perLine) {
      const chunk = chars.slice(i, i + perLine).join('');
      const pieces: Piece[] =
        chunk === ''
          ? []
          : [{ run: { text: chunk, font: 'mono', size, color }, text: chunk, width: m.width(chunk, 'mono', size) }];
      out.push(finishLine(pieces, size, m));
    }
  }
  return out;
}
