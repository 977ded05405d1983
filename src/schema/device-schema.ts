import { annotate } from './annotate.js';
import { bool, declaredDefs, record, str, type Props, type Schema } from './build.js';
import { labelFor } from './label.js';
import { resolveSchemaPath } from './path.js';
import { accountsSection } from './sections/accounts.js';
import { aiSection } from './sections/ai.js';
import { decommissioningSection } from './sections/decommissioning.js';
import { documentsSection } from './sections/documents.js';
import { hardeningSection } from './sections/hardening.js';
import { itSection } from './sections/it.js';
import { manufacturerSection } from './sections/manufacturer.js';
import { miscSection } from './sections/misc.js';
import { networkSection } from './sections/network.js';
import { productSection } from './sections/product.js';
import { regulatorySection } from './sections/regulatory.js';
import { secureUseSection } from './sections/secure-use.js';
import { securitySection } from './sections/security.js';
import { supportSection } from './sections/support.js';
import { sbomSection } from './sections/sbom.js';
import { techdocSection } from './sections/techdoc.js';
import { updatesSection } from './sections/updates.js';
import { vulnSection } from './sections/vuln.js';

export const SCHEMA_ID = 'https://techfile.dev/schema/device.schema.json';
export const SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

function rootProperties(): Props {
  return {
    $schema: str(
      'Address or relative path of this JSON Schema, for editors (e.g. "../src/schema/device.schema.json"). Ignored by techfile.',
      'schema address',
    ),
    extends: str(
      'Relative path of the product-line parent file whose values this file inherits and overrides (e.g. "./line.yaml"). Decides inheritance.',
      'parent file',
    ),
    abstract: bool(
      'true if this file is a product-line parent, not itself a product; no documents are generated from it. Decides document generation.',
      'abstract product line',
    ),
    ...productSection(),
    ...regulatorySection(),
    ...manufacturerSection(),
    ...documentsSection(),
    ...securitySection(),
    ...accountsSection(),
    ...networkSection(),
    ...updatesSection(),
    ...supportSection(),
    ...sbomSection(),
    ...vulnSection(),
    ...hardeningSection(),
    ...itSection(),
    ...secureUseSection(),
    ...decommissioningSection(),
    ...aiSection(),
    ...techdocSection(),
    ...miscSection(),
  };
}

/**
 * Clause ids per catalogue field path, for every document type the catalogue knows (so fields of
 * e.g. the SBOM or declaration cite theirs too). The pipeline computes them from the catalogue
 * and passes them in: schema/ imports no other stage.
 */
export type ClauseIdsByField = ReadonlyMap<string, readonly string[]>;

function build(clauseIds: ClauseIdsByField): Schema {
  const body = record(
    rootProperties(),
    'Facts about one medical device (or product-line parent) from which techfile drafts regulatory documentation: ' +
      'cybersecurity technical documentation, secure-operation instructions, decommissioning instructions and AI Act ' +
      'transparency information. No field is required by the schema: missing facts become [TBD] placeholders in the drafts.',
  );
  const annotated = annotate(body, clauseIds);
  return {
    $schema: SCHEMA_DIALECT,
    $id: SCHEMA_ID,
    title: 'techfile device data',
    ...annotated,
    $defs: declaredDefs(),
  };
}

/** The device-data JSON Schema (draft 2020-12), its descriptions citing the clauses of each field. */
export function deviceSchema(clauseIds: ClauseIdsByField): Record<string, unknown> {
  return build(clauseIds);
}

// Titles, types and enums (all that labels and value checks read) do not depend on the
// clause ids, which only extend descriptions: this copy is built without them, once.
let shape: Schema | undefined;

/** The schema without clause ids, for field labels and value forms. Do not change it. */
export function schemaShape(): Schema {
  shape ??= build(new Map());
  return shape;
}

/**
 * Short human label of a device-data field path, for placeholders and messages:
 * `support_period.end_date` → "end date of the security support period".
 */
export function fieldLabel(path: string): string {
  return labelFor(schemaShape(), path);
}

/** True when the field at a data path is a yes/no fact (`network.interfaces[0].enabled_by_default`). */
export function isYesNoField(path: string): boolean {
  return resolveSchemaPath(schemaShape(), path)?.['type'] === 'boolean';
}
