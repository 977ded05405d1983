import { AlignmentType, LevelFormat } from 'docx';
import type { ILevelsOptions, INumberingOptions } from 'docx';
import { FONT } from './theme.js';

/**
 * List numbering definitions. Bullets share one definition; ordered lists get one definition per
 * first number (OOXML puts `start` on the abstract level) and every list its own numbering
 * instance, so each ordered list restarts at its own `start` even after headings or other lists.
 *
 * Headings are NOT numbered with Word list numbering: the model's `number` is written as text.
 * The model owns numbering (the transform decides what is numbered, appendices may use letters),
 * the TOC entries, cross-references and the PDF renderer all show that same string, and a Word
 * list could drift from it (e.g. after a writer inserts an unnumbered Heading 1).
 */

export const BULLET_REFERENCE = 'tf-bullet';

export function orderedReference(start: number): string {
  return `tf-ordered-${start}`;
}

/** Indent of list text at a nesting level, in twips. */
export function listIndent(level: number): number {
  return 360 + level * 360;
}

const HANGING = 300;
const BULLETS = ['\u2022', '\u2013', '\u25E6'];
const ORDERED_FORMATS = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN];

function bulletLevels(): ILevelsOptions[] {
  return Array.from({ length: 9 }, (_, level) => ({
    level,
    format: LevelFormat.BULLET,
    text: BULLETS[level % BULLETS.length] ?? '\u2022',
    alignment: AlignmentType.LEFT,
    style: {
      paragraph: { indent: { left: listIndent(level), hanging: HANGING } },
      run: { font: FONT.body },
    },
  }));
}

function orderedLevels(start: number): ILevelsOptions[] {
  return Array.from({ length: 9 }, (_, level) => ({
    level,
    format: ORDERED_FORMATS[level % ORDERED_FORMATS.length] ?? LevelFormat.DECIMAL,
    text: `%${level + 1}.`,
    start,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: listIndent(level), hanging: HANGING } } },
  }));
}

/** The document's `numbering` option, for the ordered-list starts the body used (sorted for stable output). */
export function numberingConfig(orderedStarts: ReadonlySet<number>): INumberingOptions {
  const starts = [...orderedStarts].sort((a, b) => a - b);
  return {
    config: [
      { reference: BULLET_REFERENCE, levels: bulletLevels() },
      ...starts.map((start) => ({ reference: orderedReference(start), levels: orderedLevels(start) })),
    ],
  };
}
