type Doc = PDFKit.PDFDocument;

/** pdfkit's number formatting in content streams (PDFObject.number). */
export function num(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}

/**
 * pdfkit's `fillColor` (stroke: `strokeColor`) operators for a `#rgb` or `#rrggbb` colour;
 * undefined for any other colour, which pdfkit itself must set.
 */
export function colorOperators(color: string, stroke: boolean): string | undefined {
  let hex = color;
  if (/^#[0-9a-f]{3}$/i.test(hex)) hex = hex.replace(/#([0-9A-F])([0-9A-F])([0-9A-F])/i, '#$1$1$2$2$3$3');
  if (!/^#[0-9a-f]{6}$/i.test(hex)) return undefined;
  const value = parseInt(hex.slice(1), 16);
  const parts = [value >> 16, (value >> 8) & 0xff, value & 0xff].map((part) => part / 255);
  return stroke ? `/DeviceRGB CS\n${parts.join(' ')} SCN` : `/DeviceRGB cs\n${parts.join(' ')} scn`;
}

/**
 * The operators of the current page, collected and written to it in one chunk: pdfkit turns
 * every operator into a byte array of its own (the page's content stream is the same bytes
 * either way). Whatever pdfkit draws itself must come after `flush()`, to keep the order.
 */
export class PageContent {
  private readonly doc: Doc;
  private pending: string[] = [];
  private readonly fills = new Map<string, string | undefined>();
  private readonly strokes = new Map<string, string | undefined>();

  constructor(doc: Doc) {
    this.doc = doc;
  }

  push(...operators: string[]): void {
    for (const op of operators) this.pending.push(op);
  }

  /** The operators setting the fill (stroke) colour, cached; undefined: pdfkit must set it. */
  color(color: string, stroke: boolean): string | undefined {
    const cache = stroke ? this.strokes : this.fills;
    let ops = cache.get(color);
    if (ops === undefined && !cache.has(color)) {
      ops = colorOperators(color, stroke);
      cache.set(color, ops);
    }
    return ops;
  }

  /** Writes the pending operators to the current page. */
  flush(): void {
    if (this.pending.length === 0) return;
    const text = this.pending.join('\n') + '\n';
    this.pending = [];
    this.doc.page.write(Buffer.from(text, 'latin1'));
  }
}
