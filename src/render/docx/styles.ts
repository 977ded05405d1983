import type { IParagraphStyleOptions, IStylesOptions } from 'docx';
import { COLOR, FONT, SIZE, SPACING } from './theme.js';

/**
 * Paragraph styles under Word's built-in ids and names (Title, Heading 1, List Bullet, toc 1, ...)
 * so Word, LibreOffice and pandoc recognise them: the navigation pane, the TOC field, PDF
 * bookmarks (LibreOffice needs the outline level on the style) and a writer's "Update style"
 * all keep working after techfile hands the document over.
 */

/** Style ids used by the renderer; the contract between styles.ts and the block renderers. */
export const STYLE = {
  normal: 'Normal',
  title: 'Title',
  subtitle: 'Subtitle',
  productName: 'ProductName',
  listBullet: 'ListBullet',
  listNumber: 'ListNumber',
  listContinue: 'ListContinue',
  caption: 'Caption',
  tocHeading: 'TOCHeading',
  tableText: 'TableText',
  code: 'CodeBlock',
  header: 'Header',
  footer: 'Footer',
  titlePageLabel: 'TitlePageLabel',
  draftMark: 'DraftMarking',
} as const;

/** Heading style id for a model heading depth (Word's Heading 1 to Heading 6). */
export function headingStyleId(depth: number): string {
  return `Heading${Math.min(Math.max(depth, 1), 6)}`;
}

const headingSizes = [SIZE.heading1, SIZE.heading2, SIZE.heading3, SIZE.heading4, SIZE.heading4, SIZE.heading4];
const headingBefore = [360, 280, 220, 200, 160, 160];

function headingStyle(depth: number): IParagraphStyleOptions {
  return {
    id: headingStyleId(depth),
    name: `Heading ${depth}`,
    basedOn: STYLE.normal,
    next: STYLE.normal,
    quickFormat: true,
    uiPriority: 9,
    paragraph: {
      keepNext: true,
      keepLines: true,
      // outlineLevel on the style is what makes the TOC field, Word's navigation pane and
      // LibreOffice's PDF bookmarks see the heading.
      outlineLevel: depth - 1,
      spacing: { before: headingBefore[depth - 1] ?? 160, after: 120, line: 240, lineRule: 'auto' },
    },
    run: {
      font: FONT.body,
      size: headingSizes[depth - 1] ?? SIZE.heading4,
      bold: true,
      italics: depth >= 5,
      color: depth >= 4 ? COLOR.accent : COLOR.heading,
    },
  };
}

function tocStyle(level: number): IParagraphStyleOptions {
  return {
    id: `TOC${level}`,
    name: `toc ${level}`,
    basedOn: STYLE.normal,
    next: STYLE.normal,
    uiPriority: 39,
    unhideWhenUsed: true,
    paragraph: {
      spacing: { before: level === 1 ? 120 : 0, after: 40 },
      indent: { left: (level - 1) * 440 },
    },
    run: level === 1 ? { bold: true } : {},
  };
}

