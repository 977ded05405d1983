import { assertNever, type Inline } from '../../../model/nodes.js';
import { placeholderText } from '../../../model/text.js';
import { COLOR } from '../style.js';
import type { FontKey } from './types.js';

/** A stretch of text in one style; the unit line breaking works on. */
export interface Run {
  readonly text: string;
  readonly font: FontKey;
  readonly size: number;
  readonly color: string;
  /** External URL or `#id`. */
  readonly link?: string;
  /** Background fill behind the text (placeholders, inline code). */
  readonly highlight?: string;
  /** A hard line break; `text` is empty. */
  readonly lineBreak?: true;
}

/** The inherited style while walking inline content. */
export interface RunStyle {
  readonly bold: boolean;
  readonly italic: boolean;
  readonly size: number;
  readonly color: string;
  readonly link?: string;
}

export function fontFor(bold: boolean, italic: boolean): FontKey {
  if (bold) return italic ? 'boldItalic' : 'bold';
  return italic ? 'italic' : 'regular';
}

export function bodyStyle(size: number, color: string = COLOR.text): RunStyle {
  return { bold: false, italic: false, size, color };
}

/** Flattens inline nodes into styled runs. */
export function inlineRuns(nodes: readonly Inline[], style: RunStyle): Run[] {
  const out: Run[] = [];
  const push = (text: string, font: FontKey, extra: Partial<Run> = {}): void => {
    if (text === '') return;
    const run: Run = { text, font, size: style.size, color: style.color, ...extra };
    out.push(style.link === undefined ? run : { ...run, link: style.link });
  };
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        push(node.value, fontFor(style.bold, style.italic));
        break;
      case 'strong':
        out.push(...inlineRuns(node.children, { ...style, bold: true }));
        break;
      case 'emphasis':
        out.push(...inlineRuns(node.children, { ...style, italic: true }));
        break;
      case 'inlineCode':
        // Mono at a slightly smaller size so it sits visually level with the body text.
        out.push({
          text: node.value,
          font: 'mono',
          size: style.size * 0.92,
          color: style.color,
          highlight: COLOR.codeFill,
          ...(style.link === undefined ? {} : { link: style.link }),
        });
        break;
      case 'link':
        out.push(...inlineRuns(node.children, { ...style, color: COLOR.link, link: node.url }));
        break;
      case 'break':
        out.push({ text: '', font: 'regular', size: style.size, color: style.color, lineBreak: true });
        break;
      case 'placeholder':
        // Missing data must be impossible to overlook: bold on yellow, in every context.
        push(placeholderText(node.label, node.field), fontFor(true, style.italic), {
          color: COLOR.text,
          highlight: COLOR.placeholderFill,
        });
        break;
      default:
        assertNever(node);
    }
  }
  return out;
}
