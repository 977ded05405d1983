import type { Diagnostic } from '../diagnostics/diagnostic.js';

/**
 * Parses YAML text. The `yaml` package is owned by data/; the pipeline passes its parser in,
 * so templates/ imports no other stage.
 */
export type YamlParser = (text: string) => {
  /** The parsed value; undefined when the text has errors. */
  readonly value: unknown;
  /** Parse errors with 0-based line and 1-based column of their start. */
  readonly errors: readonly { readonly message: string; readonly line: number; readonly column: number }[];
};

/** Front matter of `templates/<doc-type>/document.md` as written (strings may hold Handlebars). */
export interface FrontMatterSource {
  readonly title: string;
  readonly subtitle?: string;
  /** Handlebars pattern for the default document number, e.g. `{{product.id}}-SO`. */
  readonly number?: string;
  readonly audience?: string;
  readonly subject?: string;
  readonly keywords: readonly string[];
}

/** The same fields after rendering with the product's data. */
export type FrontMatter = FrontMatterSource;

export const TEXT_FIELDS = ['title', 'subtitle', 'number', 'audience', 'subject'] as const;

export interface SplitDocument {
  readonly frontMatter: FrontMatterSource;
  /** The Markdown body, with the front matter replaced by blank lines so line numbers stay true. */
  readonly body: string;
  readonly diagnostics: Diagnostic[];
}

export function splitFrontMatter(text: string, file: string, parseYaml: YamlParser): SplitDocument {
  const diagnostics: Diagnostic[] = [];
  const at = (line: number, column = 1) => ({ file, range: { start: { line, column }, end: { line, column } } });
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(\r?\n|$)/.exec(text);
  if (!match) {
    diagnostics.push({
      severity: 'error',
      code: 'template/front-matter',
      message: 'the template has no front matter',
      source: at(1),
      hints: ['start the file with `---`, then `title: ...`, then `---`'],
    });
    return { frontMatter: { title: '', keywords: [] }, body: text, diagnostics };
  }
  const yamlText = match[1] ?? '';
  const body = '\n'.repeat(match[0].split('\n').length - 1) + text.slice(match[0].length);
  const parsed = parseYaml(yamlText);
  for (const err of parsed.errors) {
    diagnostics.push({
      severity: 'error',
      code: 'template/front-matter',
      message: `front matter is not valid YAML: ${err.message}`,
      source: at(err.line + 1, err.column),
    });
  }
  const raw: unknown = parsed.errors.length === 0 ? parsed.value : {};
  const record = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const lineOf = (key: string): number => {
    const index = yamlText.split('\n').findIndex((l) => l.startsWith(`${key}:`));
    return index < 0 ? 2 : index + 2;
  };
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(record)) {
    if (key === 'keywords') continue;
    if (!(TEXT_FIELDS as readonly string[]).includes(key)) {
      diagnostics.push({
        severity: 'warning',
        code: 'template/front-matter',
        message: `front matter field \`${key}\` is not used`,
        source: at(lineOf(key)),
        hints: [`the fields are ${[...TEXT_FIELDS, 'keywords'].join(', ')}`],
      });
    } else if (typeof value !== 'string' || value.trim() === '') {
      diagnostics.push({ severity: 'error', code: 'template/front-matter', message: `front matter field \`${key}\` must be text`, source: at(lineOf(key)) });
    } else {
      out[key] = value;
    }
  }
  if (out['title'] === undefined && parsed.errors.length === 0) {
    diagnostics.push({ severity: 'error', code: 'template/front-matter', message: 'front matter has no `title`', source: at(1), hints: ['add `title: Secure operation instructions`'] });
  }
  const keywordsRaw = record['keywords'] ?? [];
  const keywords = Array.isArray(keywordsRaw) ? keywordsRaw.map(String) : [];
  if (!Array.isArray(keywordsRaw)) {
    diagnostics.push({ severity: 'error', code: 'template/front-matter', message: '`keywords` must be a list', source: at(lineOf('keywords')), hints: ['write `keywords: [cybersecurity, MDR]`'] });
  }
  return { frontMatter: { ...out, title: out['title'] ?? '', keywords }, body, diagnostics };
}
