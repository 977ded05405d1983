/** What techfile takes from an SBOM and from vulnerability statements (VEX), format-neutral. */

export interface SbomHash {
  /** As the file writes it: `SHA-256` (CycloneDX) or `SHA256` (SPDX). */
  readonly alg: string;
  readonly value: string;
}

export interface SbomComponent {
  /** The file's own id of the component: CycloneDX `bom-ref`, SPDX `SPDXID`. */
  readonly ref: string;
  readonly name: string;
  readonly version?: string;
  readonly supplier?: string;
  /** Licence as an SPDX id or expression, or a name when the file gives only that. */
  readonly licence?: string;
  readonly purl?: string;
  readonly hashes: readonly SbomHash[];
  /** CycloneDX component type (`library`, `operating-system`, `machine-learning-model`, …). */
  readonly type: string;
  /** A direct (top-level) dependency of the product in the file's dependency graph. */
  readonly direct: boolean;
}

export type SbomFormat = 'CycloneDX' | 'SPDX';

export interface Sbom {
  /** The file as the user named it (relative to the device file). */
  readonly file: string;
  readonly format: SbomFormat;
  readonly specVersion: string;
  /** When the SBOM was assembled, ISO 8601 as written. */
  readonly timestamp?: string;
  /** Who (or which tool) created the SBOM data. */
  readonly author?: string;
  /** The product the SBOM describes, as the file names it. */
  readonly subject?: { readonly name: string; readonly version?: string };
  /** Whether the file has a dependency graph that says which components are direct. */
  readonly hasDependencyGraph: boolean;
  readonly components: readonly SbomComponent[];
}

/** The four VEX statuses (CISA minimum requirements for VEX; CSAF product_status; CycloneDX analysis state). */
export type VulnStatus = 'not_affected' | 'affected' | 'fixed' | 'under_investigation';

/** The component a statement is about, as the statement identifies it. */
export interface ComponentRef {
  readonly ref?: string;
  readonly purl?: string;
  readonly name?: string;
  readonly version?: string;
}

/** One vulnerability's status for one component. */
export interface VexStatement {
  readonly file: string;
  /** Where in the file: `vulnerabilities[2]`. */
  readonly path: string;
  readonly id: string;
  readonly status: VulnStatus;
  readonly component: ComponentRef;
  /** Severity in words (`critical`, `high`, …) with the score where given. */
  readonly severity?: string;
  /** Why not affected: a CycloneDX justification or CSAF flag code, or an impact statement. */
  readonly justification?: string;
  /** What fixes or mitigates it (vendor fix, workaround, mitigation), as text. */
  readonly remediation?: string;
  /** The statement says there is a fix, update, workaround or mitigation. */
  readonly hasRemediation: boolean;
  /** Free-text detail the statement gives (CycloneDX `analysis.detail`, CSAF impact details). */
  readonly detail?: string;
}

export interface VexFile {
  readonly file: string;
  /** `CycloneDX VEX 1.6` or `CSAF 2.0 VEX`. */
  readonly format: string;
  readonly statements: readonly VexStatement[];
}
