import { fileURLToPath } from 'node:url';

/** The templates that ship with techfile (the same path from src/ and from dist/). */
export function defaultTemplatesDir(): string {
  return fileURLToPath(new URL('../../templates', import.meta.url));
}
