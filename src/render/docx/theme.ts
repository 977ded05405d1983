/**
 * The look of techfile's Word documents in one place: page geometry, fonts, sizes and colours.
 * Fonts are Arial and Courier New because Windows has them and LibreOffice maps them to the
 * metric-compatible Liberation fonts, so line breaks and table heights match in both
 * (Calibri's substitute, Carlito, is often missing on Linux servers).
 */

/** A4 portrait in twips (1/20 pt). */
export const PAGE = {
  width: 11906,
  height: 16838,
  marginTop: 1418,
  marginBottom: 1276,
  marginLeft: 1418,
  marginRight: 1418,
  header: 624,
  footer: 567,
} as const;

/** Width of the text column in twips (DXA): every table is scaled to exactly this. */
export const TEXT_WIDTH = PAGE.width - PAGE.marginLeft - PAGE.marginRight;

/** Twips per pixel at 96 dpi (docx sizes images in pixels). */
export const TWIPS_PER_PIXEL = 15;

export const FONT = {
  body: 'Arial',
  mono: 'Courier New',
} as const;

/** Sizes in half-points, as OOXML stores them. */
export const SIZE = {
  body: 21,
  small: 18,
  /** 9 pt, as in the PDF: the same table holds the same words on one line in both formats. */
  table: 18,
  code: 18,
  title: 52,
  subtitle: 30,
  heading1: 32,
  heading2: 26,
  heading3: 23,
  heading4: 21,
} as const;

/** Colours as RRGGBB hex without '#'. */
export const COLOR = {
  text: '1A1A1A',
  heading: '1F3864',
  accent: '2F5496',
  muted: '595959',
  rule: 'A6A6A6',
  tableBorder: '8EA0BF',
  tableHeaderFill: 'DCE3EF',
  labelFill: 'F2F4F8',
  codeFill: 'F2F2F2',
  codeBorder: 'D0D0D0',
  draft: 'C00000',
  noteFill: 'EAF1FB',
  noteBorder: '2F5496',
  warningFill: 'FFF4E5',
  warningBorder: 'C55A11',
  link: '1F5FAD',
} as const;

/** Cell padding in twips: 4.5 pt left and right, as in the PDF. */
export const CELL_MARGIN = { x: 90, y: 57 } as const;

/** Paragraph spacing in twips. */
export const SPACING = {
  after: 120,
  line: 264,
} as const;
