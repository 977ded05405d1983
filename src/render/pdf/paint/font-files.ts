import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FontKey } from '../layout/types.js';

// Apart from fonts.ts (which imports pdfkit): the manifest of a run hashes the font files,
// and listing them must not load the PDF renderer in the main thread.

/** DejaVu covers Latin, Greek and Cyrillic and may be embedded; the standard 14 fonts may not. */
export const FONT_FILES: Readonly<Record<FontKey, string>> = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
  boldItalic: 'DejaVuSans-BoldOblique.ttf',
  mono: 'DejaVuSansMono.ttf',
};

/** The folder of the font files, inside the installed dejavu-fonts-ttf package. */
export function fontDirectory(): string {
  const pkg = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json');
  return join(dirname(pkg), 'ttf');
}

/** Every font file a PDF embeds (absolute paths, sorted): inputs of every PDF, for the manifest. */
export function pdfFontFiles(): string[] {
  const dir = fontDirectory();
  return [...new Set(Object.values(FONT_FILES))].sort().map((name) => join(dir, name));
}
