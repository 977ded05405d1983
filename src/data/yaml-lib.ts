// The YAML parser: the `yaml` package, loaded from the one-file copy the build made of it.
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

/** Made by the build (not a source file, so not named in a `require` that tools would resolve). */
const BUNDLE = './yaml.bundle.cjs';

/**
 * `yaml` is 72 CommonJS files, and loading them costs a fresh process about 30 ms (`techfile
 * validate` of one file takes a few hundred). scripts/build-yaml-bundle.mjs copies the same code
 * into one file next to this module, loaded in a few ms. Run from the TypeScript sources (tests)
 * there is none, and the package itself is loaded.
 */
function loadYaml(): typeof Yaml {
  const require = createRequire(import.meta.url);
  let bundle: string | undefined;
  try {
    bundle = require.resolve(BUNDLE);
  } catch {
    bundle = undefined;
  }
  return require(bundle ?? 'yaml') as typeof Yaml;
}

const yaml = loadYaml();

export const { isAlias, isCollection, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, stringify, visit } =
  yaml;
export type LineCounter = Yaml.LineCounter;
export type { Document, Node, Pair, YAMLError, YAMLMap } from 'yaml';
