import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from './yaml-lib.js';
import type { Document, Node as YamlNode, Pair, YAMLError, YAMLMap } from './yaml-lib.js';
import type { Diagnostic, Result } from '../diagnostics/diagnostic.js';
import type { Range, SourceRef } from '../source/position.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';
import { plainYamlProblem } from './yaml-messages.js';
import type { FieldPath } from '../source/field-path.js';
import { formatPath, isRecord } from '../source/field-path.js';
import { checkShape, type ShapeProblem } from './shape.js';
import {
  constructStart,
  deepestBracket,
  duplicateKeys,
  firstAlias,
  keyText,
  pointRange,
  unplainNodes,
} from './yaml-positions.js';

/** One parsed device file: the yaml Document (its nodes carry their ranges), its line index and text. */
export interface SourceFile {
  /** Path as the user should see it (relative to the working directory). */
  readonly file: string;
  /** Path used to read the file (absolute). */
  readonly path: string;
  readonly text: string;
  readonly doc: Document.Parsed;
  readonly lineCounter: LineCounter;
  /** The plain value of the file (always a mapping once loadSource succeeded). */
  readonly value: Record<string, unknown>;
  /** Where the value at `path` was written; for an empty value (`key:`), the key. */
  valueRange(path: FieldPath): Range | undefined;
  /** Where the key of the last segment was written (list items: the item itself). */
  keyRange(path: FieldPath): Range | undefined;
  /** 1-based line of the text, without the line break. */
  line(n: number): string | undefined;
}

/** What a YAML parser error means for someone who does not write YAML every day. */
const YAML_HINTS: Record<string, string> = {
  DUPLICATE_KEY: 'each key may appear only once in the same block: remove or rename one of them',
  BAD_INDENT: 'align keys of the same block at the same column, using spaces only',
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  MISSING_CHAR: 'close the quote or bracket that was opened earlier',
  MULTIPLE_DOCS: 'keep one device per file: remove the `---` separator',
  MULTILINE_IMPLICIT_KEY:
    'check the indentation of this line and the next (keys of one block start at the same column), and quote text that contains `: `',
  BLOCK_AS_IMPLICIT_KEY:
    'check the indentation of this line and the next (keys of one block start at the same column), and quote text that contains `: `',
  UNEXPECTED_TOKEN: 'quote text that starts with a special character such as `@`, `` ` ``, `%` or `*`',
};

/** What the parser makes of a tagged value, in words. */
const TAG_VALUES: Record<string, string> = {
  '!!binary': 'binary data',
  '!!set': 'a set',
  '!!omap': 'an ordered map',
  '!!pairs': 'a list of pairs',
  '!!timestamp': 'a point in time',
};

const GENERIC_HINT = 'check the indentation and quoting of this line and the line above';

const JSON_HINT =
  'JSON needs double quotes around every key and text value, exactly one comma between entries and none after the last: check this point and just before it';

/**
 * JSON's own description of the first syntax error in `text` and where it is, or undefined
 * when JSON.parse reads the text (or names no position).
 */
function jsonSyntaxError(text: string): { message: string; offset: number } | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    const at = /at position (\d+)/.exec(error.message);
    // Text that ends too early (an unclosed `{`): the YAML parser's report names where it was
    // opened, which helps more than the end of the file.
    if (!at || text.slice(Number(at[1])).trim() === '') return undefined;
    const what = error.message.replace(/\s*in JSON at position \d+.*$/s, '').replace(/\s*\(line \d+ column \d+\)$/, '');
    return { message: `JSON syntax: ${lowerFirst(what)}`, offset: Math.min(Number(at[1]), text.length) };
  }
}

/**
 * Parses a YAML 1.2 or JSON device file. JSON goes through the same parser (YAML 1.2 is a
 * superset of JSON) so positions and field lookup work identically for both.
 * Returns `undefined` as the value when the file cannot be used.
 */
