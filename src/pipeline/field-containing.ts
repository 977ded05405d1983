import type { Data } from '../regulatory/data-path.js';

/**
 * The first field of the device data (in the order written) whose text contains `text`, as a
 * field path (`network.ports[2].name`); undefined when no field has it, i.e. the text came from
 * a template or the catalogue. Used to say where a character the PDF fonts lack was written.
 */
export function fieldContaining(data: Data, text: string): string | undefined {
  const search = (value: unknown, path: string): string | undefined => {
    if (typeof value === 'string') return value.includes(text) ? path : undefined;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const hit = search(value[i], `${path}[${i}]`);
        if (hit !== undefined) return hit;
      }
      return undefined;
    }
    if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        const hit = search(child, path === '' ? key : `${path}.${key}`);
        if (hit !== undefined) return hit;
      }
    }
    return undefined;
  };
  return search(data, '');
}
