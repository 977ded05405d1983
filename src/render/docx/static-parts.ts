import { Document as DocxDocument, Footer, Header, Packer, Paragraph, TextRun } from 'docx';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { numberingConfig, numberingTemplate } from './numbering.js';
import type { NumberingTemplate } from './numbering.js';
import { documentStyles } from './styles.js';
import { TABLE_STYLE_XML } from './table-style.js';
import { PAGE } from './theme.js';
import { zipEntry } from './zip.js';
import type { ZipEntry } from './zip.js';

/**
 * The parts of a techfile DOCX that do not depend on the document's content, made by `docx` once
 * per process (per worker) and per text language, then reused for every document: styles,
 * settings, theme, fonts, notes, content types, package relationships, the numbering definitions,
 * and the wrappers (root elements, section properties) of the document, header and footer parts.
 * The per-document parts are written directly (ooxml.ts, package.ts). Because every part comes
 * either from this fixed template or from the document, a document's bytes do not depend on
 * which documents the process rendered before or on the number of workers.
 */
export interface StaticParts {
  /** Parts copied as they are, by package path, already compressed for the archive. */
  readonly fixed: ReadonlyMap<string, ZipEntry>;
  /** word/document.xml up to and including `<w:body>`; the section properties and closing tags. */
  readonly documentHead: string;
  readonly documentTail: string;
  /** word/_rels/document.xml.rels up to the first relationship techfile adds (rId11 on). */
  readonly relationshipsHead: string;
  /** Root start tags of header and footer parts (their many namespace declarations). */
  readonly headerRoot: string;
  readonly footerRoot: string;
  readonly numbering: NumberingTemplate;
}

/** The parts written per document; everything else in the template is fixed. */
const DOCUMENT_PARTS = new Set([
  'word/document.xml',
  'word/_rels/document.xml.rels',
  'word/numbering.xml',
  'word/header1.xml',
  'word/header2.xml',
  'word/footer1.xml',
  'word/footer2.xml',
  'docProps/core.xml',
  'docProps/custom.xml',
]);

const BODY_MARK = 'techfile-body';

export async function buildStaticParts(language: string): Promise<StaticParts> {
  const empty = (): Paragraph => new Paragraph({ children: [] });
  const file = new DocxDocument({
    // Any non-empty value: core.xml and custom.xml are written per document.
    title: BODY_MARK,
    customProperties: [{ name: BODY_MARK, value: BODY_MARK }],
    styles: documentStyles(language),
    numbering: numberingConfig(new Set([1])),
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
        headers: { default: new Header({ children: [empty()] }), first: new Header({ children: [empty()] }) },
        footers: { default: new Footer({ children: [empty()] }), first: new Footer({ children: [empty()] }) },
        children: [new Paragraph({ children: [new TextRun(BODY_MARK)] })],
      },
    ],
  });
  const packed = await Packer.toBuffer(file);
  const zipped = unzipSync(new Uint8Array(packed.buffer, packed.byteOffset, packed.byteLength));
  const text = (name: string): string => {
    const data = zipped[name];
    if (data === undefined) throw new Error(`docx template has no ${name}`);
    return strFromU8(data);
  };
  const fixed = new Map<string, ZipEntry>();
  for (const name of Object.keys(zipped)) {
    if (DOCUMENT_PARTS.has(name)) continue;
    // docx cannot declare a table style; Word's "Table Grid" is added here (table-style.ts).
    const xml =
      name === 'word/styles.xml' ? text(name).replace('</w:styles>', `${TABLE_STYLE_XML}</w:styles>`) : text(name);
    fixed.set(name, zipEntry(name, strToU8(xml), true));
  }
  const documentXml = text('word/document.xml');
  const bodyStart = documentXml.indexOf('<w:body>') + '<w:body>'.length;
  const sectionStart = documentXml.indexOf('<w:sectPr');
  const relationships = text('word/_rels/document.xml.rels');
  const firstAdded = relationships.indexOf('<Relationship Id="rId11"');
  const rootOf = (xml: string, tag: string): string => xml.slice(0, xml.indexOf('>', xml.indexOf(`<${tag} `)) + 1);
  if (
    bodyStart < '<w:body>'.length ||
    sectionStart < bodyStart ||
    firstAdded < 0 ||
    !relationships.includes('fontTable.xml')
  )
    throw new Error('docx template document.xml has an unexpected shape');
  return {
    fixed,
    documentHead: documentXml.slice(0, bodyStart),
    documentTail: documentXml.slice(sectionStart),
    relationshipsHead: relationships.slice(0, firstAdded),
    headerRoot: rootOf(text('word/header1.xml'), 'w:hdr'),
    footerRoot: rootOf(text('word/footer1.xml'), 'w:ftr'),
    numbering: numberingTemplate(text('word/numbering.xml')),
  };
}

/** StaticParts as plain JSON (bytes in base64), for the artefact the build writes. */
export interface SerializedStaticParts extends Omit<StaticParts, 'fixed'> {
  readonly fixed: readonly {
    readonly path: string;
    readonly data: string;
    readonly deflated: boolean;
    readonly crc: number;
    readonly size: number;
  }[];
}

export function serializeStaticParts(parts: StaticParts): SerializedStaticParts {
  return {
    ...parts,
    fixed: [...parts.fixed].map(([path, e]) => ({
      path,
      data: Buffer.from(e.data).toString('base64'),
      deflated: e.deflated,
      crc: e.crc,
      size: e.size,
    })),
  };
}

function fromSerialized(s: SerializedStaticParts): StaticParts {
  const encoder = new TextEncoder();
  return {
    ...s,
    fixed: new Map(
      s.fixed.map((e) => [
        e.path,
        {
          name: encoder.encode(e.path),
          data: new Uint8Array(Buffer.from(e.data, 'base64')),
          deflated: e.deflated,
          crc: e.crc,
          size: e.size,
        },
      ]),
    ),
  };
}

/** The languages whose parts the build makes ahead of time (scripts/build-static-parts.mjs). */
export const PREBUILT_LANGUAGES = ['en'];

/**
 * The parts the build made for `language` with this very code (dist/render/docx/
 * static-parts.generated.js), or undefined when running from the sources or for another
 * language. Saves the first document of a process building and deflating them (~0.2 s).
 */
async function prebuilt(language: string): Promise<StaticParts | undefined> {
  if (!PREBUILT_LANGUAGES.includes(language)) return undefined;
  try {
    const url = new URL('./static-parts.generated.js', import.meta.url).href;
    const mod = (await import(url)) as { readonly default?: Record<string, SerializedStaticParts> };
    const parts = mod.default?.[language];
    return parts === undefined ? undefined : fromSerialized(parts);
  } catch {
    return undefined;
  }
}

/** Templates by language; a process renders few languages, the bound only guards against misuse. */
const cache = new Map<string, Promise<StaticParts>>();
const MAX_LANGUAGES = 16;

export function staticParts(language: string): Promise<StaticParts> {
  let parts = cache.get(language);
  if (parts === undefined) {
    if (cache.size >= MAX_LANGUAGES) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
    parts = prebuilt(language).then((p) => p ?? buildStaticParts(language));
    // A failed build is not cached: the next render tries again and reports the same bug.
    parts.catch(() => cache.delete(language));
    cache.set(language, parts);
  }
  return parts;
}
