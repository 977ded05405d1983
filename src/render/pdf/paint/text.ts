import type { FontKey, TextOp } from '../layout/types.js';
import { num, type PageContent } from './content.js';
import { PACKED } from './shaping-cache.js';

type Doc = PDFKit.PDFDocument;

/**
 * The parts of pdfkit's (untyped) EmbeddedFont a text line is encoded with: what its `encode`
 * reads and writes, so that a word encoded here leaves the font as pdfkit's encode would.
 */
interface EncodingFont {
  readonly id: string;
  /** fontkit units to pdfkit's 1000-unit em. */
  readonly scale: number;
  /** The shaped run of one word from the shared cache, packed (shaping-cache.ts); positions scaled. */
  layoutPacked(text: string): Float64Array;
  /** Adds a glyph to the document's font subset, returns its subset id (in order of first use). */
  readonly subset: { includeGlyph(id: number): number };
  /** Per subset id: advance width and code points, written when the glyph is first used. */
  readonly widths: (number | undefined)[];
  readonly unicode: (readonly number[] | undefined)[];
  ref(): unknown;
}

/**
 * One word (with its trailing space, as pdfkit splits text) encoded for a TJ array: runs of
 * glyph hex, each but maybe the last closed by a kerning adjustment. `null`: a glyph of the
 * word is offset (a combining mark), which only pdfkit's own text painting positions.
 */
type EncodedWord = readonly { readonly hex: string; readonly adjust: number }[] | null;

/** pdfkit's split of text into words: after each space or tab, the space kept with its word. */
const WORD_END = /(?<=[ \t])/;

/**
 * Paints laid-out text lines with exactly the content pdfkit's `doc.text(text, x, y,
 * { lineBreak: false, baseline: 'alphabetic' })` writes (same bytes), without its per-call
 * costs: pdfkit measures, splits and re-encodes every line, and turns every operator into a
 * byte array of its own. Here each word is encoded once per document and font (the subset
 * glyph ids then no longer change), and the operators go to the page's PageContent.
 */
export class TextPainter {
  private readonly doc: Doc;
  private readonly fonts: Readonly<Record<FontKey, EncodingFont>>;
  private readonly words = new Map<FontKey, Map<string, EncodedWord>>();
  private readonly content: PageContent;

  constructor(doc: Doc, fonts: Readonly<Record<FontKey, unknown>>, content: PageContent) {
    this.doc = doc;
    this.fonts = fonts as Readonly<Record<FontKey, EncodingFont>>;
    this.content = content;
  }

  paint(op: TextOp): void {
    const fill = this.content.color(op.color, false);
    const tj = fill === undefined || op.text.includes('\n') ? undefined : this.showText(op.font, op.text);
    if (tj === undefined || fill === undefined) {
      this.content.flush();
      const options = { lineBreak: false, baseline: 'alphabetic' } as PDFKit.Mixins.TextOptions;
      this.doc.font(op.font).fontSize(op.size).fillColor(op.color).text(op.text, op.x, op.y, options);
      return;
    }
    const out = this.content;
    out.push(fill);
    if (op.text === '') return; // pdfkit draws nothing for empty text, after setting the colour
    const font = this.fonts[op.font];
    const height = this.doc.page.height;
    const page = this.doc.page as unknown as { fonts: Record<string, unknown> };
    page.fonts[font.id] ??= font.ref();
    out.push(
      'q',
      `1 0 0 -1 0 ${num(height)} cm`,
      'BT',
      `1 0 0 1 ${num(op.x)} ${num(height - op.y)} Tm`,
      `/${font.id} ${num(op.size)} Tf`,
    );
    if (tj !== '') out.push(tj);
    out.push('ET', 'Q');
  }

  /**
   * The TJ operator of a line ('' when it has no glyph), as pdfkit's `_fragment` writes it;
   * undefined when a word has an offset glyph. Encoding a word the first time adds its glyphs
   * to the subset in the order pdfkit would, so glyph ids match pdfkit's own painting.
   */
  private showText(key: FontKey, text: string): string | undefined {
    let cache = this.words.get(key);
    if (cache === undefined) {
      cache = new Map();
      this.words.set(key, cache);
    }
    let line = '';
    let run = '';
    if (text === '') return line;
    // Tabs are rare: the regular expression only for them, else words end after each space.
    const tabbed = text.includes('\t') ? text.split(WORD_END) : undefined;
    for (let index = 0, last = 0; ;) {
      let word: string;
      if (tabbed !== undefined) {
        if (index >= tabbed.length) break;
        word = tabbed[index++] ?? '';
      } else {
        if (last >= text.length) break;
        const space = text.indexOf(' ', last);
        const end = space < 0 ? text.length : space + 1;
        word = text.slice(last, end);
        last = end;
      }
      let encoded = cache.get(word);
      if (encoded === undefined) {
        encoded = this.encodeWord(key, word);
        cache.set(word, encoded);
      }
      if (encoded === null) return undefined;
      for (const part of encoded) {
        run += part.hex;
        if (part.adjust !== 0) {
          line += `${line === '' ? '[' : ' '}<${run}> ${num(-part.adjust)}`;
          run = '';
        }
      }
    }
    if (run !== '') line += `${line === '' ? '[' : ' '}<${run}> 0`;
    return line === '' ? line : `${line}] TJ`;
  }

  /** pdfkit's `encode` of one word, with its side effects on the font's subset, widths and code points. */
  private encodeWord(key: FontKey, word: string): EncodedWord {
    const font = this.fonts[key];
    const packed = font.layoutPacked(word);
    const parts: { hex: string; adjust: number }[] = [];
    let run = '';
    for (let g = 0, at = 1; g < (packed[0] ?? 0); g++) {
      const field = (i: number): number => packed[at + i] ?? 0;
      const points = field(PACKED.CODE_POINTS);
      const gid = font.subset.includeGlyph(field(PACKED.ID));
      font.widths[gid] ??= field(PACKED.ADVANCE) * font.scale;
      font.unicode[gid] ??= Array.from(packed.subarray(at + PACKED.FIELDS, at + PACKED.FIELDS + points));
      if (field(PACKED.X_OFFSET) || field(PACKED.Y_OFFSET)) return null;
      run += `0000${gid.toString(16)}`.slice(-4);
      const adjust = field(PACKED.X_ADVANCE) - field(PACKED.POSITION_ADVANCE);
      at += PACKED.FIELDS + points;
      if (adjust !== 0) {
        parts.push({ hex: run, adjust });
        run = '';
      }
    }
    if (run !== '') parts.push({ hex: run, adjust: 0 });
    return parts;
  }
}