const paragraphStyles: IParagraphStyleOptions[] = [
  {
    id: STYLE.normal,
    name: 'Normal',
    quickFormat: true,
    paragraph: { spacing: { after: SPACING.after, line: SPACING.line, lineRule: 'auto' } },
    run: { font: FONT.body, size: SIZE.body, color: COLOR.text },
  },
  {
    id: STYLE.title,
    name: 'Title',
    basedOn: STYLE.normal,
    next: STYLE.normal,
    quickFormat: true,
    uiPriority: 10,
    paragraph: { spacing: { before: 0, after: 240, line: 240, lineRule: 'auto' }, keepNext: true },
    run: { font: FONT.body, size: SIZE.title, bold: true, color: COLOR.heading },
  },
  {
    id: STYLE.productName,
    name: 'Product Name',
    basedOn: STYLE.normal,
    next: STYLE.title,
    uiPriority: 10,
    paragraph: { spacing: { before: 0, after: 60, line: 240, lineRule: 'auto' }, keepNext: true },
    run: { size: 36, bold: true, color: COLOR.accent },
  },
  {
    id: STYLE.subtitle,
    name: 'Subtitle',
    basedOn: STYLE.normal,
    next: STYLE.normal,
    quickFormat: true,
    uiPriority: 11,
    paragraph: { spacing: { after: 480 } },
    run: { font: FONT.body, size: SIZE.subtitle, color: COLOR.accent },
  },
  ...[1, 2, 3, 4, 5, 6].map(headingStyle),
  {
    id: STYLE.listBullet,
    name: 'List Bullet',
    basedOn: STYLE.normal,
    uiPriority: 36,
    paragraph: { spacing: { after: 60 } },
  },
  {
    id: STYLE.listNumber,
    name: 'List Number',
    basedOn: STYLE.normal,
    uiPriority: 36,
    paragraph: { spacing: { after: 60 } },
  },
  {
    id: STYLE.listContinue,
    name: 'List Continue',
    basedOn: STYLE.normal,
    uiPriority: 36,
    paragraph: { spacing: { after: 60 } },
  },
  {
    id: STYLE.caption,
    name: 'caption',
    basedOn: STYLE.normal,
    next: STYLE.normal,
    quickFormat: true,
    uiPriority: 35,
    paragraph: { spacing: { before: 120, after: 80 }, keepNext: true },
    run: { size: SIZE.small, bold: true, color: COLOR.heading },
  },
  {
    id: STYLE.tocHeading,
    name: 'TOC Heading',
    basedOn: STYLE.normal,
    next: STYLE.normal,
    uiPriority: 39,
    unhideWhenUsed: true,
    // No outline level: the contents title must not list itself.
    paragraph: { spacing: { before: 0, after: 240 }, keepNext: true },
    run: { size: SIZE.heading1, bold: true, color: COLOR.heading },
  },
  ...[1, 2, 3].map(tocStyle),
  {
    id: STYLE.tableText,
    name: 'Table Text',
    basedOn: STYLE.normal,
    uiPriority: 40,
    paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: 'auto' } },
    run: { size: SIZE.table },
  },
  {
    id: STYLE.code,
    name: 'Code Block',
    basedOn: STYLE.normal,
    uiPriority: 40,
    paragraph: {
      spacing: { before: 60, after: 180, line: 240, lineRule: 'auto' },
      shading: { type: 'clear', color: 'auto', fill: COLOR.codeFill },
      border: {
        top: { style: 'single', size: 4, color: COLOR.codeBorder, space: 4 },
        bottom: { style: 'single', size: 4, color: COLOR.codeBorder, space: 4 },
        left: { style: 'single', size: 4, color: COLOR.codeBorder, space: 4 },
        right: { style: 'single', size: 4, color: COLOR.codeBorder, space: 4 },
      },
      indent: { left: 113, right: 113 },
    },
    run: { font: FONT.mono, size: SIZE.code, noProof: true },
  },
  {
    id: STYLE.header,
    name: 'header',
    basedOn: STYLE.normal,
    uiPriority: 99,
    paragraph: { spacing: { after: 0, line: 240, lineRule: 'auto' } },
    run: { size: SIZE.small, color: COLOR.muted },
  },
  {
    id: STYLE.footer,
    name: 'footer',
    basedOn: STYLE.normal,
    uiPriority: 99,
    paragraph: { spacing: { after: 0, line: 240, lineRule: 'auto' } },
    run: { size: SIZE.small, color: COLOR.muted },
  },
  {
    id: STYLE.titlePageLabel,
    name: 'Title Page Label',
    basedOn: STYLE.normal,
    next: STYLE.normal,
    uiPriority: 40,
    paragraph: { spacing: { before: 360, after: 120 }, keepNext: true },
    run: { size: 22, bold: true, color: COLOR.heading },
  },
  {
    id: STYLE.draftMark,
    name: 'Draft Marking',
    basedOn: STYLE.normal,
    uiPriority: 40,
    paragraph: {
      spacing: { after: 240 },
      border: {
        top: { style: 'single', size: 12, color: COLOR.draft, space: 4 },
        bottom: { style: 'single', size: 12, color: COLOR.draft, space: 4 },
      },
      alignment: 'center',
    },
    run: { bold: true, color: COLOR.draft, size: 24, allCaps: false },
  },
];

/** The `styles` option of the docx Document; `language` is the BCP 47 tag of the text. */
export function documentStyles(language: string): IStylesOptions {
  return {
    default: {
      document: {
        run: { font: FONT.body, size: SIZE.body, language: { value: language } },
        paragraph: { spacing: { after: SPACING.after, line: SPACING.line, lineRule: 'auto' } },
      },
      hyperlink: { run: { color: COLOR.link, underline: { type: 'single' } } },
    },
    paragraphStyles,
  };
}
