import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasTool } from '../helpers/clients.js';
import { techfile, type CliRun } from '../e2e/support/cli.js';
import { docxText } from '../e2e/support/docx.js';
import { copyExampleFolder, removeTempDirs } from '../e2e/support/examples.js';
import { pdfText, squash } from '../e2e/support/pdf.js';

/**
 * A copy of examples/wellness-wearable (a consumer product under the CRA) whose `sbom`
 * section points at the SBOM `npm sbom` made of techfile itself, generated through the CLI.
 */
afterAll(removeTempDirs);

const FIXTURES = join(import.meta.dirname, 'fixtures');
const hasPdftotext = hasTool('pdftotext');
const sbomDoc = JSON.parse(readFileSync(join(FIXTURES, 'techfile.cdx.json'), 'utf8')) as {
  components: { name: string; version: string }[];
};

/** The example with its `sbom:` section replaced; `vulnerabilities.files` added when given. */
function device(dir: string, vex: readonly string[]): string {
  const folder = join(dir, 'wellness-wearable');
  for (const f of ['techfile.cdx.json', 'techfile.vex.cdx.json', 'techfile.vex.csaf.json'])
    copyFileSync(join(FIXTURES, f), join(folder, f));
  const text = readFileSync(join(folder, 'pulseband.yaml'), 'utf8');
  const from = text.indexOf('\nsbom:\n');
  const to = text.indexOf('\nsupply_chain:\n');
  expect(from).toBeGreaterThan(0);
  expect(to).toBeGreaterThan(from);
  const section = [
    'sbom:',
    '  file: techfile.cdx.json',
    // The fixture SBOM is older than the example's document date; its age is not what is tested here.
    '  max_age_days: 3650',
    '  max_listed_components: 500',
    '  coverage: "All npm packages, direct and transitive"',
    '  location: "PB3-SBOM-3.2.0"',
    '  available_to_users: true',
    '  user_access_url: "https://www.pulseband.eu/security/sbom"',
    '  update_process: "Regenerated and published with every release."',
    ...(vex.length > 0 ? ['vulnerabilities:', `  files: [${vex.join(', ')}]`] : []),
  ].join('\n');
  writeFileSync(join(folder, 'pulseband.yaml'), `${text.slice(0, from + 1)}${section}${text.slice(to)}`);
  return join(folder, 'pulseband.yaml');
}

describe('a device file pointing at an SBOM made by npm sbom', () => {
  let dir: string;
  let run: CliRun;

  beforeAll(async () => {
    dir = copyExampleFolder('wellness-wearable');
    run = await techfile(
      ['generate', device(dir, ['techfile.vex.csaf.json']), '--doc', 'cyber-techdoc', '--out', 'out'],
      dir,
    );
  });

  it('generates the cybersecurity documentation in both formats', () => {
    expect(run.stderr).not.toMatch(/error\[/);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('cyber-techdoc.docx');
    expect(run.stdout).toContain('cyber-techdoc.pdf');
  });

  it('gives in the DOCX the component count of the SBOM and lists every component with its version', () => {
    const text = docxText(readFileSync(join(dir, 'out', 'pulseband-3', 'cyber-techdoc.docx')));
    expect(text).toMatch(new RegExp(`Components\\n?\\s*${sbomDoc.components.length}\\b`));
    expect(text).toContain(`The table lists all ${sbomDoc.components.length} components of the SBOM.`);
    for (const c of sbomDoc.components) expect(text, c.name).toContain(c.name);
    for (const c of sbomDoc.components.slice(0, 20)) expect(text, `${c.name} ${c.version}`).toContain(c.version);
    expect(text).toContain('CVE-2099-0001');
  });

  it.skipIf(!hasPdftotext)('says the same in the PDF', () => {
    const text = pdfText(join(dir, 'out', 'pulseband-3', 'cyber-techdoc.pdf'));
    const flat = squash(text);
    expect(flat).toContain(squash(`The table lists all ${sbomDoc.components.length} components of the SBOM.`));
    // Table cells wrap inside narrow columns, often after a hyphen, which pdftotext then drops:
    // compared without whitespace and hyphens, each name reads whole.
    const bare = (t: string): string => squash(t).replace(/-/g, '');
    const all = bare(text);
    const missing = sbomDoc.components.filter((c) => !all.includes(bare(c.name))).map((c) => c.name);
    expect(missing).toEqual([]);
  });
});

describe('a VEX file marking a component affected without remediation', () => {
  let dir: string;
  let file: string;

  beforeAll(() => {
    dir = copyExampleFolder('wellness-wearable');
    file = device(dir, ['techfile.vex.cdx.json']);
  });

  it('warns in a draft, naming the vulnerability and the component, and still writes the documents', async () => {
    const run = await techfile(['generate', file, '--doc', 'cyber-techdoc', '--format', 'pdf', '--out', 'draft'], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(
      /warning\[sbom\/exploitable-without-remediation\]: CVE-2099-0001 affects `handlebars 4\.7\.10`/,
    );
    expect(run.stdout).toContain('cyber-techdoc.pdf');
  });

  it('fails with --final, naming the vulnerability and the component, and writes nothing', async () => {
    const run = await techfile(
      ['generate', file, '--doc', 'cyber-techdoc', '--format', 'pdf', '--out', 'final', '--final'],
      dir,
    );
    expect(run.code).toBe(6);
    expect(run.stderr).toMatch(
      /error\[sbom\/exploitable-without-remediation\]: CVE-2099-0001 affects `handlebars 4\.7\.10`/,
    );
    expect(run.stderr).toContain('CRA Annex I Part I (2)(a)');
    expect(run.stdout).not.toContain('wrote');
  });
});
