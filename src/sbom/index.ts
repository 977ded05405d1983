import { dirname, join } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import type { SourceRef } from '../source/position.js';
import { checkConsistency, type Laws } from './checks.js';
import { matchHandList, type Support } from './hand-list.js';
import { importSbom, importVex } from './import.js';
import { isObject, strings, text } from './json-access.js';
import { indexComponents } from './match.js';
import { readInputFile, type ReadOutcome } from './read-file.js';
import { componentsAsRecords, enrichHandList, sbomTemplateData, vexTemplateData } from './template-data.js';
import type { JsonValidator } from './schemas.js';
import type { Sbom, VexFile, VexStatement } from './types.js';

/** Device data as the pipeline hands it over. */
type Data = Readonly<Record<string, unknown>>;

export type { Sbom } from './types.js';
export type { Laws } from './checks.js';
export type { JsonValidator } from './schemas.js';
export { importSbom, importVex } from './import.js';
export { readInputFile } from './read-file.js';

export const DEFAULT_MAX_AGE_DAYS = 90;
export const DEFAULT_MAX_LISTED = 100;
/** The document types that show the SBOM; the SBOM's age is measured at the newest of their dates. */
const SBOM_DOCUMENTS: readonly string[] = ['cyber-techdoc', 'secure-operation'];

export interface SbomRequest {
  readonly data: Data;
  /** The device file as shown to the user. */
  readonly file: string;
  /** Folders a relative file name is resolved against, in order (the device file's, then its parents'). */
  readonly dirs: readonly string[];
  /** No file is read from outside this folder. */
  readonly root: string;
  /** The document types being made whose instrument applies (regulatory/'s decision, from the pipeline). */
  readonly documents: readonly string[];
  readonly final: boolean;
  readonly sourceDateEpoch?: string | undefined;
  /** Which laws apply to the product (regulatory/'s decisions, from the pipeline). */
  readonly laws: Laws;
  /** The JSON Schema validator (data/'s, from the pipeline). */
  readonly validate: JsonValidator;
  /** Where a field of the device data was written. */
  readonly locate?: ((path: string) => SourceRef | undefined) | undefined;
}

export interface SbomPrepared {
  /** The device data with the SBOM and VEX data added for the templates (unchanged without `sbom.file` or `vulnerabilities.files`). */
  readonly data: Data;
  readonly diagnostics: readonly Diagnostic[];
  /** The files could not be read or are invalid: no document should be made from them. */
  readonly failed: boolean;
}

const READ_PROBLEMS: Readonly<Record<Exclude<ReadOutcome, { ok: true }>['problem'], [string, string]>> = {
  'not-relative': ['is not a relative file path', 'name the file relative to the device data file'],
  outside: [
    'lies outside the project folder',
    'keep SBOM and VEX files inside the folder you named on the command line',
  ],
  missing: [
    'was not found next to the device file or its product-line parents',
    'check the file name, or add the file',
  ],
  'not-a-file': ['is not a regular file', 'name the SBOM or VEX file itself, not a folder or device'],
  'too-large': ['is larger than 64 MB', 'split the file, or check that it is the SBOM or VEX file you meant'],
  unreadable: ['could not be read', 'check the file permissions'],
};

function dateOf(data: Data, docType: string, epoch: string | undefined): string | undefined {
  const docs = isObject(data['documents']) ? data['documents'] : {};
  const own = text((isObject(docs[docType]) ? docs[docType] : {})['date']);
  const dflt = text((isObject(docs['defaults']) ? docs['defaults'] : {})['date']);
  if (own ?? dflt) return own ?? dflt;
  if (epoch === undefined || !/^\d+$/.test(epoch.trim())) return undefined;
  return new Date(Number(epoch.trim()) * 1000).toISOString().slice(0, 10);
}

function positiveInt(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : fallback;
}

/**
 * The pipeline's one call: reads the SBOM (`sbom.file`) and VEX files (`vulnerabilities.files`)
 * a product names, validates them, checks them against each other and the device data, and
 * returns the data the templates see with `sbom.imported` and `vulnerabilities.imported` added
 * (and `sbom.components`, format, version, timestamp and author filled where the data lacks them).
 */
