/** The parts of a parsed fontkit font (TrueType) that its subsets read glyphs through. */
interface GlyphSource {
  getGlyph(id: number, codePoints?: readonly number[]): DecodableGlyph | null;
  /** Not null for variable fonts, whose decoded points are adjusted per instance: not memoized. */
  readonly _variationProcessor: unknown;
}

interface DecodableGlyph {
  _decode(): unknown;
}

const memoized = new WeakSet<object>();

/**
 * Decodes each glyph of a font once per process. fontkit keeps its glyph objects, but the
 * subset of every PDF document decodes each used glyph's whole outline again (to learn whether
 * it is composite), about 6 % of PDF time. The decoded glyph is only read (by the subset and
 * by outline drawing), so every caller may share it; the bytes do not change.
 */
export function decodeGlyphsOnce(font: unknown): void {
  const source = font as GlyphSource;
  if (memoized.has(source) || (source._variationProcessor ?? null) !== null) return;
  memoized.add(source);
  const getGlyph = source.getGlyph.bind(source);
  source.getGlyph = (id, codePoints) => {
    const glyph = getGlyph(id, codePoints);
    if (glyph !== null && !memoized.has(glyph)) {
      memoized.add(glyph);
      const decode = glyph._decode.bind(glyph);
      let decoded: { value: unknown } | undefined;
      glyph._decode = () => (decoded ??= { value: decode() }).value;
    }
    return glyph;
  };
}
