/**
 * Bounds on what one run reads and builds, so that no input (careless or hostile) can make
 * techfile hang or exhaust memory. Each has a command-line flag (src/cli/limits.ts) and a
 * README entry; hitting one is a diagnostic at the place that exceeded it.
 */
export interface Limits {
  /** Bytes of one device file (each file of an `extends` chain). */
  readonly fileBytes: number;
  /** Characters of one text value or key. */
  readonly stringLength: number;
  /** Levels of nested maps and lists. */
  readonly depth: number;
  /** YAML alias expansions (yaml's maxAliasCount: uses of an anchor times the aliases inside it). */
  readonly aliases: number;
  /** Files in one `extends` chain. */
  readonly extendsDepth: number;
  /** Items of one list. */
  readonly listLength: number;
  /** Bytes of one image file. */
  readonly imageBytes: number;
  /** Width × height of one image. */
  readonly imagePixels: number;
  /** Seconds to build and write the documents of one product. */
  readonly productSeconds: number;
}

export const DEFAULT_LIMITS: Limits = {
  fileBytes: 2_000_000,
  stringLength: 20_000,
  depth: 64,
  aliases: 10_000,
  extendsDepth: 32,
  listLength: 2_000,
  imageBytes: 20_000_000,
  imagePixels: 40_000_000,
  productSeconds: 120,
};
