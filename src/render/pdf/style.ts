/**
 * The visual design of the PDF in one place: page geometry, type sizes and colours.
 * Values mirror the DOCX renderer's conventions (A4, DejaVu Sans, dark-blue headings)
 * so both outputs read as the same controlled document.
 */

/** 1 mm in PDF points. */
export const MM = 72 / 25.4;

export const PAGE = {
  width: 595.28,
  height: 841.89,
  marginLeft: 25 * MM,
  marginRight: 25 * MM,
  /** Body area; the running header and footer sit inside the 25 mm margins. */
  marginTop: 25 * MM,
  marginBottom: 25 * MM,
  headerBaseline: 15 * MM,
  footerBaseline: 841.89 - 13 * MM,
} as const;

export const COLOR = {
  text: '#1a1a1a',
  heading: '#1f3864',
  muted: '#5a6470',
  link: '#1a56a8',
  rule: '#9aa5b1',
  tableBorder: '#aab4bf',
  tableHeaderFill: '#dce4ee',
  tableLabelFill: '#eef2f7',
  tableZebra: '#f7f9fb',
  codeFill: '#f3f4f6',
  codeBorder: '#d6dae0',
  placeholderFill: '#fff176',
  noteFill: '#eaf2fb',
  noteRule: '#2f6eb5',
  warningFill: '#fdf1e6',
  warningRule: '#c0561a',
  draft: '#b3261e',
  watermark: '#000000',
} as const;

export const SIZE = {
  body: 10,
  small: 8.5,
  code: 8.8,
  table: 9,
  caption: 9,
  heading: { 1: 16, 2: 13, 3: 11.5, 4: 10.5, 5: 10, 6: 10 } as const,
  /** Line height as a multiple of the font size. */
  leading: 1.38,
} as const;

export const SPACE = {
  paragraphAfter: 6,
  listItemAfter: 2.5,
  listIndent: 18,
  headingBefore: { 1: 18, 2: 14, 3: 11, 4: 9, 5: 8, 6: 8 } as const,
  headingAfter: { 1: 8, 2: 6, 3: 5, 4: 4, 5: 4, 6: 4 } as const,
  cellPadX: 4.5,
  cellPadY: 3.2,
  boxPad: 7,
  blockAfter: 9,
} as const;
