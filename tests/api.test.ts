import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DOC_TYPES,
  buildDocument,
  computeCoverage,
  decideApplicability,
  defaultDeviceSchema,
  defaultTemplatesDir,
  describeDecision,
  deviceSchema,
  diagnosticsToJson,
  fieldLabel,
  formatDiagnostics,
  generateProduct,
  hasErrors,
  loadCatalogue,
  loadDevice,
  loadTemplates,
  nodeHost,
  renderDocx,
  renderPdf,
  runCli,
  writeFileAtomic,
  type BuiltDocument,
  type LoadedDevice,
} from '../src/index.js';

/** Only the library entry point is imported: this is what a program embedding techfile sees. */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EXAMPLE_DIR = join(ROOT, 'examples', 'radiology-ai');
const EXAMPLE = join(EXAMPLE_DIR, 'lumen-cxr.yaml');
const temps: string[] = [];
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'techfile-api-'));
  temps.push(d);
  return d;
};
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

let device: LoadedDevice;
let built: BuiltDocument;

beforeAll(async () => {
  const loaded = await loadDevice(EXAMPLE, { host: nodeHost(ROOT, ROOT), schema: await defaultDeviceSchema() });
  if (!loaded.value || hasErrors(loaded.diagnostics)) throw new Error(formatDiagnostics(loaded.diagnostics));
  device = loaded.value;
  const templates = loadTemplates(defaultTemplatesDir());
  expect(hasErrors(templates.diagnostics)).toBe(false);
  const result = buildDocument({
    file: device.file,
    data: device.data,
    docType: 'ai-transparency',
    templates: templates.value,
    catalogue: loadCatalogue(),
    applicability: decideApplicability(device.data),
    final: false,
  });
  if (!result.value || hasErrors(result.diagnostics)) throw new Error(formatDiagnostics(result.diagnostics));
  built = result.value;
});

describe('library API, end to end on the radiology AI example', () => {
  it('loads the device with provenance pointing into the example file', () => {
    expect(device.file).toBe('examples/radiology-ai/lumen-cxr.yaml');
    expect((device.data['product'] as { id: string }).id).toBe('lumen-cxr');
    expect(device.provenance.get('product.name')?.file).toBe(device.file);
    expect(device.provenance.get('product.name')?.range?.start.line).toBeGreaterThan(1);
  });

  it('decides that the AI Act applies and the AI transparency document is produced', () => {
    const app = decideApplicability(device.data);
    expect(app.instruments.AIA.applies).toBe(true);
    expect(app.documents['ai-transparency'].applies).toBe(true);
    expect(describeDecision('AIA', app.instruments.AIA)).not.toBe('');
  });

  it('builds the ai-transparency document from the per-type document-control block', () => {
    const meta = built.document.meta;
    expect(meta.docType).toBe('ai-transparency');
    expect(meta.documentNumber).toBe('LCXR-AIT-001');
    // The per-type author overrides documents.defaults.author; the approver falls back to it.
    expect(meta.author).toBe('Dr. Lena Vogt, Clinical AI Lead');
    expect(meta.approver).toBe('Marco Rossi, Head of Quality and Regulatory Affairs');
    expect(meta.date).toBe('2026-11-02');
    expect(meta.productId).toBe('lumen-cxr');
    expect(meta.draft).toBe(true);
    expect(built.document.children.some((b) => b.type === 'heading')).toBe(true);
  });

  it('reports coverage of the document, and computeCoverage agrees with buildDocument', () => {
    const entries = built.coverage.entries;
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => e.doc === 'ai-transparency')).toBe(true);
    expect(entries.some((e) => e.status === 'addressed')).toBe(true);
    const again = computeCoverage({
      catalogue: loadCatalogue(),
      applicability: decideApplicability(device.data),
      doc: 'ai-transparency',
      data: device.data,
      sections: [],
    });
    // With no sections, nothing can be addressed: the clause list is the same, the statuses are not.
    expect(again.entries.map((e) => e.id)).toEqual(entries.map((e) => e.id));
    expect(again.entries.some((e) => e.status === 'addressed')).toBe(false);
  });

  it('renders the same document as PDF and DOCX bytes', async () => {
    const pdf = await renderPdf(built.document, {});
    const docx = await renderDocx(built.document, {});
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(Buffer.from(pdf.subarray(-8)).toString('latin1')).toContain('%%EOF');
    expect(Buffer.from(docx.subarray(0, 2)).toString('latin1')).toBe('PK');
    const xml = strFromU8(unzipSync(docx)['word/document.xml']!);
    expect(xml).toContain('LCXR-AIT-001');
    expect(xml).toContain(built.document.meta.title);
    // Same document in, same bytes out.
    expect(Buffer.from(await renderPdf(built.document, {})).equals(Buffer.from(pdf))).toBe(true);
  });
});

describe('library API: the other entry points', () => {
  it('exposes the device schema and field labels', () => {
    const schema = deviceSchema();
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(typeof (schema['properties'] as Record<string, unknown>)['product']).toBe('object');
    expect(fieldLabel('product.name')).not.toBe('product.name');
    expect(DOC_TYPES).toContain('ai-transparency');
  });

  it('returns diagnostics with positions for a broken device file, in text and JSON form', async () => {
    const dir = tempDir();
    const file = join(dir, 'broken.yaml');
    writeFileSync(file, 'product:\n  id: Not A Valid Id\n  name: X\n');
    const loaded = await loadDevice(file, { cwd: dir });
    expect(hasErrors(loaded.diagnostics)).toBe(true);
    const text = formatDiagnostics(loaded.diagnostics);
    expect(text).toContain('broken.yaml:');
    const json = diagnosticsToJson(loaded.diagnostics) as { severity: string; code: string }[];
    expect(json.length).toBe(loaded.diagnostics.length);
    expect(json.some((d) => d.severity === 'error' && d.code.startsWith('data/'))).toBe(true);
  });

  it('generates a product into a folder through generateProduct and writeFileAtomic', async () => {
    const out = tempDir();
    const templates = loadTemplates(defaultTemplatesDir()).value;
    const result = await generateProduct({
      product: {
        file: device.file,
        productId: 'lumen-cxr',
        data: device.data,
        assets: { dirs: [EXAMPLE_DIR], projectRoot: ROOT },
      },
      templates,
      catalogue: loadCatalogue(),
      options: { docTypes: ['ai-transparency'], formats: ['docx'], outDir: out, final: false },
      write: writeFileAtomic,
    });
    expect(hasErrors(result.diagnostics)).toBe(false);
    const path = join(out, 'lumen-cxr', 'ai-transparency.docx');
    // Beside the document for deployers, its traceability record.
    expect(result.written.map((f) => f.path)).toEqual([
      path,
      join(out, 'lumen-cxr', 'ai-transparency.traceability.docx'),
    ]);
    expect(result.written.map((f) => f.part)).toEqual([undefined, 'traceability']);
    expect(existsSync(path)).toBe(true);
    expect(readFileSync(path).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('runs the command line in-process', async () => {
    let stdout = '';
    const code = await runCli(['validate', 'examples/radiology-ai/lumen-cxr.yaml'], {
      stdout: (t) => {
        stdout += t;
      },
      stderr: () => {},
      cwd: ROOT,
    });
    expect(code).toBe(0);
    expect(stdout).toContain('1 file checked: 1 valid');
  });
});
