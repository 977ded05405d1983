import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';

/**
 * The one way techfile reads an input file (device data, parents, images, templates). Input
 * folders are untrusted: a name may be a symlink to a file elsewhere, a device (`/dev/zero`),
 * a FIFO that never ends, or a huge file. So the real path must lie inside the folder the user
 * named, only a regular file is read (checked on the open descriptor, not on the name), and
 * never more than `maxBytes`.
 */
export type ReadProblem =
  | { readonly kind: 'missing' }
  | { readonly kind: 'outside'; readonly realPath: string }
  | { readonly kind: 'not-a-file'; readonly what: string }
  | { readonly kind: 'too-large'; readonly size: number; readonly limit: number }
  | { readonly kind: 'unreadable'; readonly reason: string };

export type ReadOutcome =
  | { readonly ok: true; readonly bytes: Uint8Array; readonly realPath: string }
  | { readonly ok: false; readonly problem: ReadProblem };

export interface ReadRequest {
  /** The file must resolve (symlinks followed) to a path inside this folder's real path. */
  readonly root?: string;
  readonly maxBytes: number;
  /** Read the first `maxBytes` of a larger file instead of refusing it (a look at its start). */
  readonly truncate?: boolean;
}

/** Is `path` strictly inside `root`? Both absolute, compared as real paths by the callers. */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** The real path of a folder, or the folder itself when it cannot be resolved. */
export function realFolder(dir: string): string {
  try {
    return realpathSync.native(dir);
  } catch {
    return dir;
  }
}

export function readContained(path: string, request: ReadRequest): ReadOutcome {
  let realPath: string;
  try {
    realPath = realpathSync.native(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, problem: { kind: 'missing' } };
    return { ok: false, problem: { kind: 'unreadable', reason: errnoText(error) } };
  }
  if (request.root !== undefined && !isInside(realFolder(request.root), realPath)) {
    return { ok: false, problem: { kind: 'outside', realPath } };
  }
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading must not wait for a writer that never comes.
    fd = openSync(realPath, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { ok: false, problem: { kind: 'unreadable', reason: errnoText(error) } };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ok: false, problem: { kind: 'not-a-file', what: kindOf(stat) } };
    if (stat.size > request.maxBytes && request.truncate !== true)
      return { ok: false, problem: { kind: 'too-large', size: stat.size, limit: request.maxBytes } };
    // The size can change between fstat and read: never read past the limit.
    const buffer = Buffer.alloc(Math.min(stat.size, request.maxBytes) + 1);
    let total = 0;
    for (;;) {
      const n = readSync(fd, buffer, total, buffer.length - total, null);
      if (n === 0) break;
      total += n;
      if (total >= buffer.length) {
        if (total <= request.maxBytes) break;
        if (request.truncate === true) return { ok: true, bytes: buffer.subarray(0, request.maxBytes), realPath };
        return { ok: false, problem: { kind: 'too-large', size: total, limit: request.maxBytes } };
      }
    }
    return { ok: true, bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, total), realPath };
  } catch (error) {
    return { ok: false, problem: { kind: 'unreadable', reason: errnoText(error) } };
  } finally {
    closeSync(fd);
  }
}

function kindOf(stat: {
  isDirectory(): boolean;
  isFIFO(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isSocket(): boolean;
}): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** `EACCES: permission denied` without the path and syscall Node adds. */
export function errnoText(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  const known: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EISDIR: 'it is a folder',
    ELOOP: 'too many levels of symbolic links',
    ENAMETOOLONG: 'the name is too long',
    ENOSPC: 'no space left on the device',
    EDQUOT: 'disk quota exceeded',
    EROFS: 'read-only file system',
    EIO: 'input/output error',
    ENOENT: 'no such file or folder',
    ENOTDIR: 'a part of the path is not a folder',
    EEXIST: 'a file of that name already exists',
  };
  if (e && typeof e.code === 'string') return known[e.code] ?? e.code;
  return e instanceof Error ? e.message : String(error);
}

/** What a ReadProblem means, in one phrase after "`file` ": "is a device", "is larger than …". */
export function problemText(problem: ReadProblem): string {
  switch (problem.kind) {
    case 'missing':
      return 'does not exist';
    case 'outside':
      return 'leads (through a symbolic link) outside the folder you named';
    case 'not-a-file':
      return `is ${problem.what}, not a regular file`;
    case 'too-large':
      return `is larger than the limit of ${problem.limit} bytes`;
    case 'unreadable':
      return `cannot be read: ${problem.reason}`;
  }
}