export function loadSource(
  path: string,
  displayPath: string,
  text: string,
  limits: Pick<Limits, 'stringLength' | 'depth' | 'aliases' | 'listLength'> = DEFAULT_LIMITS,
): Result<SourceFile | undefined> {
  const lineCounter = new LineCounter();
  const lines = text.split(/\r?\n/);
  const rangeOf = (start: number, end: number): Range => {
    const a = lineCounter.linePos(start);
    const b = lineCounter.linePos(Math.max(start, end));
    return { start: { line: a.line, column: a.col }, end: { line: b.line, column: b.col } };
  };
  const fatal = (code: string, message: string, range: Range, hint: string): Result<undefined> => ({
    value: undefined,
    diagnostics: [
      {
        severity: 'error',
        code,
        message,
        source: { file: displayPath, range },
        hints: [hint],
        ...excerptOf(lines, range.start.line),
      },
    ],
  });
  let doc: Document.Parsed;
  try {
    // uniqueKeys is checked below: yaml's own check compares every key with every other (a map
    // of 100 000 keys would take hours).
    doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: false });
  } catch (error) {
    // The parser recurses per nesting level: thousands of `[` exhaust the stack.
    if (!(error instanceof RangeError)) throw error;
    const at = deepestBracket(text);
    return fatal(
      'data/too-deep',
      `the data is nested too deeply to read (more than ${limits.depth} levels)`,
      pointRange(text, at),
      'flatten the structure: device data needs only a few levels',
    );
  }
  const toDiagnostic = (e: YAMLError, severity: 'error' | 'warning'): Diagnostic => {
    const range = rangeOf(constructStart(doc, e), e.pos[1]);
    // prettyErrors appends " at line …" and a context block; we show our own excerpt instead.
    const message = (e.message.split(/ at line \d+, column \d+/)[0] ?? e.message).trim();
    const duplicate = e.code === 'DUPLICATE_KEY';
    // The parser catches its own stack overflow on thousands of nested brackets.
    const deep = /call stack/i.test(message);
    const plain = plainYamlProblem(e.code, message);
    return {
      severity,
      code: duplicate
        ? 'data/duplicate-key'
        : deep
          ? 'data/too-deep'
          : severity === 'error'
            ? 'data/syntax'
            : 'data/yaml-warning',
      message: duplicate
        ? duplicateMessage(text, e.pos[0])
        : deep
          ? 'the data is nested too deeply to read'
          : (plain?.message ?? lowerFirst(message)),
      source: { file: displayPath, range },
      hints: [
        deep
          ? 'flatten the structure: device data needs only a few levels'
          : (plain?.hint ?? YAML_HINTS[e.code] ?? GENERIC_HINT),
      ],
      ...excerptOf(lines, range.start.line),
    };
  };
  // One mistake often yields several parser errors on the same line: keep the first per line.
  const seenLines = new Set<number>();
  const firstPerLine = doc.errors.filter((e) => {
    const line = lineCounter.linePos(e.pos[0]).line;
    if (seenLines.has(line)) return false;
    seenLines.add(line);
    return true;
  });
  const duplicates = duplicateKeys(doc).filter((d) => !seenLines.has(lineCounter.linePos(d.offset).line));
  const diagnostics: Diagnostic[] = [
    ...firstPerLine.map((e) => toDiagnostic(e, 'error')),
    ...duplicates.map((d): Diagnostic => {
      const range = rangeOf(d.offset, d.offset);
      const first = lineCounter.linePos(d.firstOffset);
      const key = d.path[d.path.length - 1];
      const block = formatPath(d.path.slice(0, -1));
      return {
        severity: 'error',
        code: 'data/duplicate-key',
        message:
          typeof key === 'string'
            ? `\`${key}\` is written twice in ${block === '' ? 'the top level' : `\`${block}\``}; it was first written at line ${first.line}`
            : duplicateMessage(text, d.offset),
        source: { file: displayPath, range },
        fieldPath: formatPath(d.path),
        hints: [YAML_HINTS['DUPLICATE_KEY'] ?? GENERIC_HINT],
        ...excerptOf(lines, range.start.line),
      };
    }),
    ...doc.warnings.map((e) => toDiagnostic(e, 'warning')),
  ];
  if (doc.errors.length > 0 && /\.json$/i.test(displayPath)) {
    // The YAML parser reads JSON too, but its messages speak YAML ("flow map", "quote text that
    // starts with a special character"): a JSON file gets JSON's own message and position.
    const json = jsonSyntaxError(text);
    if (json !== undefined) {
      const range = rangeOf(json.offset, json.offset);
      return {
        value: undefined,
        diagnostics: [
          {
            severity: 'error',
            code: 'data/syntax',
            message: json.message,
            source: { file: displayPath, range },
            hints: [JSON_HINT],
            ...excerptOf(lines, range.start.line),
          },
        ],
      };
    }
  }
  if (doc.errors.length > 0 || duplicates.length > 0) return { value: undefined, diagnostics };
  const unplain = unplainNodes(doc);
  if (unplain.length > 0) {
    for (const u of unplain) {
      const range = rangeOf(u.offset, u.offset);
      const where = formatPath(u.path);
      diagnostics.push({
        severity: 'error',
        code: u.tag !== undefined ? 'data/wrong-type' : 'data/syntax',
        message:
          u.tag !== undefined
            ? `\`${where}\` is tagged \`${u.tag}\`, which makes it ${TAG_VALUES[u.tag] ?? 'a value'} instead of text, a number, a list or a block of fields`
            : `a key ${where === '' ? 'at the top level' : `in \`${where}\``} is written as a list or block; keys are plain names`,
        source: { file: displayPath, range },
        ...(u.tag !== undefined ? { fieldPath: where } : {}),
        hints: [
          u.tag !== undefined
            ? `remove \`${u.tag}\`: device files need no YAML tags (write dates as text, e.g. \`2027-03-01\`, and lists with \`- \`)`
            : 'write the key as a field name from `techfile schema`, and the value after `: `',
        ],
        ...excerptOf(lines, range.start.line),
      });
    }
    return { value: undefined, diagnostics };
  }
  // YAML reads JSON with a trailing comma or a comment; JSON tools (editors, jq in CI) do not.
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const looseJson = /\.json$/i.test(displayPath) ? jsonSyntaxError(text.slice(bom)) : undefined;
  if (looseJson !== undefined) {
    const range = rangeOf(looseJson.offset + bom, looseJson.offset + bom);
    diagnostics.push({
      severity: 'warning',
      code: 'data/yaml-warning',
      message: `${looseJson.message}; techfile reads it as YAML, but other JSON tools will refuse the file`,
      source: { file: displayPath, range },
      hints: [JSON_HINT],
      ...excerptOf(lines, range.start.line),
    });
  }

  let value: unknown;
  try {
    // yaml counts alias expansions and throws past the limit (a "billion laughs" file).
    value = doc.toJS({ maxAliasCount: limits.aliases });
  } catch (error) {
    if (!(error instanceof ReferenceError || error instanceof RangeError)) throw error;
    const alias = firstAlias(doc);
    const range = alias?.range
      ? rangeOf(alias.range[0], alias.range[1])
      : { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
    const unresolved = /Unresolved alias/.test(error.message);
    return {
      value: undefined,
      diagnostics: [
        ...diagnostics,
        {
          severity: 'error',
          code: unresolved ? 'data/syntax' : 'data/too-many-aliases',
          message: unresolved
            ? 'an alias (`*name`) refers to an anchor (`&name`) that is not set before it'
            : `the YAML aliases (\`*name\`) in this file expand to more than ${limits.aliases} values`,
          source: { file: displayPath, range },
          hints: [
            unresolved
              ? 'set the anchor `&name` before the first `*name`'
              : 'write the repeated values out, or raise the limit with --max-aliases',
          ],
          ...excerptOf(lines, range.start.line),
        },
      ],
    };
  }
  if (!isRecord(value)) {
    const empty = value === null || value === undefined;
    const range = doc.contents?.range ? rangeOf(doc.contents.range[0], doc.contents.range[1]) : rangeOf(0, 0);
    diagnostics.push({
      severity: 'error',
      code: empty ? 'data/empty-file' : 'data/not-a-mapping',
      message: empty
        ? 'the file contains no data'
        : 'a device file must be a set of `key: value` entries at the top level',
      source: { file: displayPath, range },
      hints: ['start with `product:` and `manufacturer:` blocks (see `techfile schema` for all fields)'],
    });
    return { value: undefined, diagnostics };
  }

  const find = (fieldPath: FieldPath): { node: YamlNode | null; key: YamlNode | null } | undefined => {
    let node: unknown = doc.contents;
    let key: YamlNode | null = null;
    for (const segment of fieldPath) {
      if (isAlias(node)) node = node.resolve(doc);
      if (typeof segment === 'number') {
        if (!isSeq(node)) return undefined;
        node = node.items[segment];
        key = (node as YamlNode | undefined) ?? null;
        if (node === undefined) return undefined;
      } else {
        if (!isMap(node)) return undefined;
        const pair = pairIndex(node).get(segment);
        if (!pair) return undefined;
        key = pair.key as YamlNode | null;
        node = pair.value;
      }
    }
    return { node: (node as YamlNode | null) ?? null, key };
  };
  const nodeRange = (node: YamlNode | null): Range | undefined =>
    node?.range ? rangeOf(node.range[0], node.range[1]) : undefined;

  const source: SourceFile = {
    file: displayPath,
    path,
    text,
    doc,
    lineCounter,
    value,
    valueRange: (fieldPath) => {
      const found = find(fieldPath);
      if (!found) return undefined;
      // `key:` with nothing after it yields a zero-width null scalar: point at the key instead.
      const blank = isScalar(found.node) && found.node.range && found.node.range[0] === found.node.range[1];
      return (blank ? undefined : nodeRange(found.node)) ?? nodeRange(found.key);
    },
    keyRange: (fieldPath) => {
      const found = find(fieldPath);
      if (!found) return undefined;
      return nodeRange(found.key) ?? nodeRange(found.node);
    },
    line: (n) => lines[n - 1],
  };
  const problem = checkShape(value, limits);
  if (problem) return { value: undefined, diagnostics: [...diagnostics, shapeDiagnostic(source, problem)] };
  return { value: source, diagnostics };
}

