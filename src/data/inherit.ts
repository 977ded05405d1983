import { basename, dirname, isAbsolute, relative, resolve } from 'node:path';
import type { Diagnostic, Result } from '../diagnostics/diagnostic.js';
import type { Point } from '../source/position.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';
import type { SourceFile } from './load.js';
import { excerptOf, loadSource, refAt } from './load.js';
import { loadParentSource } from './parent-cache.js';
import type { Tagged } from './merge.js';
import { mergeTagged, tag, untag, withoutKeys } from './merge.js';
import { isRecord } from '../source/field-path.js';
import type { ResolvedData } from './provenance.js';
import { buildProvenance } from './provenance.js';

/** Why a file that exists was not read (outside the folder, not a regular file, too large, not UTF-8). */
export interface ReadFailure {
  /** Diagnostic code, e.g. `data/file-too-large`. */
  readonly code: string;
  /** Says what is wrong with the file, e.g. "is a device, not a regular file" (after its name). */
  readonly problem: string;
  readonly hint: string;
  /** Set when the problem is inside the file (an invalid byte): reported there, not at `extends`. */
  readonly at?: Point;
}

export interface InheritHost {
  /** The file's text; undefined when it does not exist; a ReadFailure when it must not be read. */
  readFile(path: string): string | undefined | ReadFailure;
  /** Absolute folder that parents must stay inside (the folder the user named, or the cwd). */
  readonly projectRoot: string;
  /** How to show an absolute path to the user; default: relative to projectRoot. */
  displayPath?(absolutePath: string): string;
  /** Limits on file size, nesting, text length and chain length; default DEFAULT_LIMITS. */
  readonly limits?: Limits;
}

/**
 * Reads `entry` and its `extends` parents and merges them (see mergeTagged for the rules).
 * `extends` is never inherited; `abstract` is only taken from the named file.
 * The value is undefined when a file of the chain cannot be read or parsed.
 */
