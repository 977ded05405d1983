import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { defaultDeviceSchema } from '../../../src/pipeline/default-schema.js';
import { loadDevice, type LoadedDevice } from '../../../src/data/device.js';
import { nodeHost } from '../../../src/data/node-host.js';
import { hasErrors } from '../../../src/diagnostics/diagnostic.js';
import { decideApplicability } from '../../../src/regulatory/applicability.js';
import { DOC_TYPES, type DocType } from '../../../src/regulatory/catalogue.js';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const EXAMPLES = join(ROOT, 'examples');

/**
 * The example set the project promises (README, docs). Tests iterate over whatever device
 * files exist, and one test fails when one of these is missing.
 */
export const EXPECTED_EXAMPLES = [
  'insulin-pump/glucoflow-x2-eu.yaml',
  'insulin-pump/glucoflow-x2-connect.yaml',
  'radiology-ai/lumen-cxr.yaml',
  'wellness-wearable/pulseband.yaml',
  'incomplete/draft-monitor.yaml',
] as const;
export const ABSTRACT_PARENT = 'insulin-pump/line.yaml';
/** Examples that are deliberately incomplete (they show TBDs and the --final refusal). */
export const INCOMPLETE = new Set(['incomplete/draft-monitor.yaml']);

export interface Example {
  /** Path below examples/, with `/`. */
  readonly name: string;
  readonly path: string;
  readonly device: LoadedDevice;
  readonly productId: string;
  readonly productName: string;
  readonly manufacturerName: string;
  /** Document types the product gets (applicability decided by the project's own code). */
  readonly docTypes: readonly DocType[];
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : /\.(ya?ml|json)$/.test(e.name) ? [join(dir, e.name)] : [],
    );
}

/** Loads one device file with the project's loader (load → inherit → validate). */
export async function loadExample(path: string, projectRoot = EXAMPLES): Promise<LoadedDevice> {
  const { value, diagnostics } = loadDevice(path, nodeHost(projectRoot, ROOT), await defaultDeviceSchema());
  if (!value || hasErrors(diagnostics))
    throw new Error(
      `${path} does not load cleanly: ${diagnostics.map((d) => `${d.code} ${d.fieldPath ?? ''} ${d.message}`).join('; ')}`,
    );
  return value;
}

function str(data: Record<string, unknown>, section: string, key: string): string {
  const v = (data[section] as Record<string, unknown> | undefined)?.[key];
  return typeof v === 'string' ? v : '';
}

export async function describeExample(path: string, projectRoot = EXAMPLES): Promise<Example> {
  const device = await loadExample(path, projectRoot);
  const data = device.data as Record<string, unknown>;
  const app = decideApplicability(data);
  return {
    name: relative(projectRoot, path).split('\\').join('/'),
    path,
    device,
    productId: str(data, 'product', 'id'),
    productName: str(data, 'product', 'name'),
    manufacturerName: str(data, 'manufacturer', 'name'),
    docTypes: DOC_TYPES.filter((d) => app.documents[d].applies),
  };
}

/** Every concrete (non-abstract) example device file that exists now. */
export async function concreteExamples(): Promise<Example[]> {
  const out: Example[] = [];
  for (const file of walk(EXAMPLES)) {
    const e = await describeExample(file);
    if (!e.device.abstract) out.push(e);
  }
  return out;
}

export function exampleExists(name: string): boolean {
  return existsSync(join(EXAMPLES, name));
}

/** A private copy of examples/<folder> in a temp dir, to edit without touching the project. */
export function copyExampleFolder(folder: string): string {
  const dir = tempDir('copy');
  cpSync(join(EXAMPLES, folder), join(dir, folder), { recursive: true });
  return dir;
}

const created: string[] = [];

/** A fresh folder under the OS temp dir, removed by `removeTempDirs` (each test file's afterAll). */
export function tempDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `techfile-e2e-${label}-`));
  created.push(dir);
  return dir;
}

/** Set KEEP_E2E_OUTPUT=1 to keep the generated documents for inspection. */
export function removeTempDirs(): void {
  if (process.env['KEEP_E2E_OUTPUT'] === '1') {
    console.log(`KEEP_E2E_OUTPUT=1: kept ${created.join(', ')}`);
    return;
  }
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}