export function prepareSbomData(req: SbomRequest): SbomPrepared {
  const sbomIn = isObject(req.data['sbom']) ? req.data['sbom'] : {};
  const vulnIn = isObject(req.data['vulnerabilities']) ? req.data['vulnerabilities'] : {};
  const sbomName = text(sbomIn['file']);
  const vexNames = strings(vulnIn['files']);
  if (sbomName === undefined && vexNames.length === 0) return { data: req.data, diagnostics: [], failed: false };

  const diagnostics: Diagnostic[] = [];
  const where = (path: string): SourceRef => req.locate?.(path) ?? { file: req.file };
  const shown = (name: string): string => join(dirname(req.file), name);
  const read = (name: string, field: string): string | undefined => {
    const got = readInputFile(name, req.dirs, req.root);
    if (got.ok) return got.text;
    const [what, hint] = READ_PROBLEMS[got.problem];
    diagnostics.push({
      severity: 'error',
      code: `sbom/file-${got.problem}`,
      message: `\`${field}\`: ${shown(name)} ${what}${got.detail ? ` (${got.detail})` : ''}`,
      source: where(field),
      fieldPath: field,
      hints: [hint],
    });
    return undefined;
  };

  let sbom: Sbom | undefined;
  const statements: VexStatement[] = [];
  const vexFiles: VexFile[] = [];
  if (sbomName !== undefined) {
    const textIn = read(sbomName, 'sbom.file');
    const imported = textIn === undefined ? undefined : importSbom(textIn, shown(sbomName), req.validate);
    if (imported) diagnostics.push(...imported.diagnostics);
    if (imported?.value) {
      // Documents name the file as the data writes it: the same bytes whatever the working directory.
      sbom = { ...imported.value.sbom, file: sbomName };
      statements.push(...imported.value.vex);
      if (imported.value.vex.length > 0)
        vexFiles.push({ file: sbomName, format: `CycloneDX ${sbom.specVersion}`, statements: imported.value.vex });
    }
  }
  for (const [i, name] of vexNames.entries()) {
    const textIn = read(name, `vulnerabilities.files[${i}]`);
    const imported = textIn === undefined ? undefined : importVex(textIn, shown(name), req.validate);
    if (imported) diagnostics.push(...imported.diagnostics);
    if (imported?.value) {
      vexFiles.push({ ...imported.value, file: name });
      statements.push(...imported.value.statements);
    }
  }
  if (hasErrors(diagnostics)) return { data: req.data, diagnostics, failed: true };

  const product = isObject(req.data['product']) ? req.data['product'] : {};
  const index = indexComponents(sbom, text(product['name']));
  const hand = sbom ? matchHandList(sbomIn['components'], sbom, index, where) : undefined;
  diagnostics.push(...(hand?.diagnostics ?? []));
  const support: ReadonlyMap<string, Support> = hand?.support ?? new Map();
  const limit = positiveInt(sbomIn['max_listed_components'], DEFAULT_MAX_LISTED);

  const dates = req.documents
    .filter((d) => SBOM_DOCUMENTS.includes(d))
    .map((d) => dateOf(req.data, d, req.sourceDateEpoch));
  const known = dates.filter((d): d is string => d !== undefined).sort();
  const supportPeriod = isObject(req.data['support_period']) ? req.data['support_period'] : {};
  const supplyChain = isObject(req.data['supply_chain']) ? req.data['supply_chain'] : {};
  diagnostics.push(
    ...checkConsistency({
      sbom,
      statements,
      index,
      support,
      documentDate: known[known.length - 1],
      maxAgeDays: positiveInt(sbomIn['max_age_days'], DEFAULT_MAX_AGE_DAYS),
      productSupportEnd: text(supportPeriod['end_date']),
      generalEolPlan: text(supplyChain['third_party_eol_plan']) !== undefined,
      final: req.final,
      laws: req.laws,
      where,
    }),
  );

  const data: Record<string, unknown> = { ...req.data };
  if (sbom) {
    const filled: Record<string, unknown> = { ...sbomIn };
    const said = text(sbomIn['format']);
    if (said !== undefined && !said.toLowerCase().includes(sbom.format.toLowerCase())) {
      diagnostics.push({
        severity: 'warning',
        code: 'sbom/format-differs',
        message: `\`sbom.format\` says ${said}, but ${sbom.file} is ${sbom.format} ${sbom.specVersion}`,
        source: where('sbom.format'),
        fieldPath: 'sbom.format',
        hints: ['remove `sbom.format` (it is read from the file) or correct it'],
      });
    }
    filled['format'] ??= sbom.format;
    filled['spec_version'] ??= sbom.specVersion;
    if (sbom.timestamp !== undefined) filled['timestamp'] ??= sbom.timestamp;
    if (sbom.author !== undefined) filled['author'] ??= sbom.author;
    // Hand-listed components keep their place in the templates written for them; otherwise the SBOM fills it.
    const handList = Array.isArray(sbomIn['components']) ? sbomIn['components'] : [];
    filled['components'] =
      handList.length > 0 ? enrichHandList(handList, sbom, support) : componentsAsRecords(sbom, support, limit);
    filled['imported'] = sbomTemplateData(sbom, support, limit);
    data['sbom'] = filled;
  }
  if (vexFiles.length > 0 || vexNames.length > 0)
    data['vulnerabilities'] = { ...vulnIn, imported: vexTemplateData(vexFiles, statements, index) };
  return { data, diagnostics, failed: false };
}
