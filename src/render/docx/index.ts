import { Document as DocxDocument, Packer } from 'docx';
import type { Document } from '../../model/nodes.js';
import { CAPTIONS } from '../captions.js';
import type { RenderOptions } from '../options.js';
import { renderBlocks } from './blocks.js';
import { createContext } from './context.js';
import { runningFooter, runningHeader, titlePageHeader } from './header-footer.js';
import { numberingConfig } from './numbering.js';
import { normalizePackage } from './package.js';
import { documentStyles } from './styles.js';
import { PAGE } from './theme.js';
import { renderTitlePage } from './title-page.js';

/**
 * The model → a .docx package (bytes). Pure: the same Document and assets give the same bytes
 * (timestamps come from `meta.date`, ids from counters; see package.ts).
 */
export async function renderDocx(doc: Document, options: RenderOptions): Promise<Uint8Array> {
  const { meta } = doc;
  const ctx = createContext(doc, options.assets);
  // The body is rendered first: it tells which list numbering definitions the document needs.
  const body = [...renderTitlePage(meta), ...renderBlocks(doc.children, ctx, doc.children, true)];
  const footer = runningFooter(meta);
  const file = new DocxDocument({
    title: meta.title,
    subject: meta.subject,
    creator: meta.author,
    lastModifiedBy: meta.author,
    keywords: meta.keywords.join(', '),
    description: `${meta.documentNumber}, ${CAPTIONS.versionInline} ${meta.version} (${meta.status})`,
    ...(meta.fingerprints
      ? {
          customProperties: [
            { name: 'techfile.generator', value: meta.fingerprints.generator },
            { name: 'techfile.dataSha256', value: meta.fingerprints.dataSha256 },
            { name: 'techfile.templatesSha256', value: meta.fingerprints.templatesSha256 },
          ],
        }
      : {}),
    styles: documentStyles(meta.language),
    numbering: numberingConfig(ctx.orderedStarts),
    features: { updateFields: true },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: PAGE.marginTop,
              bottom: PAGE.marginBottom,
              left: PAGE.marginLeft,
              right: PAGE.marginRight,
              header: PAGE.header,
              footer: PAGE.footer,
            },
          },
        },
        headers: { default: runningHeader(meta), first: titlePageHeader() },
        footers: { default: footer, first: runningFooter(meta) },
        children: body,
      },
    ],
  });
  const packed = await Packer.toBuffer(file);
  return normalizePackage(new Uint8Array(packed.buffer, packed.byteOffset, packed.byteLength), meta);
}
