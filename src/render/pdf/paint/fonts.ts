import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { FontKey, TextMeasurer } from '../layout/types.js';
import { FONT_FILES, fontDirectory } from './font-files.js';
import { decodeGlyphsOnce } from './glyph-decoding.js';
import { shareShaping } from './shaping-cache.js';

export const FONT_KEYS: readonly FontKey[] = ['regular', 'bold', 'italic', 'boldItalic', 'mono'];

/** The parts of pdfkit's (untyped) embedded font object we rely on. */
interface PdfkitFont {
  readonly ascender: number;
  /** The parsed fontkit font; handing it to registerFont skips re-parsing the file. */
  readonly font: unknown;
}

export interface LoadedFonts {
  /** Parsed fonts, reusable by every PDF document in this process. */
  readonly sources: Readonly<Record<FontKey, unknown>>;
  readonly measurer: TextMeasurer;
}

let loaded: LoadedFonts | undefined;

/** Word widths are cached per font at unit size: shaping is where pdfkit spends its time. */
const CACHE_LIMIT = 200_000;

function createMeasurer(doc: PDFKit.PDFDocument, fonts: Readonly<Record<FontKey, PdfkitFont>>): TextMeasurer {
  const caches = new Map<FontKey, Map<string, number>>(FONT_KEYS.map((k) => [k, new Map()]));
  return {
    width(text, font, size) {
      const cache = caches.get(font);
      if (cache === undefined) throw new Error(`internal error: unknown font ${font}`);
      let unit = cache.get(text);
      if (unit === undefined) {
        unit = doc.font(font).fontSize(1000).widthOfString(text) / 1000;
        if (cache.size >= CACHE_LIMIT) cache.clear();
        cache.set(text, unit);
      }
      return unit * size;
    },
    ascent(font, size) {
      return (fonts[font].ascender / 1000) * size;
    },
  };
}

/**
 * Makes `doc.font(key)` cheap for every registered key. pdfkit does not cache a registered
 * font under its key when a font of the same name is already loaded (our default font is
 * DejaVu Sans regular): every `doc.font('regular')` then re-wraps the font, compares name
 * tables with JSON.stringify and starts with an empty shaping cache. Measured: 0.7 ms per
 * call, about a third of all PDF time. Caching the selected font under its key fixes it.
 * Each font also shapes words through the process-wide cache of its key (shaping-cache.ts).
 * Returns pdfkit's font object of each key.
 */
export function primeFonts(doc: PDFKit.PDFDocument): Readonly<Record<FontKey, unknown>> {
  const internal = doc as unknown as { _font: unknown; _fontFamilies: Record<string, unknown> };
  const primed = {} as Record<FontKey, unknown>;
  for (const key of FONT_KEYS) {
    doc.font(key);
    internal._fontFamilies[key] = internal._font;
    shareShaping(internal._font, key);
    primed[key] = internal._font;
  }
  return primed;
}

/** Reads and parses the font files once per process. */
export function loadFonts(): LoadedFonts {
  if (loaded !== undefined) return loaded;
  const dir = fontDirectory();
  // A private document that is never ended: it only measures text.
  const doc = new PDFDocument({ autoFirstPage: false, font: join(dir, FONT_FILES.regular) });
  const fonts = {} as Record<FontKey, PdfkitFont>;
  const sources = {} as Record<FontKey, unknown>;
  for (const key of FONT_KEYS) {
    doc.registerFont(key, readFileSync(join(dir, FONT_FILES[key])));
    doc.font(key);
    const font = (doc as unknown as { _font: PdfkitFont })._font;
    fonts[key] = font;
    sources[key] = font.font;
    decodeGlyphsOnce(font.font);
  }
  primeFonts(doc);
  loaded = { sources, measurer: createMeasurer(doc, fonts) };
  return loaded;
}