/** A SourceRef for the value at `path`, with the line as excerpt material. */
export function refAt(source: SourceFile, path: FieldPath, which: 'value' | 'key' = 'value'): SourceRef {
  const range = which === 'key' ? source.keyRange(path) : source.valueRange(path);
  return range ? { file: source.file, range } : { file: source.file };
}

export function excerptOf(lines: readonly string[] | SourceFile, line: number): { excerpt?: string } {
  const text = Array.isArray(lines) ? lines[line - 1] : (lines as SourceFile).line(line);
  return text === undefined ? {} : { excerpt: text.replace(/\t/g, ' ') };
}

/** The parser does not name the duplicated key; read it from the text at the error. */
function duplicateMessage(text: string, offset: number): string {
  const key = /^["']?([^"':\n]+)/.exec(text.slice(offset))?.[1]?.trim();
  return key ? `\`${key}\` is written twice in the same block` : 'the same key is written twice in the same block';
}

/**
 * Key → first pair of a YAML map, built once per map: positions are looked up for every
 * diagnostic, and a file with 100 000 unknown keys must not cost 100 000² comparisons.
 */
const pairIndexes = new WeakMap<object, Map<string, Pair>>();
function pairIndex(node: YAMLMap): Map<string, Pair> {
  let index = pairIndexes.get(node);
  if (!index) {
    index = new Map();
    for (const p of node.items) {
      const k = isPair(p) ? keyText(p.key) : undefined;
      if (k !== undefined && !index.has(k)) index.set(k, p);
    }
    pairIndexes.set(node, index);
  }
  return index;
}

function lowerFirst(text: string): string {
  return text.length > 0 ? text[0]!.toLowerCase() + text.slice(1) : text;
}

function shapeDiagnostic(source: SourceFile, problem: ShapeProblem): Diagnostic {
  const range = problem.kind === 'key-length' ? source.keyRange(problem.path) : source.valueRange(problem.path);
  const line = range?.start.line;
  const flag = {
    'string-length': '--max-string-length',
    'key-length': '--max-string-length',
    depth: '--max-depth',
    'list-length': '--max-list-length',
    values: '--max-aliases',
  }[problem.kind];
  return {
    severity: 'error',
    code: {
      depth: 'data/too-deep',
      'list-length': 'data/list-too-long',
      values: 'data/too-many-values',
      'string-length': 'data/text-too-long',
      'key-length': 'data/text-too-long',
    }[problem.kind],
    message: problem.message,
    source: range ? { file: source.file, range } : { file: source.file },
    ...(problem.path.length > 0 ? { fieldPath: formatPath(problem.path) } : {}),
    hints: [
      problem.kind === 'values'
        ? `write fewer values or fewer alias uses, or raise the limit with ${flag}`
        : `shorten it, or raise the limit with ${flag}`,
    ],
    ...(line !== undefined ? excerptOf(source, line) : {}),
  };
}
