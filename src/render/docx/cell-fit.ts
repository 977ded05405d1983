import type { Inline, Table as TableNode } from '../../model/nodes.js';
import { assertNever } from '../../model/nodes.js';
import { placeholderText } from '../../model/text.js';
import { breakPoints, keepsWhole, wordSegments, type BreakMode } from '../fit/break-points.js';
import { cellExtentOf, EMPTY_EXTENT, fitColumns, widest, type ColumnExtent, type WordWidths } from '../fit/columns.js';
import { textWidth, type FontStyle } from './metrics.js';
import { CELL_MARGIN, SIZE } from './theme.js';

/**
 * Table columns fitted to their content for Word and LibreOffice, from estimated Arial widths
 * (metrics.ts), by the same algorithm as the PDF (fit/columns.ts); and the soft hyphens that
 * let Word divide a word too wide for its column where a dictionary would.
 */

/** Table text size in points; cell margins (left + right) in points, as gridTable sets them. */
const TABLE_PT = SIZE.table / 2;
const CELL_MARGINS_PT = (2 * CELL_MARGIN.x) / 20;

interface Styled {
  readonly text: string;
  readonly style: FontStyle;
}

/** The text of inline content with the style that decides its width; `null` is a line break. */
function flatten(nodes: readonly Inline[], style: FontStyle, out: (Styled | null)[] = []): (Styled | null)[] {
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out.push({ text: node.value, style });
        break;
      case 'strong':
        flatten(node.children, { ...style, bold: true }, out);
        break;
      case 'emphasis':
      case 'link':
        flatten(node.children, style, out);
        break;
      case 'inlineCode':
        out.push({ text: node.value, style: { mono: true } });
        break;
      case 'placeholder':
        out.push({ text: placeholderText(node.label, node.field), style: { bold: true } });
        break;
      case 'break':
        out.push(null);
        break;
      default:
        assertNever(node);
    }
  }
  return out;
}

const NON_SPACE = /\S+/g;

/** Words (split at white space; a word may change style) and the lines of a cell. */
function cellWords(nodes: readonly Inline[], bold: boolean): { words: Styled[][]; lineWidths: number[] } {
  const words: Styled[][] = [];
  const lineWidths = [0];
  let word: Styled[] | undefined;
  for (const part of flatten(nodes, { bold })) {
    if (part === null) {
      word = undefined;
      lineWidths.push(0);
      continue;
    }
    lineWidths[lineWidths.length - 1] =
      (lineWidths[lineWidths.length - 1] ?? 0) + textWidth(part.text.replace(/\s+/g, ' '), part.style, TABLE_PT);
    // Runs of non-space characters; white space before or between them ends the current word.
    let end = 0;
    for (const match of part.text.matchAll(NON_SPACE)) {
      if (match.index > end) word = undefined;
      if (word === undefined) {
        word = [];
        words.push(word);
      }
      word.push({ text: match[0], style: part.style });
      end = match.index + match[0].length;
    }
    if (end < part.text.length) word = undefined;
  }
  return { words, lineWidths };
}

/** Width of the characters [from, to) of a word made of styled pieces. */
function sliceWidth(word: readonly Styled[], from: number, to: number): number {
  let offset = 0;
  let w = 0;
  for (const p of word) {
    const s = Math.max(from, offset);
    const e = Math.min(to, offset + p.text.length);
    if (e > s) w += textWidth(p.text.slice(s, e), p.style, TABLE_PT);
    offset += p.text.length;
  }
  return w;
}

/**
 * Does Word (and LibreOffice) end a line at the end of `piece`, before `next`, without a
 * character of ours? After a hyphen, dash or slash not followed by a digit, as Unicode line
 * breaking (UAX #14) allows, and inside a long hexadecimal value, which they cut by character
 * anyway. Not after `.`, `_`, `@` or `:`: there a host name is cut by character
 * ("updates.lume|n-diagnostics.c|h"), so its column is fitted to the pieces Word keeps.
 */
function wordEndsLineAfter(piece: string, next: string): boolean {
  const last = piece[piece.length - 1] ?? '';
  const first = next[0] ?? '';
  if (/[-/\u2010\u2013\u2014]/.test(last)) return !/\p{Nd}/u.test(first);
  return /[0-9a-fA-F]/.test(last) && /[0-9a-fA-F]/.test(first);
}

type Segment = { readonly text: string; readonly hyphen: boolean };

/** Segments that Word would not divide between are one (reduce over wordSegments). */
function joinUnbreakable(out: Segment[], seg: Segment): Segment[] {
  const prev = out[out.length - 1];
  if (prev !== undefined && !prev.hyphen && !wordEndsLineAfter(prev.text, seg.text))
    out[out.length - 1] = { text: prev.text + seg.text, hyphen: seg.hyphen };
  else out.push(seg);
  return out;
}

/** What a word adds to its column's extent: whole width, narrowest break-up, kept whole or not. */
interface WordExtent {
  readonly full: number;
  readonly min: number;
  readonly keep: boolean;
}

