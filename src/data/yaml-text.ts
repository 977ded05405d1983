import { parseDocument, stringify } from './yaml-lib.js';

/**
 * The `yaml` package stays in src/data: other folders that read or print a bit of YAML
 * (the bundled clause catalogue, template front matter, `techfile explain`) come here.
 */
export interface YamlTextResult {
  /** The parsed value; undefined when the text has errors. */
  readonly value: unknown;
  /** Parse errors with 0-based line and 1-based column of their start. */
  readonly errors: readonly { readonly message: string; readonly line: number; readonly column: number }[];
}

export function parseYamlText(text: string): YamlTextResult {
  const doc = parseDocument(text);
  const errors = doc.errors.map((e) => ({
    message: e.message.split('\n')[0] ?? '',
    line: e.linePos?.[0]?.line ?? 0,
    column: e.linePos?.[0]?.col ?? 1,
  }));
  return { value: errors.length === 0 ? doc.toJS() : undefined, errors };
}

/** A value as YAML, as a writer would type it in a device file. */
export function toYamlText(value: unknown): string {
  return stringify(value);
}
