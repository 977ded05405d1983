import { techfile } from './cli.js';
import { ROOT } from './examples.js';

export const STATUSES = ['addressed', 'tbd', 'not-applicable'] as const;

export interface ClauseEntry {
  readonly id: string;
  readonly doc: string;
  readonly ref: string;
  readonly status: (typeof STATUSES)[number];
  readonly section: string | null;
  readonly missing: readonly string[];
  readonly reason: string;
}

export interface CoverageJson {
  readonly product: string;
  readonly documents: readonly {
    doc: string;
    applies: boolean;
    summary: { addressed: number; tbd: number; notApplicable: number; percent: number } | null;
  }[];
  readonly clauses: readonly ClauseEntry[];
}

/** `techfile coverage <file> --diagnostics json`, parsed; throws with stderr when the command fails. */
export async function coverageJson(file: string): Promise<CoverageJson> {
  const r = await techfile(['coverage', file, '--diagnostics', 'json'], ROOT);
  if (r.code !== 0) throw new Error(`techfile coverage ${file} --diagnostics json exited ${r.code}:\n${r.stderr}`);
  return JSON.parse(r.stdout) as CoverageJson;
}
