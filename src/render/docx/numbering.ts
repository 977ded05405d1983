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

/** The parts of docx's numbering.xml that do not depend on the document (see static-parts.ts). */
export interface NumberingTemplate {
  /** Declaration and root element. */
  readonly head: string;
  /** docx's own default bullet definition (abstractNum 1) and ours (abstractNum 2). */
  readonly fixed: string;
  /** The ordered definition as abstractNum 3 starting at 1; other starts and ids are substituted. */
  readonly ordered: string;
  /** docx's numbering instance 1 (its default bullets). */
  readonly defaultInstance: string;
}

/** Reads the template out of the numbering.xml docx wrote for `numberingConfig(new Set([1]))`. */
export function numberingTemplate(xml: string): NumberingTemplate {
  const abstracts = [...xml.matchAll(/<w:abstractNum w:abstractNumId="(\d+)"[^>]*>.*?<\/w:abstractNum>/gs)].map(
    (m) => m[0],
  );
  const defaultInstance = /<w:num w:numId="1">.*?<\/w:num>/s.exec(xml)?.[0];
  const [first, bullet, ordered] = abstracts;
  const head = xml.slice(0, xml.indexOf('<w:abstractNum '));
  if (
    abstracts.length !== 3 ||
    first === undefined ||
    bullet === undefined ||
    ordered === undefined ||
    !defaultInstance
  )
    throw new Error('docx numbering.xml does not have the expected definitions');
  return { head, fixed: first + bullet, ordered, defaultInstance };
}

/**
 * numbering.xml for a document: the bullet and ordered definitions (one per first number, in
 * number order, ids from 3) and one instance per list in document order (ids from 2), each
 * restarting every level at its list's first number, as docx writes instances.
 */
export function numberingXml(
  t: NumberingTemplate,
  orderedStarts: ReadonlySet<number>,
  lists: readonly { readonly ordered: boolean; readonly start: number }[],
): string {
  const starts = [...orderedStarts].sort((a, b) => a - b);
  let x = t.head + t.fixed;
  starts.forEach((start, i) => {
    x += t.ordered
      .replace('w:abstractNumId="3"', `w:abstractNumId="${i + 3}"`)
      .replaceAll('<w:start w:val="1"/>', `<w:start w:val="${start}"/>`);
  });
  x += t.defaultInstance;
  lists.forEach((list, i) => {
    const abstractId = list.ordered ? starts.indexOf(list.start) + 3 : 2;
    x += `<w:num w:numId="${i + 2}"><w:abstractNumId w:val="${abstractId}"/>`;
    for (let level = 0; level < 9; level++)
      x += `<w:lvlOverride w:ilvl="${level}"><w:startOverride w:val="${list.start}"/></w:lvlOverride>`;
    x += '</w:num>';
  });
  return `${x}</w:numbering>`;
}
