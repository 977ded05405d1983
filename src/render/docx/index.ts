import type { Document } from '../../model/nodes.js';
import { CAPTIONS } from '../captions.js';
import type { RenderOptions } from '../options.js';
import { renderBlocks } from './blocks.js';
import { createContext } from './context.js';
import { runningFooter, runningHeader, titlePageHeader } from './header-footer.js';
import { assemblePackage } from './package.js';
import { staticParts } from './static-parts.js';
import { renderTitlePage } from './title-page.js';

/**
 * The model → a .docx package (bytes). Pure: the same Document and assets give the same bytes
 * (timestamps come from `meta.date`, ids from counters; see package.ts). The parts that never
 * change are made by `docx` once per process (static-parts.ts); the body, header and footer are
 * written directly (ooxml.ts and the block writers), which is several times faster than building
 * and serialising a `docx` component tree for every document.
 */
export async function renderDocx(doc: Document, options: RenderOptions): Promise<Uint8Array> {
  const { meta } = doc;
  const template = await staticParts(meta.language);
  const ctx = createContext(doc, options.assets);
  const body = renderTitlePage(meta) + renderBlocks(doc.children, ctx, doc.children, true);
  return assemblePackage(
    template,
    {
      meta,
      body,
      header: runningHeader(meta),
      firstHeader: titlePageHeader(),
      footer: runningFooter(meta),
      description: `${meta.documentNumber}, ${CAPTIONS.versionInline} ${meta.version} (${meta.status})`,
      properties: meta.fingerprints
        ? [
            ['techfile.generator', meta.fingerprints.generator],
            ['techfile.dataSha256', meta.fingerprints.dataSha256],
            ['techfile.templatesSha256', meta.fingerprints.templatesSha256],
          ]
        : [],
    },
    ctx,
  );
}
