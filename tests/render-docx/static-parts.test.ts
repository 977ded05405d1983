import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildStaticParts, PREBUILT_LANGUAGES, serializeStaticParts } from '../../src/render/docx/static-parts.js';

// The build writes the DOCX parts that never change (dist/render/docx/static-parts.generated.js);
// a run uses them instead of building them. They must be exactly what a run would build.
describe('prebuilt DOCX parts', () => {
  it('the build artefact equals the parts built now, for every prebuilt language (run `npm run build` after changing styles)', async () => {
    const url = new URL('../../dist/render/docx/static-parts.generated.js', import.meta.url);
    expect(existsSync(url)).toBe(true);
    const built = ((await import(url.href)) as { default: Record<string, unknown> }).default;
    expect(Object.keys(built).sort()).toEqual([...PREBUILT_LANGUAGES].sort());
    for (const language of PREBUILT_LANGUAGES)
      expect(built[language]).toEqual(serializeStaticParts(await buildStaticParts(language)));
  });

  it('differ by language (styles carry it), so a language is never served another one', async () => {
    const en = serializeStaticParts(await buildStaticParts('en'));
    const de = serializeStaticParts(await buildStaticParts('de'));
    const styles = (p: typeof en) => p.fixed.find((f) => f.path === 'word/styles.xml')?.crc;
    expect(styles(de)).not.toBe(styles(en));
  });
});
