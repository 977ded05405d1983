/**
 * How a .yaml/.yml/.json file found in a folder is told apart from other files kept beside the
 * device files (package.json, a CycloneDX SBOM, a CI workflow): device data has one of these
 * keys at its top level.
 */
const DEVICE_KEYS = ['product', 'manufacturer', 'regulatory', 'extends', 'abstract'] as const;

/** Does the parsed top-level value hold a device key? */
export function hasDeviceKey(entry: object): boolean {
  return DEVICE_KEYS.some((key) => Object.hasOwn(entry, key));
}

/** Block YAML: a top-level key starts a line, quoted or not. */
const YAML_TOP_KEY = new RegExp(`^(["']?)(?:${DEVICE_KEYS.join('|')})\\1[ \\t]*:`, 'm');

/**
 * Does the start of a file that could not be loaded (too large, a list over the limit, a syntax
 * error) name a device key at its top level? Then it is reported as a broken device file;
 * otherwise it is someone else's file and skipped, like any other file that is not device data.
 * Read from the text, not a parse: the file is exactly one that did not parse or load.
 */
export function textNamesDeviceKey(text: string): boolean {
  const start = text.replace(/^\uFEFF/, '');
  const json = start.trimStart();
  return json.startsWith('{') ? jsonTopKeys(json).some(isDeviceKey) : YAML_TOP_KEY.test(start);
}

function isDeviceKey(key: string): boolean {
  return (DEVICE_KEYS as readonly string[]).includes(key);
}

/**
 * The keys of the outermost JSON object (or flow mapping) in `text`, as far as the text goes:
 * a string directly inside the outer braces followed by `:`. Brackets inside strings are
 * skipped; nothing else is checked.
 */
function jsonTopKeys(text: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const end = stringEnd(text, i);
      if (depth === 1 && /^\s*:/.test(text.slice(end + 1, end + 64))) keys.push(text.slice(i + 1, end));
      i = end;
    } else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) break;
    }
  }
  return keys;
}

/** Index of the quote closing the string that opens at `open` (or the text's end). */
function stringEnd(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return text.length;
}
