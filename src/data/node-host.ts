import { relative } from 'node:path';
import { decodeUtf8 } from '../source/decode-text.js';
import { problemText, readContained } from '../source/read-file.js';
import type { InheritHost, ReadFailure } from './inherit.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';

/**
 * An InheritHost on the real file system. `cwd` is passed in (not read from the process)
 * so the same inputs give the same output; displayed paths are relative to it. Every file
 * is read through readContained: its real path must lie inside `projectRoot`, it must be a
 * regular file and no larger than the limit.
 */
export function nodeHost(projectRoot: string, cwd: string, limits: Limits = DEFAULT_LIMITS): InheritHost {
  return {
    projectRoot,
    limits,
    readFile: (path) => readDeviceText(path, projectRoot, limits.fileBytes),
    displayPath: (path) => relative(cwd, path) || '.',
  };
}

/** The text of a device file, undefined when it does not exist, or why it must not be used. */
export function readDeviceText(path: string, projectRoot: string, maxBytes: number): string | undefined | ReadFailure {
  const read = readContained(path, { root: projectRoot, maxBytes });
  if (!read.ok) {
    const p = read.problem;
    switch (p.kind) {
      case 'missing':
        return undefined;
      case 'outside':
        return {
          code: 'data/file-outside-project',
          problem: problemText(p),
          hint: 'copy the file into the folder you named on the command line instead of linking to it',
        };
      case 'not-a-file':
        return { code: 'data/not-a-file', problem: problemText(p), hint: 'name a YAML or JSON device file' };
      case 'too-large':
        return {
          code: 'data/file-too-large',
          problem: problemText(p),
          hint: 'device files are small text files: check that this is the right file, or raise the limit with --max-file-size',
        };
      case 'unreadable':
        return { code: 'data/file-unreadable', problem: problemText(p), hint: 'check the file permissions' };
    }
  }
  const decoded = decodeUtf8(read.bytes);
  if ('problem' in decoded) {
    const d = decoded.problem;
    return {
      code: d.code === 'utf16' ? 'data/utf16' : 'data/invalid-utf8',
      problem: d.message.replace(/^the file /, ''),
      hint: d.hint,
      at: d.at,
    };
  }
  return decoded.text;
}
