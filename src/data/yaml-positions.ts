import { isCollection, isMap, isScalar, isSeq, visit } from './yaml-lib.js';
import type { FieldPath } from '../source/field-path.js';
import type { Document, YAMLError } from './yaml-lib.js';
import type { Range } from '../source/position.js';

// Positions in a parsed YAML file that the parser does not report itself (see load.ts).

/**
 * Where the construct a parser error is about begins: an unclosed quote or bracket is
 * reported by the parser where the text ran out, but the writer needs the place it was opened.
 */
export function constructStart(doc: Document.Parsed, e: YAMLError): number {
  const quote = e.code === 'MISSING_CHAR' && /quote/i.test(e.message);
  const flow =
    /flow (sequence|map|collection)/i.test(e.message) || (e.code === 'MISSING_CHAR' && /[\]}]/.test(e.message));
  if (!quote && !flow) return e.pos[0];
  let best: number | undefined;
  visit(doc, (_key, node) => {
    const start = (node as { range?: [number, number, number] } | null)?.range?.[0];
    if (start === undefined || start >= e.pos[0]) return;
    const match = quote
      ? isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE')
      : isCollection(node) && (node as { flow?: boolean }).flow === true;
    if (match && (best === undefined || start > best)) best = start;
  });
  return best ?? e.pos[0];
}

/** A key written a second time in one map: where, the field path it names, and where it was first written. */
export interface DuplicateKey {
  readonly offset: number;
  readonly path: FieldPath;
  readonly firstOffset: number;
}

/**
 * Keys written a second time in the same map (one Map per map: linear), in file order. The walk
 * keeps its own stack: the file is not yet checked for depth here.
 */
export function duplicateKeys(doc: Document.Parsed): DuplicateKey[] {
  const out: DuplicateKey[] = [];
  const stack: { node: unknown; path: FieldPath }[] = [{ node: doc.contents, path: [] }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { node, path } = item;
    if (isMap(node)) {
      const seen = new Map<string, number>();
      for (const pair of node.items) {
        const k = keyText(pair.key);
        const at = (pair.key as { range?: [number, number, number] } | null)?.range?.[0];
        if (k !== undefined && at !== undefined) {
          const first = seen.get(k);
          if (first !== undefined) out.push({ offset: at, path: [...path, k], firstOffset: first });
          else seen.set(k, at);
        }
        stack.push({ node: pair.value, path: k === undefined ? path : [...path, k] });
      }
    } else if (isSeq(node)) node.items.forEach((child, i) => stack.push({ node: child, path: [...path, i] }));
  }
  return out.sort((a, b) => a.offset - b.offset);
}

/** A node whose value is not plain data: a tag that makes bytes, sets or dates, or a key that is a list or map. */
export interface UnplainNode {
  readonly offset: number;
  readonly path: FieldPath;
  /** The tag as written (`!!binary`), or undefined for a key that is a list or map. */
  readonly tag?: string;
}

/** YAML tags the parser turns into values that are not text, numbers, yes/no, lists or maps. */
const UNPLAIN_TAGS = new Set(['binary', 'set', 'omap', 'pairs', 'timestamp'].map((t) => `tag:yaml.org,2002:${t}`));

/**
 * Where the file asks the parser for a value device data cannot be (checked before the value is
 * built: the parser would turn `!!binary` into bytes and a `[a, b]:` key into "a,b", with a
 * process warning). Its own stack, like duplicateKeys.
 */
export function unplainNodes(doc: Document.Parsed): UnplainNode[] {
  const out: UnplainNode[] = [];
  const stack: { node: unknown; path: FieldPath }[] = [{ node: doc.contents, path: [] }];
  const start = (n: unknown) => (n as { range?: [number, number, number] } | null)?.range?.[0];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { node, path } = item;
    const tag = (node as { tag?: unknown } | null)?.tag;
    const at = start(node);
    if (typeof tag === 'string' && UNPLAIN_TAGS.has(tag) && at !== undefined) {
      out.push({ offset: at, path, tag: `!!${tag.slice('tag:yaml.org,2002:'.length)}` });
      continue;
    }
    if (isMap(node)) {
      for (const pair of node.items) {
        const k = keyText(pair.key);
        const keyAt = start(pair.key);
        if (isCollection(pair.key) && keyAt !== undefined) out.push({ offset: keyAt, path });
        else stack.push({ node: pair.value, path: k === undefined ? path : [...path, k] });
      }
    } else if (isSeq(node)) node.items.forEach((child, i) => stack.push({ node: child, path: [...path, i] }));
  }
  return out.sort((a, b) => a.offset - b.offset);
}

export function firstAlias(doc: Document.Parsed): { range?: [number, number, number] | null } | undefined {
  let found: { range?: [number, number, number] | null } | undefined;
  visit(doc, {
    Alias: (_key, node) => {
      found = node;
      return visit.BREAK;
    },
  });
  return found;
}

/** Offset of the bracket that opens the deepest flow level (outside quotes, roughly). */
export function deepestBracket(text: string): number {
  let depth = 0;
  let max = 0;
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '[' || c === '{') {
      depth++;
      if (depth > max) {
        max = depth;
        at = i;
      }
    } else if (c === ']' || c === '}') depth = Math.max(0, depth - 1);
  }
  return at;
}

export function pointRange(text: string, offset: number): Range {
  const before = text.slice(0, offset).split('\n');
  const point = { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
  return { start: point, end: point };
}

export function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}
