import { sortDiagnostics, type Diagnostic, type Result } from '../diagnostics/diagnostic.js';
import { discoverDevices, type DiscoverOptions } from './discover.js';
import { duplicateProduct } from './portfolio-jobs.js';

// Apart from library.ts, which imports both renderers: `techfile validate` needs none of them.

export interface FileValidation {
  readonly file: string;
  readonly abstract: boolean;
  readonly valid: boolean;
  readonly errors: number;
  readonly warnings: number;
}

export interface Validation {
  readonly files: readonly FileValidation[];
  /** Arguments that name no file or folder. */
  readonly missing: readonly string[];
}

/** Checks device files (files as named, folders searched); diagnostics sorted, each reported once. */
export async function validate(
  paths: string | readonly string[],
  options: Omit<DiscoverOptions, 'retain' | 'fileNames'> = {},
): Promise<Result<Validation>> {
  const found = await discoverDevices(paths, { ...options, retain: 'summary', fileNames: false });
  const count = (ds: readonly Diagnostic[], severity: Diagnostic['severity']): number =>
    ds.filter((d) => d.severity === severity).length;
  // Two valid products with one id validate alone but cannot be generated together: said here too.
  const firstWith = new Map<string, string>();
  const duplicates = new Map<string, Diagnostic>();
  for (const d of found.value.devices) {
    const id = d.device?.productId;
    if (!d.valid || d.device?.abstract !== false || id === undefined) continue;
    const other = firstWith.get(id);
    if (other === undefined) firstWith.set(id, d.file);
    else duplicates.set(d.file, duplicateProduct(d.file, id, other, d.device.productIdAt));
  }
  const files = found.value.devices.map((d) => {
    const duplicate = duplicates.get(d.file);
    const errors = count(d.diagnostics, 'error') + (duplicate === undefined ? 0 : 1);
    return {
      file: d.file,
      abstract: d.device?.abstract ?? false,
      valid: errors === 0,
      errors,
      warnings: count(d.diagnostics, 'warning'),
    };
  });
  return {
    value: { files, missing: found.value.missing },
    diagnostics: sortDiagnostics([...found.diagnostics, ...duplicates.values()]),
  };
}
