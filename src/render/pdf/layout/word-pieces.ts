import type { BreakMode, BreakPoint } from '../../fit/break-points.js';
import { breakPoints } from '../../fit/break-points.js';
import type { Run } from './runs.js';
import type { TextMeasurer } from './types.js';

/** Part of a word in one style (a word may change style: "GlucoFlow *X2*."). */
export interface Piece {
  readonly run: Run;
  readonly text: string;
  readonly width: number;
}

export const piecesText = (pieces: readonly Piece[]): string => pieces.map((p) => p.text).join('');
export const piecesWidth = (pieces: readonly Piece[]): number => pieces.reduce((s, p) => s + p.width, 0);

/** The characters [from, to) of a word, as pieces (a cut piece is measured again). */
export function slicePieces(pieces: readonly Piece[], from: number, to: number, m: TextMeasurer): Piece[] {
  const out: Piece[] = [];
  let offset = 0;
  for (const p of pieces) {
    const s = Math.max(from, offset);
    const e = Math.min(to, offset + p.text.length);
    if (e > s) {
      const text = p.text.slice(s - offset, e - offset);
      out.push(text === p.text ? p : { run: p.run, text, width: m.width(text, p.run.font, p.run.size) });
    }
    offset += p.text.length;
  }
  return out;
}

/** The hyphen drawn after the last piece of a hyphenated line, in that piece's style. */
export function hyphenPiece(last: Piece, m: TextMeasurer): Piece {
  return { run: last.run, text: '-', width: m.width('-', last.run.font, last.run.size) };
}

/** A word divided at one break point: the head (with its hyphen, if any) and the rest. */
export interface Division {
  readonly head: Piece[];
  readonly rest: Piece[];
}

/**
 * The longest head of the word, ending at one of its break points, that fits in `room`;
 * undefined when not even the shortest head fits.
 */
export function divideAt(
  pieces: readonly Piece[],
  points: readonly BreakPoint[],
  room: number,
  m: TextMeasurer,
): Division | undefined {
  // A line that ends in a hyphen of the text itself ("nordhavn-", "end-") is read as a
  // hyphenated word, and text extraction (pdftotext) drops that hyphen: other points first.
  const text = piecesText(pieces);
  const endsInDash = (p: BreakPoint): boolean => !p.hyphen && /[-\u2010\u2013\u2014]/.test(text[p.at - 1] ?? '');
  return (
    divideAmong(
      pieces,
      points.filter((p) => !endsInDash(p)),
      room,
      m,
    ) ?? divideAmong(pieces, points.filter(endsInDash), room, m)
  );
}

function divideAmong(
  pieces: readonly Piece[],
  points: readonly BreakPoint[],
  room: number,
  m: TextMeasurer,
): Division | undefined {
  const length = piecesText(pieces).length;
  for (let i = points.length - 1; i >= 0; i--) {
    const point = points[i];
    if (point === undefined || point.at <= 0 || point.at >= length) continue;
    const head = slicePieces(pieces, 0, point.at, m);
    const last = head[head.length - 1];
    if (last === undefined) continue;
    if (point.hyphen) head.push(hyphenPiece(last, m));
    if (piecesWidth(head) <= room) return { head, rest: slicePieces(pieces, point.at, length, m) };
  }
  return undefined;
}

/** Last resort for a piece of text with no break point that fits: as many characters as fit (at least one). */
export function divideByCharacter(pieces: readonly Piece[], room: number, m: TextMeasurer): Division {
  const length = piecesText(pieces).length;
  let take = 1;
  for (let n = 2; n < length; n++) {
    if (piecesWidth(slicePieces(pieces, 0, n, m)) > room) break;
    take = n;
  }
  return { head: slicePieces(pieces, 0, take, m), rest: slicePieces(pieces, take, length, m) };
}

/** Break points of a word for `mode`, shifted so they count from the start of `pieces`. */
export function wordBreakPoints(pieces: readonly Piece[], mode: BreakMode): readonly BreakPoint[] {
  return breakPoints(piecesText(pieces), mode);
}

/**
 * How narrow a word can get and how wide it is whole: the widest piece between its break
 * points (with the hyphen it would carry), and its full width.
 */
export function wordExtent(pieces: readonly Piece[], mode: BreakMode, m: TextMeasurer): { min: number; whole: number } {
  const whole = piecesWidth(pieces);
  const points = wordBreakPoints(pieces, mode);
  if (points.length === 0) return { min: whole, whole };
  let min = 0;
  let from = 0;
  const length = piecesText(pieces).length;
  for (const point of [...points, { at: length, hyphen: false }]) {
    const seg = slicePieces(pieces, from, point.at, m);
    const last = seg[seg.length - 1];
    const w = piecesWidth(seg) + (point.hyphen && last !== undefined ? hyphenPiece(last, m).width : 0);
    min = Math.max(min, w);
    from = point.at;
  }
  return { min, whole };
}