export function resolveInheritance(entry: string, host: InheritHost): Result<ResolvedData | undefined> {
  const show = (p: string): string => host.displayPath?.(p) ?? (relative(host.projectRoot, p) || p);
  const limits = host.limits ?? DEFAULT_LIMITS;
  const MAX_DEPTH = limits.extendsDepth;
  const diagnostics: Diagnostic[] = [];
  const sources: SourceFile[] = [];
  let current = resolve(host.projectRoot, entry);
  // How the current file was reached: the `extends` value in the previous file.
  let reachedFrom: { source: SourceFile } | undefined;

  const fail = (code: string, message: string, hints: string[]): Result<undefined> => {
    const via = reachedFrom?.source;
    const start = { line: 1, column: 1 };
    const source = via ? refAt(via, ['extends']) : { file: show(current), range: { start, end: start } };
    const line = source.range?.start.line;
    diagnostics.push({
      severity: 'error',
      code,
      message,
      source,
      ...(via ? { fieldPath: 'extends' } : {}),
      hints,
      ...(sources.length > 1 ? { trace: sources.map((s) => s.file) } : {}),
      ...(via && line !== undefined ? excerptOf(via, line) : {}),
    });
    return { value: undefined, diagnostics };
  };

  for (;;) {
    const chainText = [...sources.map((s) => s.file), show(current)].join(' → ');
    const loopStart = sources.findIndex((s) => s.path === current);
    if (loopStart >= 0) {
      // Report a cycle the same way whichever of its files was named, so a folder run shows it once.
      const loop = sources.slice(loopStart);
      const first = loop.reduce((a, b) => (b.file < a.file ? b : a));
      const ordered = [...loop.slice(loop.indexOf(first)), ...loop.slice(0, loop.indexOf(first)), first];
      const range = first.valueRange(['extends']);
      const line = range?.start.line;
      diagnostics.push({
        severity: 'error',
        code: 'data/extends-cycle',
        message: `\`extends\` goes round in a circle: ${ordered.map((s) => s.file).join(' → ')}`,
        source: range ? { file: first.file, range } : { file: first.file },
        fieldPath: 'extends',
        hints: ['one file of the product line must be the root: remove `extends` from it'],
        ...(line !== undefined ? excerptOf(first, line) : {}),
      });
      return { value: undefined, diagnostics };
    }
    if (sources.length >= MAX_DEPTH) {
      return fail('data/extends-too-deep', `the \`extends\` chain is longer than ${MAX_DEPTH} files: ${chainText}`, [
        'flatten the product line into fewer levels, or raise the limit with --max-extends',
      ]);
    }
    const rel = relative(host.projectRoot, current);
    if (reachedFrom && (rel.startsWith('..') || isAbsolute(rel))) {
      return fail('data/extends-outside-project', `the parent file is outside the project folder: ${chainText}`, [
        `move the parent into ${projectFolder(show(host.projectRoot))}, or name a folder that contains both files on the command line`,
      ]);
    }
    const text = host.readFile(current);
    if (text === undefined) {
      if (!reachedFrom)
        return fail('data/file-missing', `cannot read \`${show(current)}\``, ['check the file name and path']);
      // `extends: ./line` for line.yaml: the extension is part of the name.
      const withExtension = ['.yaml', '.yml', '.json'].find((ext) => host.readFile(`${current}${ext}`) !== undefined);
      return fail('data/extends-missing', `the parent file does not exist: ${chainText}`, [
        withExtension !== undefined
          ? `did you mean \`${basename(current)}${withExtension}\`? The file name needs its extension`
          : 'write the path relative to the file that contains `extends`, e.g. `extends: ./product-line.yaml`',
      ]);
    }
    if (typeof text !== 'string') {
      if (text.at) {
        // The bytes themselves are wrong: point into the file, where an editor can show them.
        const range = { start: text.at, end: text.at };
        diagnostics.push({
          severity: 'error',
          code: text.code,
          message: `\`${show(current)}\` ${text.problem}`,
          source: { file: show(current), range },
          hints: [text.hint],
          ...(sources.length > 0 ? { trace: [...sources.map((s) => s.file), show(current)] } : {}),
        });
        return { value: undefined, diagnostics };
      }
      return fail(
        reachedFrom && text.code === 'data/file-outside-project' ? 'data/extends-outside-project' : text.code,
        `${reachedFrom ? 'the parent file ' : ''}\`${show(current)}\` ${text.problem}${reachedFrom ? `: ${chainText}` : ''}`,
        [text.hint],
      );
    }
    // Parents are shared by many variants: parsed once per process (see parent-cache.ts).
    const loaded = reachedFrom
      ? loadParentSource(current, show(current), text, limits)
      : loadSource(current, show(current), text, limits);
    diagnostics.push(...loaded.diagnostics);
    if (!loaded.value) return { value: undefined, diagnostics };
    const source = loaded.value;
    sources.push(source);

    const parent = source.value['extends'];
    if (parent === undefined || parent === null) break;
    if (typeof parent !== 'string' || parent.trim() === '') {
      reachedFrom = { source };
      return fail('data/wrong-type', '`extends` must be the path of the parent file', [
        'write a relative path in quotes, e.g. `extends: "./product-line.yaml"`',
      ]);
    }
    reachedFrom = { source };
    // A web address is not a path: resolved as one it became `https:/…`, "does not exist".
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(parent.trim()))
      return fail(
        'data/extends-missing',
        `\`extends\` names a web address (${parent.trim()}); the parent must be a file`,
        ['copy the parent file into the project and name it by its relative path, e.g. `extends: ./product-line.yaml`'],
      );
    current = resolve(dirname(current), parent);
    // `./` or `..`: a folder (the project folder itself would read as "outside" it).
    if (/[\\/]$|^\.{1,2}$/.test(parent.trim()) || current === resolve(host.projectRoot))
      return fail(
        'data/not-a-file',
        `\`extends\` names a folder (${parent.trim()}), not the parent file: ${chainOf(sources, show(current))}`,
        ['name the parent YAML or JSON file itself, e.g. `extends: ./product-line.yaml`'],
      );
  }

  // Merge from the root of the line down to the named file.
  let merged: Tagged<SourceFile> | undefined;
  for (let i = sources.length - 1; i >= 0; i--) {
    const source = sources[i]!;
    const own = withoutKeys(tag(source.value, source), i === 0 ? ['extends'] : ['extends', 'abstract']);
    merged = merged ? mergeTagged(merged, own) : own;
  }
  if (!merged) throw new Error('internal error: empty extends chain');
  const { value, origins } = untag(merged);
  if (!isRecord(value)) throw new Error('internal error: merged device data is not a mapping');
  return {
    value: {
      value,
      provenance: buildProvenance(origins),
      chain: sources.map((s) => s.file),
      origins,
      sources,
      abstract: sources[0]!.value['abstract'] === true,
    },
    diagnostics,
  };
}

/** The project folder in words: `.` (or nothing) is the folder techfile was run from. */
function projectFolder(shown: string): string {
  return shown === '' || shown === '.' ? 'the folder techfile was run from' : `\`${shown}\``;
}

function chainOf(sources: readonly SourceFile[], last: string): string {
  return [...sources.map((s) => s.file), last].join(' → ');
}
