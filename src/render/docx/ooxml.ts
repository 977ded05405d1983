/**
 * A small, direct WordprocessingML writer: the body, header and footer of a document written as
 * strings. The `docx` package builds a component tree, walks it again to prepare it and walks it a
 * third time to write it; for a 100-page document that costs most of the render. The parts that
 * never change are still made by `docx` (static-parts.ts); this writer emits exactly the XML
 * `docx` writes for the options the renderer used before (element and attribute order included),
 * so the package a reader sees is unchanged.
 *
 * Every value goes through `xmlEscape`, the one escaping function for text and attributes.
 */

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '"': '&quot;',
  "'": '&apos;',
  '<': '&lt;',
  '>': '&gt;',
};

/**
 * Characters XML 1.0 does not allow (C0 controls other than tab, line feed and carriage return,
 * U+FFFE, U+FFFF and unpaired surrogates) are dropped, the five markup characters escaped. The
 * model is already XML-safe (transform/xml-safe.ts); this keeps the part well-formed whatever
 * the renderer is handed.
 */
const SPECIAL =
  /[&"'<>\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ANY_SPECIAL = /[&"'<>\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

export function xmlEscape(value: string): string {
  if (!ANY_SPECIAL.test(value)) return value;
  return value.replace(SPECIAL, (ch) => ESCAPES[ch] ?? '');
}

/** A border line: `<w:bottom w:val="single" w:color="A6A6A6" w:sz="6" w:space="1"/>`. */
export interface BorderLine {
  readonly style: 'single' | 'nil';
  readonly size?: number;
  readonly color?: string;
  readonly space?: number;
}

export function borderXml(side: string, line: BorderLine): string {
  if (line.style === 'nil') return `<w:${side} w:val="nil"/>`;
  const space = line.space === undefined ? '' : ` w:space="${line.space}"`;
  return `<w:${side} w:val="single" w:color="${line.color ?? 'auto'}" w:sz="${line.size ?? 4}"${space}/>`;
}

export function shadingXml(fill: string): string {
  return `<w:shd w:fill="${fill}" w:color="auto" w:val="clear"/>`;
}

export interface Spacing {
  readonly before?: number;
  readonly after?: number;
  /** Line spacing in 240ths of a line (`lineRule="auto"`). */
  readonly line?: number;
}

export interface TabStop {
  readonly type: 'left' | 'right' | 'clear';
  readonly position: number;
  readonly leader?: 'none';
}

/** Paragraph properties the renderer uses, written in the schema's (and docx's) order. */
export interface ParagraphProps {
  readonly style?: string;
  readonly keepNext?: boolean;
  readonly keepLines?: boolean;
  readonly pageBreakBefore?: boolean;
  readonly numbering?: { readonly level: number; readonly numId: number };
  readonly border?: { readonly top?: BorderLine; readonly bottom?: BorderLine };
  readonly tabs?: readonly TabStop[];
  readonly spacing?: Spacing;
  readonly indent?: { readonly left: number; readonly hanging?: number };
  readonly align?: 'left' | 'center' | 'right';
}

export function paragraphPropsXml(p: ParagraphProps): string {
  let x = '';
  if (p.style !== undefined) x += `<w:pStyle w:val="${xmlEscape(p.style)}"/>`;
  if (p.keepNext === true) x += '<w:keepNext/>';
  if (p.keepLines === true) x += '<w:keepLines/>';
  if (p.pageBreakBefore === true) x += '<w:pageBreakBefore/>';
  if (p.numbering !== undefined)
    x += `<w:numPr><w:ilvl w:val="${p.numbering.level}"/><w:numId w:val="${p.numbering.numId}"/></w:numPr>`;
  if (p.border !== undefined) {
    x += '<w:pBdr>';
    if (p.border.top !== undefined) x += borderXml('top', p.border.top);
    if (p.border.bottom !== undefined) x += borderXml('bottom', p.border.bottom);
    x += '</w:pBdr>';
  }
  if (p.tabs !== undefined) {
    x += '<w:tabs>';
    for (const t of p.tabs)
      x += `<w:tab w:val="${t.type}" w:pos="${t.position}"${t.leader === undefined ? '' : ` w:leader="${t.leader}"`}/>`;
    x += '</w:tabs>';
  }
  if (p.spacing !== undefined) {
    const s = p.spacing;
    x += '<w:spacing';
    if (s.after !== undefined) x += ` w:after="${s.after}"`;
    if (s.before !== undefined) x += ` w:before="${s.before}"`;
    if (s.line !== undefined) x += ` w:line="${s.line}" w:lineRule="auto"`;
    x += '/>';
  }
  if (p.indent !== undefined)
    x += `<w:ind w:left="${p.indent.left}"${p.indent.hanging === undefined ? '' : ` w:hanging="${p.indent.hanging}"`}/>`;
  if (p.align !== undefined) x += `<w:jc w:val="${p.align}"/>`;
  return x === '' ? '' : `<w:pPr>${x}</w:pPr>`;
}

/** A paragraph from its properties and its already written content (runs, hyperlinks, bookmarks). */
export function paragraphXml(props: ParagraphProps, content: string): string {
  const pPr = paragraphPropsXml(props);
  return pPr === '' && content === '' ? '<w:p/>' : `<w:p>${pPr}${content}</w:p>`;
}

/** Character properties the renderer uses, in the schema's (and docx's) order. */
export interface RunProps {
  readonly style?: string;
  readonly font?: string;
  readonly bold?: boolean;
  readonly italics?: boolean;
  readonly allCaps?: boolean;
  readonly noProof?: boolean;
  readonly color?: string;
  /** Half-points. */
  readonly size?: number;
  readonly highlight?: 'yellow';
  readonly fill?: string;
}

export function runPropsXml(r: RunProps): string {
  let x = '';
  if (r.style !== undefined) x += `<w:rStyle w:val="${xmlEscape(r.style)}"/>`;
  if (r.font !== undefined) {
    const f = xmlEscape(r.font);
    x += `<w:rFonts w:ascii="${f}" w:cs="${f}" w:eastAsia="${f}" w:hAnsi="${f}"/>`;
  }
  if (r.bold === true) x += '<w:b/><w:bCs/>';
  if (r.italics === true) x += '<w:i/><w:iCs/>';
  if (r.allCaps === true) x += '<w:caps/>';
  if (r.noProof === true) x += '<w:noProof/>';
  if (r.color !== undefined) x += `<w:color w:val="${r.color}"/>`;
  if (r.size !== undefined) x += `<w:sz w:val="${r.size}"/><w:szCs w:val="${r.size}"/>`;
  if (r.highlight !== undefined) x += `<w:highlight w:val="${r.highlight}"/>`;
  if (r.fill !== undefined) x += shadingXml(r.fill);
  return x === '' ? '' : `<w:rPr>${x}</w:rPr>`;
}

/** `<w:t>` with its text; space is always preserved, as docx writes it. */
export function textXml(text: string): string {
  return `<w:t xml:space="preserve">${xmlEscape(text)}</w:t>`;
}

/** A run of text with properties already written by `runPropsXml`. */
export function textRunXml(text: string, rPr = ''): string {
  return `<w:r>${rPr}${textXml(text)}</w:r>`;
}

export const TAB_RUN = '<w:r><w:tab/></w:r>';
export const BREAK_RUN = '<w:r><w:br/></w:r>';
