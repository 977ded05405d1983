// The document models of the bundled examples, built through the library's own pipeline
// stages (load → inherit → validate → clean → SBOM → build-document), and their word counts.
import { join } from 'node:path';
import { loadDevice, nodeHost } from '../../dist/data/index.js';
import { defaultDeviceSchema } from '../../dist/pipeline/default-schema.js';
import { DOC_TYPES } from '../../dist/regulatory/catalogue.js';
import { loadCatalogue } from '../../dist/pipeline/catalogue.js';
import { decideApplicability } from '../../dist/regulatory/applicability.js';
import { loadTemplates } from '../../dist/pipeline/template-set.js';
import { defaultTemplatesDir } from '../../dist/pipeline/templates-dir.js';
import { cleanData } from '../../dist/pipeline/clean-data.js';
import { prepareSbomData } from '../../dist/pipeline/sbom.js';
import { buildDocument } from '../../dist/pipeline/build-document.js';
import { xmlSafeDocument } from '../../dist/transform/xml-safe.js';
import { inlineText, walkBlocks } from '../../dist/model/text.js';

/** Words a reader sees in a block list: headings, paragraphs, list items, table cells, code. */
export function countWords(blocks) {
  let words = 0;
  const count = (text) => {
    words += (text.match(/\S+/g) ?? []).length;
  };
  for (const b of walkBlocks(blocks)) {
    if (b.type === 'heading' || b.type === 'paragraph') count(inlineText(b.children));
    else if (b.type === 'table') for (const r of b.rows) for (const c of r.cells) count(inlineText(c.children));
    else if (b.type === 'code') count(b.value);
  }
  return words;
}

/** Every applicable document of the device file `file` (absolute), with its word count. */
export async function documentModels(file, projectRoot) {
  const schema = await defaultDeviceSchema();
  const loaded = loadDevice(file, nodeHost(projectRoot, projectRoot), schema);
  if (!loaded.value) throw new Error(`bench: ${file} did not load`);
  const templates = loadTemplates(defaultTemplatesDir()).value;
  const catalogue = loadCatalogue();
  const data = cleanData(loaded.value.data, file, undefined).data;
  const applicability = decideApplicability(data);
  const sbom = prepareSbomData({
    data,
    file,
    dirs: [join(file, '..')],
    root: projectRoot,
    docTypes: DOC_TYPES,
    final: false,
    sourceDateEpoch: undefined,
    applicability,
    locate: undefined,
  });
  const out = [];
  for (const docType of DOC_TYPES) {
    if (!applicability.documents[docType].applies) continue;
    const built = buildDocument({
      file,
      data: sbom.data,
      docType,
      templates,
      catalogue,
      applicability,
      final: false,
      sourceDateEpoch: undefined,
    });
    if (!built.value) continue;
    const document = xmlSafeDocument(built.value.document).document;
    out.push({ docType, document, words: countWords(document.children) });
  }
  return out;
}
