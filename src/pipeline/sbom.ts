import { validateJson } from '../data/json-schema.js';
import type { Applicability } from '../regulatory/applicability.js';
import type { DocType } from '../regulatory/catalogue.js';
import {
  importSbom as importSbomWith,
  importVex as importVexWith,
  prepareSbomData as prepareWith,
  type SbomPrepared,
  type SbomRequest,
} from '../sbom/index.js';

/**
 * The SBOM stage composed with what it needs from its siblings: data/'s JSON Schema validator
 * (ajv lives there) and regulatory/'s decisions, passed as plain facts.
 */
export interface SbomInput extends Omit<SbomRequest, 'validate' | 'documents' | 'laws'> {
  /** The document types asked for; those whose instrument applies date the SBOM. */
  readonly docTypes: readonly DocType[];
  readonly applicability: Applicability;
}

export function prepareSbomData(input: SbomInput): SbomPrepared {
  const { docTypes, applicability, ...rest } = input;
  return prepareWith({
    ...rest,
    validate: validateJson,
    documents: docTypes.filter((d) => applicability.documents[d].applies),
    laws: {
      cra: applicability.instruments.CRA.applies,
      fda: applicability.instruments.FDA.applies,
      device: applicability.facts.deviceRegulation,
    },
  });
}

/** One SBOM file's text, parsed and validated against its published schema. */
export function importSbom(text: string, file: string): ReturnType<typeof importSbomWith> {
  return importSbomWith(text, file, validateJson);
}

/** One VEX file's text, parsed and validated against its published schema. */
export function importVex(text: string, file: string): ReturnType<typeof importVexWith> {
  return importVexWith(text, file, validateJson);
}
