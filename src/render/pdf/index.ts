import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Document } from '../../model/nodes.js';
import { walkBlocks } from '../../model/text.js';
import type { RenderOptions } from '../options.js';
import { layoutDocument } from './layout/document.js';
import { DRAWN_FORMATS, readImageHeader } from '../image-header.js';
import type { ImageInfo } from './layout/types.js';
import { missingGlyphWarnings } from './glyph-warnings.js';
import { missingGlyphs } from './paint/glyph-coverage.js';
import { loadFonts } from './paint/fonts.js';
import { writePdf } from './paint/write.js';

/**
 * Renders the document model to PDF bytes: title page, TOC with real page numbers,
 * bookmarks, running header and footer. Same Document in, same bytes out.
 */
export async function renderPdf(doc: Document, options: RenderOptions): Promise<Uint8Array> {
  const fonts = loadFonts();
  const assets = options.assets ?? new Map<string, Uint8Array>();
  const images = new Map<string, ImageInfo>();
  for (const block of walkBlocks(doc.children)) {
    if (block.type !== 'image') continue;
    const bytes = assets.get(block.src);
    const header = bytes === undefined ? undefined : readImageHeader(bytes);
    if (header !== undefined && DRAWN_FORMATS.has(header.format))
      images.set(block.src, { width: header.width, height: header.height });
  }
  const layout = layoutDocument(doc, fonts.measurer, images);
  if (!layout.tocSettled) options.onWarning?.(tocUnsettled(options.name ?? doc.meta.docType, layout.passes));
  if (options.onWarning !== undefined) {
    const missing = missingGlyphs(layout.pages, fonts.sources);
    for (const warning of missingGlyphWarnings(options.name ?? doc.meta.docType, missing, options.fieldOf))
      options.onWarning(warning);
  }
  return writePdf(doc.meta, layout, fonts, assets);
}

function tocUnsettled(name: string, passes: number): Diagnostic {
  return {
    severity: 'warning',
    code: 'render/toc-unsettled',
    message: `${name} PDF: the table of contents still changed after ${passes} layout passes, so some of its page numbers may be off by a page`,
    hints: ['check the TOC page numbers in the PDF; a page break before a long section usually settles them'],
  };
}
