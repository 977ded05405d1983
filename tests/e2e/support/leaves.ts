/** Every string leaf of the data with its path (`a.b[2].c`), for finding where a value is written. */
export function stringLeaves(data: unknown, path = ''): { path: string; value: string }[] {
  if (typeof data === 'string') return [{ path, value: data }];
  if (Array.isArray(data)) return data.flatMap((x, i) => stringLeaves(x, `${path}[${i}]`));
  if (typeof data === 'object' && data !== null)
    return Object.entries(data).flatMap(([k, x]) => stringLeaves(x, path === '' ? k : `${path}.${k}`));
  return [];
}
