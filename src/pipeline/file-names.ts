// Which strings of a device's data may name a file: the manifest hashes those files as inputs
// of the product (images, SBOM and VEX files), whatever field names them.

/** Strings in the data that may name a file: one line, short, with a file extension. */
export function* fileLikeStrings(value: unknown, depth = 0): Generator<string> {
  if (depth > 64) return;
  if (typeof value === 'string') {
    if (value.length < 400 && !value.includes('\n') && /\.[A-Za-z0-9]{1,8}$/.test(value)) yield value;
  } else if (Array.isArray(value)) for (const v of value) yield* fileLikeStrings(v, depth + 1);
  else if (value !== null && typeof value === 'object')
    for (const v of Object.values(value)) yield* fileLikeStrings(v, depth + 1);
}
