import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { csafVexProfileProblems, readCsafVex } from './csaf.js';
import { readCycloneDx, readCycloneDxVex } from './cyclonedx.js';
import { field, isObject, text, type Json } from './json-access.js';
import {
  CYCLONEDX_VERSIONS,
  csafSchema,
  cycloneDxSchema,
  spdxSchema,
  type CycloneDxVersion,
  type JsonValidator,
} from './schemas.js';
import { readSpdx } from './spdx.js';
import type { Sbom, VexFile, VexStatement } from './types.js';

/** Parsing and validating one imported file; every problem names the file and the JSON path. */

export interface Imported<T> {
  readonly value: T | undefined;
  readonly diagnostics: Diagnostic[];
}

/** A file that cannot be imported: one error at the file, with what to do. */
function refused(file: string, code: string, message: string, hint: string): Imported<never> {
  return { value: undefined, diagnostics: [{ severity: 'error', code, message, source: { file }, hints: [hint] }] };
}

function parse(textIn: string, file: string): Imported<Json> {
  const hint = 'export the SBOM or VEX file as JSON (CycloneDX JSON, SPDX 2.3 JSON or CSAF 2.0)';
  try {
    const value: unknown = JSON.parse(textIn.charCodeAt(0) === 0xfeff ? textIn.slice(1) : textIn);
    if (isObject(value)) return { value, diagnostics: [] };
    return refused(file, 'sbom/not-json', `${file} is not a JSON object`, hint);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return refused(
      file,
      'sbom/not-json',
      `${file} is not valid JSON: ${why}`,
      `${hint}; XML and tag-value files are not read`,
    );
  }
}

type Kind =
  | { kind: 'cyclonedx'; version: CycloneDxVersion }
  | { kind: 'spdx' }
  | { kind: 'csaf' }
  | { kind: 'unknown'; what: string };

function kindOf(doc: Json): Kind {
  if (doc['bomFormat'] === 'CycloneDX') {
    const v = text(doc['specVersion']) ?? '';
    return (CYCLONEDX_VERSIONS as readonly string[]).includes(v)
      ? { kind: 'cyclonedx', version: v as CycloneDxVersion }
      : { kind: 'unknown', what: `CycloneDX ${v || 'without specVersion'}` };
  }
  const spdx = text(doc['spdxVersion']);
  if (spdx !== undefined) return spdx === 'SPDX-2.3' ? { kind: 'spdx' } : { kind: 'unknown', what: spdx };
  const csaf = text(field(doc['document'], 'csaf_version'));
  if (csaf !== undefined) return csaf === '2.0' ? { kind: 'csaf' } : { kind: 'unknown', what: `CSAF ${csaf}` };
  return { kind: 'unknown', what: 'a JSON file of no known SBOM or VEX format' };
}

function schemaProblems(doc: Json, file: string, kind: Kind, validateJson: JsonValidator): Diagnostic[] {
  const set =
    kind.kind === 'cyclonedx' ? cycloneDxSchema(kind.version) : kind.kind === 'spdx' ? spdxSchema() : csafSchema();
  const name = kind.kind === 'cyclonedx' ? `CycloneDX ${kind.version}` : kind.kind === 'spdx' ? 'SPDX 2.3' : 'CSAF 2.0';
  return validateJson(set, doc).map((p) => ({
    severity: 'error' as const,
    code: 'sbom/schema',
    message: `${file}: \`${p.path === '' ? '(document)' : p.path}\` ${p.message}`,
    source: { file },
    hints: [
      `correct the file so that it follows the published ${name} JSON schema, or regenerate it with the tool that made it`,
    ],
  }));
}

/** The SBOM a device names in `sbom.file`: CycloneDX JSON 1.4 to 1.7 or SPDX 2.3 JSON, with any vulnerabilities it carries. */
export function importSbom(
  textIn: string,
  file: string,
  validate: JsonValidator,
): Imported<{ sbom: Sbom; vex: VexStatement[] }> {
  const parsed = parse(textIn, file);
  if (!parsed.value) return { value: undefined, diagnostics: parsed.diagnostics };
  const doc = parsed.value;
  const kind = kindOf(doc);
  if (kind.kind !== 'cyclonedx' && kind.kind !== 'spdx') {
    const what = kind.kind === 'unknown' ? kind.what : 'a CSAF document';
    return refused(
      file,
      'sbom/unsupported-format',
      `${file} is ${what}, not a CycloneDX (1.4 to 1.7) or SPDX 2.3 JSON SBOM`,
      'name a CycloneDX JSON or SPDX 2.3 JSON SBOM in `sbom.file`; VEX and CSAF files go in `vulnerabilities.files`',
    );
  }
  const diagnostics = schemaProblems(doc, file, kind, validate);
  if (diagnostics.length > 0) return { value: undefined, diagnostics };
  if (kind.kind === 'spdx') return { value: { sbom: readSpdx(doc, file), vex: [] }, diagnostics };
  return { value: { sbom: readCycloneDx(doc, file), vex: readCycloneDxVex(doc, file) }, diagnostics };
}

/** A vulnerability statement file of `vulnerabilities.files`: CycloneDX VEX or CSAF 2.0 VEX. */
export function importVex(textIn: string, file: string, validate: JsonValidator): Imported<VexFile> {
  const parsed = parse(textIn, file);
  if (!parsed.value) return { value: undefined, diagnostics: parsed.diagnostics };
  const doc = parsed.value;
  const kind = kindOf(doc);
  if (kind.kind !== 'cyclonedx' && kind.kind !== 'csaf') {
    const what = kind.kind === 'unknown' ? kind.what : 'an SPDX SBOM';
    return refused(
      file,
      'sbom/unsupported-format',
      `${file} is ${what}, not a CycloneDX VEX (1.4 to 1.7) or CSAF 2.0 VEX document`,
      'name CycloneDX VEX or CSAF 2.0 VEX files in `vulnerabilities.files`; the SBOM goes in `sbom.file`',
    );
  }
  const diagnostics = schemaProblems(doc, file, kind, validate);
  if (kind.kind === 'csaf' && diagnostics.length === 0) {
    for (const [path, what] of csafVexProfileProblems(doc)) {
      diagnostics.push({
        severity: 'error',
        code: 'sbom/csaf-vex-profile',
        message: `${file}: \`${path === '' ? '(document)' : path}\` ${what}`,
        source: { file },
        hints: [
          'follow the CSAF 2.0 csaf_vex profile (section 4.5): a product status per vulnerability, an impact statement for each product not affected and an action statement for each product affected',
        ],
      });
    }
  }
  if (diagnostics.length > 0) return { value: undefined, diagnostics };
  if (kind.kind === 'csaf')
    return { value: { file, format: 'CSAF 2.0 VEX', statements: readCsafVex(doc, file) }, diagnostics };
  return {
    value: { file, format: `CycloneDX VEX ${kind.version}`, statements: readCycloneDxVex(doc, file) },
    diagnostics,
  };
}
