import { unzipSync, strFromU8 } from 'fflate';
import { child, descendants, elements, parseXml } from './xml.js';
import type { XmlElement } from './xml.js';

/** The parts of a .docx as text (XML) or bytes, in zip order. */
export function unzipDocx(bytes: Uint8Array): {
  names: string[];
  text: (name: string) => string;
  bytes: Record<string, Uint8Array>;
} {
  const files = unzipSync(bytes);
  return {
    names: Object.keys(files),
    text: (name) => {
      const data = files[name];
      if (!data) throw new Error(`part ${name} missing`);
      return strFromU8(data);
    },
    bytes: files,
  };
}

/** Visible text of a paragraph: w:t, tabs as \t, breaks as ↵. */
export function paragraphText(p: XmlElement): string {
  let out = '';
  const walk = (el: XmlElement): void => {
    for (const c of el.children) {
      if (typeof c === 'string') continue;
      if (c.name === 'w:t') out += c.children.filter((x) => typeof x === 'string').join('');
      else if (c.name === 'w:tab' && el.name === 'w:r') out += '\t';
      else if (c.name === 'w:br') out += '↵';
      else if (c.name !== 'w:pPr' && c.name !== 'w:rPr' && c.name !== 'w:instrText') walk(c);
    }
  };
  walk(p);
  return out;
}

function paragraphLine(p: XmlElement): string {
  const pPr = child(p, 'w:pPr');
  const style = (pPr && child(pPr, 'w:pStyle')?.attrs['w:val']) ?? 'Normal';
  const numPr = pPr && child(pPr, 'w:numPr');
  const num = numPr
    ? ` #${child(numPr, 'w:numId')?.attrs['w:val'] ?? '?'}/${child(numPr, 'w:ilvl')?.attrs['w:val'] ?? '?'}`
    : '';
  const brk = pPr && child(pPr, 'w:pageBreakBefore') ? ' ^' : '';
  return `[${style}${num}${brk}] ${paragraphText(p)}`.trimEnd();
}

function tableLines(tbl: XmlElement, indent: string): string[] {
  const rows = elements(tbl, 'w:tr');
  const cols = elements(child(tbl, 'w:tblGrid') ?? tbl, 'w:gridCol').length;
  const lines = [`${indent}[Table ${rows.length}x${cols}]`];
  for (const tr of rows) {
    const trPr = child(tr, 'w:trPr');
    const header =
      trPr && child(trPr, 'w:tblHeader') && child(trPr, 'w:tblHeader')?.attrs['w:val'] !== 'off' ? 'H' : ' ';
    const cells = elements(tr, 'w:tc').map((tc) => elements(tc, 'w:p').map(paragraphText).join(' / '));
    lines.push(`${indent}${header}| ${cells.join(' | ')} |`);
  }
  return lines;
}

/** One line per paragraph (`[StyleId] text`), tables as `[Table RxC]` plus one line per row. */
export function project(documentXml: string): string[] {
  const doc = parseXml(documentXml);
  const body = descendants(doc, 'w:body')[0];
  if (!body) throw new Error('no w:body');
  const lines: string[] = [];
  const walk = (el: XmlElement): void => {
    for (const c of elements(el)) {
      if (c.name === 'w:p') lines.push(paragraphLine(c));
      else if (c.name === 'w:tbl') lines.push(...tableLines(c, ''));
      else if (c.name === 'w:sdt') {
        lines.push('[SDT]');
        const content = child(c, 'w:sdtContent');
        if (content) walk(content);
        lines.push('[/SDT]');
      }
    }
  };
  walk(body);
  return lines;
}
