/**
 * The YAML parser's messages in words for someone who does not write YAML every day: the
 * parser speaks of "compact mappings" and "flow sequences"; a regulatory writer sees a quote
 * that is not closed or a value with `: ` in it. Codes and messages are those of `yaml` 2.
 */
export interface YamlProblem {
  readonly message: string;
  readonly hint?: string;
}

export function plainYamlProblem(code: string, parserMessage: string): YamlProblem | undefined {
  if (code === 'MULTIPLE_DOCS')
    return { message: 'the file holds more than one YAML document (a `---` line starts another one)' };
  if (code === 'MISSING_CHAR' && /quote/i.test(parserMessage))
    return { message: 'a quote is opened here and never closed' };
  const bracket = /flow (sequence|map)/i.exec(parserMessage);
  if (bracket || (code === 'MISSING_CHAR' && /[\]}]/.test(parserMessage))) {
    const [open, close] = bracket?.[1]?.toLowerCase() === 'map' || /}/.test(parserMessage) ? ['{', '}'] : ['[', ']'];
    return {
      message: `a \`${open}\` opened here is not closed with \`${close}\`, or a line inside it is not indented`,
      hint: `close it with \`${close}\`, or put the value in quotes if the \`${open}\` is part of the text`,
    };
  }
  if (code === 'BAD_INDENT' && /same column/i.test(parserMessage))
    return { message: 'the keys of one block do not start at the same column' };
  if (code === 'BLOCK_AS_IMPLICIT_KEY')
    return {
      message:
        'this value holds `: ` (perhaps from the next line, when that line is indented further), which YAML reads as the start of another key',
    };
  const reserved = /cannot start with reserved character (\S)/i.exec(parserMessage);
  if (reserved)
    return {
      message: `a value cannot start with \`${reserved[1] ?? ''}\` unless it is in quotes`,
      hint: `put the value in quotes, e.g. \`"${reserved[1] ?? ''}…"\``,
    };
  return undefined;
}
