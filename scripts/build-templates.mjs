// After tsc: compiles the shipped templates once (dist/templates/templates.generated.json), so a
// run does not parse, rewrite and compile them again. src/templates/prebuilt.ts uses it only while
// the template files hash exactly as they did here and the vocabulary is the same; edited or other
// template folders are compiled at run time.
import { writeFileSync } from 'node:fs';
import { formatDiagnostics } from '../dist/diagnostics/format.js';
import { compileTemplates, TEMPLATE_ARTEFACT, templateVocabulary } from '../dist/pipeline/template-set.js';
import { defaultTemplatesDir } from '../dist/pipeline/templates-dir.js';
import { artefactFromSet } from '../dist/templates/prebuilt.js';

export function buildTemplates() {
  const dir = defaultTemplatesDir();
  // Display paths stay absolute: the artefact keeps them relative to the folder.
  const loaded = compileTemplates(dir);
  if (loaded.diagnostics.length > 0 || !loaded.value.precompiled) {
    throw new Error(`the shipped templates do not load cleanly:\n${formatDiagnostics(loaded.diagnostics)}`);
  }
  const artefact = artefactFromSet(loaded.value.precompiled, dir, templateVocabulary());
  writeFileSync(TEMPLATE_ARTEFACT, `${JSON.stringify(artefact)}\n`);
}