function wordExtent(word: readonly Styled[], text: string, mode: BreakMode): WordExtent {
  const full = sliceWidth(word, 0, text.length);
  let min = 0;
  let from = 0;
  for (const seg of wordSegments(text, mode).reduce(joinUnbreakable, [])) {
    min = Math.max(min, sliceWidth(word, from, from + seg.text.length) + (seg.hyphen ? HYPHEN_WIDTH : 0));
    from += seg.text.length;
  }
  return { full, min, keep: keepsWhole(text) };
}

const HYPHEN_WIDTH = textWidth('-', {}, TABLE_PT);

/**
 * Word extents of one-style words, remembered: a document's tables repeat the same words (ids,
 * units, standard names) in row after row, and the extent is a pure function of the text and its
 * style. Bounded: emptied when full, which changes only speed, never a result.
 */
const wordExtents = new Map<string, Map<string, WordExtent>>();
const MAX_REMEMBERED = 20000;

/** The remembered extent of a one-piece word; keyed by the text itself, whose hash V8 keeps. */
function rememberedExtent(piece: Styled, mode: BreakMode): WordExtent {
  const kind = `${piece.style.bold === true ? 'b' : ''}${piece.style.mono === true ? 'm' : ''}${mode}`;
  let byText = wordExtents.get(kind);
  if (byText === undefined) {
    byText = new Map();
    wordExtents.set(kind, byText);
  }
  let extent = byText.get(piece.text);
  if (extent === undefined) {
    if (byText.size >= MAX_REMEMBERED) byText.clear();
    extent = wordExtent([piece], piece.text, mode);
    byText.set(piece.text, extent);
  }
  return extent;
}

function cellExtent(nodes: readonly Inline[], header: boolean): ColumnExtent {
  const mode: BreakMode = header ? 'whole' : 'hyphenate';
  const { words, lineWidths } = cellWords(nodes, header);
  const extentOf = (word: readonly Styled[], how: BreakMode): WordExtent => {
    const only = word.length === 1 ? word[0] : undefined;
    return only !== undefined ? rememberedExtent(only, how) : wordExtent(word, word.map((p) => p.text).join(''), how);
  };
  const widths = words.map((word): WordWidths => {
    const e = extentOf(word, mode);
    // Header words are kept whole unless the table cannot be laid out so (fit/columns.ts); Word
    // then hyphenates them at the soft hyphens `softHyphenated` puts in words wider than the room.
    const hyphenatedMin = header ? extentOf(word, 'hyphenate').min : e.min;
    return { min: e.min, hyphenatedMin, whole: e.full, keep: e.keep };
  });
  return cellExtentOf(widths, lineWidths, CELL_MARGINS_PT);
}

/** Column widths in points for a table as wide as `widthPt`. */
export function fitTableColumns(node: TableNode, columnCount: number, headerRows: number, widthPt: number): number[] {
  const extents: ColumnExtent[] = Array.from({ length: columnCount }, () => EMPTY_EXTENT);
  node.rows.forEach((row, ri) => {
    for (let ci = 0; ci < columnCount; ci++)
      extents[ci] = widest(extents[ci] ?? EMPTY_EXTENT, cellExtent(row.cells[ci]?.children ?? [], ri < headerRows));
  });
  return fitColumns(
    extents,
    widthPt,
    Array.from({ length: columnCount }, (_, i) => node.columns[i]?.width),
  );
}

/** Where a soft hyphen goes among the text pieces of `softHyphenated`. */
export const SOFT_HYPHEN: unique symbol = Symbol('soft hyphen');

/**
 * Room for text in a column of `columnPt` points: one twip more, because column widths are
 * rounded down to whole twips (table.ts scaleWidths), and a word fitted to its column exactly
 * must not get soft hyphens for it (text extracted from the file would carry them).
 */
export const textRoom = (columnPt: number): number => columnPt - CELL_MARGINS_PT + 1 / 20;

/**
 * The text of one run with soft hyphens (`<w:softHyphen/>`, invisible unless Word divides
 * the word there) in each ordinary word wider than `roomPt`; undefined when none is needed.
 * The characters of the text are unchanged, so copied and searched text stays whole.
 */
export function softHyphenated(
  text: string,
  style: FontStyle,
  roomPt: number,
): (string | typeof SOFT_HYPHEN)[] | undefined {
  if (textWidth(text, style, TABLE_PT) <= roomPt) return undefined;
  const out: (string | typeof SOFT_HYPHEN)[] = [];
  let changed = false;
  for (const piece of text.split(/(\s+)/)) {
    if (piece === '') continue;
    const points =
      // The word's width was measured (and remembered) when the columns were fitted.
      /\s/.test(piece) || rememberedExtent({ text: piece, style }, 'hyphenate').full <= roomPt
        ? []
        : breakPoints(piece, 'hyphenate').filter((p) => p.hyphen);
    let from = 0;
    for (const p of points) {
      out.push(piece.slice(from, p.at), SOFT_HYPHEN);
      from = p.at;
      changed = true;
    }
    out.push(piece.slice(from));
  }
  return changed ? out : undefined;
}
