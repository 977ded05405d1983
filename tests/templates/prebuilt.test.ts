import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileTemplates, templateVocabulary } from '../../src/pipeline/template-set.js';
import { defaultTemplatesDir } from '../../src/pipeline/templates-dir.js';
import { templateFingerprint } from '../../src/templates/load.js';
import { artefactFromSet, templatesFromArtefact } from '../../src/templates/prebuilt.js';
import { renderTemplate } from '../../src/templates/render.js';
import { CLAUSE_IDS, context } from './helpers.js';

const shipped = defaultTemplatesDir();
const copies: string[] = [];
afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the shipped templates in a fresh folder. */
function copyShipped(): string {
  const dir = mkdtempSync(join(tmpdir(), 'techfile-prebuilt-'));
  copies.push(dir);
  cpSync(shipped, dir, { recursive: true });
  return dir;
}

/** The artefact the build would write for a folder, compiled from that folder now. */
function artefactOf(dir: string, vocabulary = templateVocabulary()) {
  const loaded = compileTemplates(dir, { clauseIds: vocabulary.clauseIds });
  expect(loaded.diagnostics).toEqual([]);
  if (!loaded.value.precompiled) throw new Error('no precompiled form');
  return JSON.parse(JSON.stringify(artefactFromSet(loaded.value.precompiled, dir, vocabulary))) as unknown;
}

describe('templates compiled at build time', () => {
  const dir = copyShipped();
  const artefact = artefactOf(dir);

  it('the fingerprint of a folder is the one loading gives it', () => {
    expect(templateFingerprint(dir)).toBe(compileTemplates(dir).value.fingerprint);
    expect(templateFingerprint(join(dir, 'no-such-folder'))).toBeUndefined();
  });

  it('give the same set as compiling the files, with paths shown as the run shows them', () => {
    const show = (file: string) => `shown:${file}`;
    const compiled = compileTemplates(dir, { displayPath: show }).value;
    const prebuilt = templatesFromArtefact(artefact, dir, templateVocabulary(), show);
    expect(prebuilt).toBeDefined();
    if (!prebuilt) return;
    expect(prebuilt.fingerprint).toBe(compiled.fingerprint);
    expect(prebuilt.locations).toEqual(compiled.locations);
    expect(prebuilt.origins).toEqual(compiled.origins);
    expect(prebuilt.precompiled).toEqual(compiled.precompiled);
    expect([...prebuilt.documents.keys()]).toEqual([...compiled.documents.keys()]);
    const data = { product: { name: 'Pump', id: 'p-1' } };
    const a = renderTemplate(compiled, 'decommissioning', context(data, { docType: 'decommissioning' }));
    const b = renderTemplate(prebuilt, 'decommissioning', context(data, { docType: 'decommissioning' }));
    expect(b.value.markdown).toBe(a.value.markdown);
    expect(b.value.lines).toEqual(a.value.lines);
  });

  it('an edited template is compiled fresh: the artefact no longer matches the files', () => {
    const edited = copyShipped();
    const file = join(edited, 'decommissioning', '01-about.md');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nA sentence added by the writer.\n`);
    expect(templatesFromArtefact(artefact, edited, templateVocabulary())).toBeUndefined();
    const fresh = compileTemplates(edited).value;
    expect(fresh.fingerprint).not.toBe(templateFingerprint(dir));
  });

  it('an added or removed template file, or another vocabulary, also makes it unusable', () => {
    const added = copyShipped();
    writeFileSync(join(added, 'partials', 'extra.md'), 'Extra.\n');
    expect(templatesFromArtefact(artefact, added, templateVocabulary())).toBeUndefined();
    const removed = copyShipped();
    rmSync(join(removed, 'decommissioning', '06-record.md'));
    expect(templatesFromArtefact(artefact, removed, templateVocabulary())).toBeUndefined();
    expect(templatesFromArtefact(artefact, dir, templateVocabulary(CLAUSE_IDS))).toBeUndefined();
    expect(templatesFromArtefact({ format: 0 }, dir, templateVocabulary())).toBeUndefined();
  });

  it('is deterministic: the same files give the same artefact', () => {
    expect(JSON.stringify(artefactOf(copyShipped()))).toBe(JSON.stringify(artefact));
  });

  it("the build's artefact was made from the shipped files as they are now (run `npm run build` after editing a template)", () => {
    const built = new URL('../../dist/templates/templates.generated.json', import.meta.url);
    expect(existsSync(built)).toBe(true);
    const json = JSON.parse(readFileSync(built, 'utf8')) as { fingerprint: string };
    expect(json.fingerprint).toBe(templateFingerprint(shipped));
    expect(templatesFromArtefact(json, shipped, templateVocabulary())).toBeDefined();
  });
});
