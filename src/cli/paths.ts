import { readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';

export const DEVICE_EXTENSIONS = ['.yaml', '.yml', '.json'];

export interface DeviceInput {
  /** Absolute path of the device file. */
  readonly path: string;
  /** Folder that `extends` parents must stay inside. */
  readonly projectRoot: string;
  /** true when the file was found by searching a folder (not named by the user). */
  readonly found: boolean;
}

/** A path as the user should see it: relative to the working directory, with `/`. */
export function displayPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return (rel === '' ? '.' : rel).split('\\').join('/');
}

/**
 * Expands the user's arguments: files stay as named; folders are searched recursively
 * (sorted, skipping node_modules and dot folders) for .yaml/.yml/.json files.
 * Returns the arguments that do not exist separately.
 */
export function expandInputs(args: readonly string[], cwd: string): { inputs: DeviceInput[]; missing: string[] } {
  const inputs: DeviceInput[] = [];
  const missing: string[] = [];
  for (const arg of args) {
    const path = resolve(cwd, arg);
    const stat = statOrUndefined(path);
    if (!stat) missing.push(arg);
    else if (stat.isDirectory()) for (const file of walk(path)) inputs.push({ path: file, projectRoot: path, found: true });
    else inputs.push({ path, projectRoot: inside(cwd, path) ? cwd : resolve(path, '..'), found: false });
  }
  // The same file named twice (or found twice) is checked once.
  const seen = new Set<string>();
  return { inputs: inputs.filter((i) => (seen.has(i.path) ? false : (seen.add(i.path), true))), missing };
}

function walk(dir: string): string[] {
  const out: string[] = [];
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(full));
    // Links, pipes and devices with a device-file name are listed too, so that reading them
    // is refused with a reason (outside the folder, not a regular file) instead of skipped.
    else if (!e.isDirectory() && DEVICE_EXTENSIONS.some((ext) => e.name.toLowerCase().endsWith(ext))) out.push(full);
  }
  return out;
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return !rel.startsWith('..') && !isAbsolute(rel);
}

function statOrUndefined(path: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
