import type { ErrorObject } from 'ajv';
import { closestName, editDistance } from '../diagnostics/suggest.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { FieldPath } from '../source/field-path.js';
import { formatPath, pointerToPath } from '../source/field-path.js';
import type { DiagnosticCore } from './locate.js';
import { locate } from './locate.js';
import type { ResolvedData } from './provenance.js';
import { nearestOrigin } from './provenance.js';
import { allowedKeys } from './schema-index.js';

export interface MessageContext {
  readonly resolved: ResolvedData;
  readonly schema: object;
  /** Where each property name is allowed (see propertyIndex). */
  readonly index: ReadonlyMap<string, readonly string[]>;
  /** Human label of a schema path (`network.ports[].port`), if the schema provides one. */
  readonly label: (schemaPath: string) => string | undefined;
}

/** One Ajv error → one diagnostic at the place the value (or key) was written. */
export function errorToDiagnostic(e: ErrorObject, ctx: MessageContext): Diagnostic {
  const at = pointerToPath(e.instancePath, ctx.resolved.value);
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const key = String(p['additionalProperty'] ?? p['unevaluatedProperty']);
      const full = [...at, key];
      return locate(ctx.resolved, full, 'key', {
        code: 'data/unknown-field',
        message: `unknown field \`${key}\` ${at.length === 0 ? 'at the top level' : `in \`${formatPath(at)}\``}`,
        hints: unknownKeyHints(key, at, e, ctx),
      });
    }
    case 'required':
    case 'dependentRequired': {
      const missing = String(p['missingProperty']);
      const full = [...at, missing];
      const where = at.length === 0 ? 'at the top level of the file' : `under \`${formatPath(at)}:\``;
      return locate(ctx.resolved, full, 'parent', {
        code: 'data/missing-field',
        message: `required field \`${formatPath(full)}\`${labelText(ctx, full)} is missing`,
        hints: [`add \`${missing}:\` ${where}`],
      });
    }
    case 'enum':
    case 'const': {
      const allowed = (p['allowedValues'] as unknown[] | undefined) ?? [p['allowedValue']];
      const actual = e.data;
      return locate(ctx.resolved, at, 'value', {
        code: 'data/invalid-value',
        message: `\`${formatPath(at)}\` is ${show(actual)}, which is not an accepted value`,
        hints: enumHints(actual, allowed),
      });
    }
    case 'format': {
      const format = String(p['format']);
      if (DATE_FORMATS.has(format)) return locate(ctx.resolved, at, 'value', invalidDate(at, String(e.data), format));
      return locate(ctx.resolved, at, 'value', {
        code: 'data/invalid-value',
        message: `\`${formatPath(at)}\` is ${show(e.data)}, which is not a valid ${FORMAT_NAMES[format] ?? format}`,
        hints: [FORMAT_HINTS[format] ?? `write a valid ${format}`],
      });
    }
    case 'type': {
      const raw = rawText(ctx.resolved, at);
      // `end_date: 2030` is a date written wrongly, not text to be quoted ("2030" is no date either).
      const format = (e.parentSchema as Record<string, unknown> | undefined)?.['format'];
      if (typeof format === 'string' && DATE_FORMATS.has(format) && typeof e.data === 'number')
        return locate(ctx.resolved, at, 'value', invalidDate(at, raw ?? String(e.data), format));
      return locate(ctx.resolved, at, 'value', wrongType(e, at, raw));
    }
    case 'pattern': {
      const description = (e.parentSchema as Record<string, unknown> | undefined)?.['description'];
      // The reason of `{ none: … }` or `not_applicable: …` (src/schema/build.ts NOT_BLANK).
      if (p['pattern'] === '\\S')
        return locate(ctx.resolved, at, 'value', {
          code: 'data/invalid-value',
          message: `\`${formatPath(at)}\` is empty: a declaration of none or not applicable needs its reason`,
          hints: [
            typeof description === 'string'
              ? `write ${description.charAt(0).toLowerCase()}${description.slice(1)}`
              : 'write the reason in words',
          ],
        });
      return locate(ctx.resolved, at, 'value', {
        code: 'data/invalid-value',
        message: `\`${formatPath(at)}\` is ${show(e.data)}, which does not have the required form`,
        hints: [patternHint(String(p['pattern']), typeof description === 'string' ? description : undefined)],
      });
    }
    case 'minLength':
      return locate(ctx.resolved, at, 'value', {
        code: 'data/invalid-value',
        message: `\`${formatPath(at)}\` is empty`,
        hints: ['fill in the value, or delete the line to leave it open (documents will show it as TBD)'],
      });
    case 'maxLength':
      return locate(ctx.resolved, at, 'value', {
        code: 'data/invalid-value',
        message: `\`${formatPath(at)}\` is ${String(e.data).length} characters long; at most ${String(p['limit'])} are accepted`,
        hints: ['shorten it'],
      });
    case 'minItems':
    case 'maxItems':
    case 'uniqueItems':
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
    case 'minProperties':
      return locate(ctx.resolved, at, 'value', {
        code: 'data/invalid-value',
        message: `\`${formatPath(at)}\` ${e.message ?? 'is not accepted'}`,
        hints: ['see `techfile schema` for the limits of this field'],
      });
    default:
      return locate(ctx.resolved, at, 'value', {
        code: 'data/invalid-value',
        message: `\`${formatPath(at) || 'the file'}\` does not match any accepted form (${e.keyword})`,
        hints: ['compare the field with the example device files and `techfile schema`'],
      });
  }
}

const DATE_FORMATS = new Set(['date', 'date-time', 'date-or-month']);

function invalidDate(at: FieldPath, text: string, format: string): DiagnosticCore {
  const realDate = /^\d{4}-\d{2}(-\d{2})?$/.test(text);
  const month = format === 'date-or-month' ? ' (or YYYY-MM when only the month is known)' : '';
  const monthHint = format === 'date-or-month' ? ', or YYYY-MM when only the month is known' : '';
  return {
    code: 'data/invalid-date',
    message: realDate
      ? `\`${formatPath(at)}\` is ${show(text)}, which is not a real calendar date`
      : `\`${formatPath(at)}\` is ${show(text)}, which is not a date in the form YYYY-MM-DD${month}`,
    hints: [`write the date as YYYY-MM-DD (ISO 8601)${monthHint}, e.g. ${suggestDate(text)}`],
  };
}

function unknownKeyHints(key: string, at: FieldPath, e: ErrorObject, ctx: MessageContext): string[] {
  // Writers copy `<<: *defaults` from other YAML files; it is YAML 1.1 only, and read here as a key.
  if (key === '<<')
    return [
      '`<<:` (the YAML 1.1 merge key) is not part of YAML 1.2, which device files are written in: write the fields out here, or share them through a product-line parent (`extends:`)',
    ];
  const allowed = allowedKeys(e.parentSchema, ctx.schema);
  const near = closestName(key, allowed);
  if (
    near !== undefined &&
    editDistance(key.toLowerCase(), near.toLowerCase()) <= Math.max(2, Math.floor(key.length / 3))
  ) {
    return [`did you mean \`${near}\`?`];
  }
  const elsewhere = (ctx.index.get(key) ?? []).filter((p) => p !== formatPath([...at, key]));
  const parents = [...new Set(elsewhere.map((p) => p.slice(0, p.length - key.length - 1)).filter((p) => p !== ''))];
  if (parents.length > 0) {
    const where = parents
      .slice(0, 3)
      .map((p) => `\`${p}:\``)
      .join(' or ');
    // A short block (`authorised_rep: name, address`) may simply not record this fact: say what
    // it holds, rather than only sending the writer to a block about something else.
    if (allowed.length > 0 && allowed.length <= 12)
      return [
        `fields allowed here: ${allowed.join(', ')}`,
        `\`${key}\` is a field of ${where}: if it was meant there, move it`,
      ];
    return [`\`${key}\` belongs under ${where}: move it there`];
  }
  if (allowed.length > 0 && allowed.length <= 12) return [`fields allowed here: ${allowed.join(', ')}`];
  return ['remove it, or check the spelling against `techfile schema`'];
}

function enumHints(actual: unknown, allowed: readonly unknown[]): string[] {
  const texts = allowed.map((v) => String(v));
  const hints: string[] = [];
  if (typeof actual === 'string' || typeof actual === 'number') {
    const typed = String(actual);
    const sameLetters = texts.find((t) => t.toLowerCase() === typed.toLowerCase());
    // Device classes are Roman numerals: class "3" or 2a means III or IIa.
    const roman = texts.find((t) => t.toLowerCase() === romanClass(typed).toLowerCase());
    const near = closestName(typed, texts);
    if (sameLetters !== undefined) hints.push(`write \`${sameLetters}\` (capitals matter)`);
    else if (roman !== undefined) hints.push(`did you mean \`${roman}\`? (classes are written in Roman numerals)`);
    else if (near !== undefined && editDistance(typed, near) <= Math.max(1, Math.floor(typed.length / 3))) {
      hints.push(`did you mean \`${near}\`?`);
    }
  }
  hints.push(`write one of: ${texts.map((t) => `\`${t}\``).join(', ')}`);
  return hints;
}

/** "1", "2a", "3" as the Roman class numerals I, IIa, III (other text unchanged). */
function romanClass(text: string): string {
  return text.replace(/^([123])(.*)$/, (_, digit: string, rest: string) => 'I'.repeat(Number(digit)) + rest);
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: '`true` or `false`',
  array: 'a list',
  object: 'a block of fields',
  null: 'empty',
};

/** The value exactly as the writer typed it (YAML turns `1.0` into 1), when it is on one line. */
function rawText(resolved: ResolvedData, path: FieldPath): string | undefined {
  const { origin, exact } = nearestOrigin(resolved, path);
  const range = exact ? origin.source.valueRange(origin.path) : undefined;
  if (!range || range.start.line !== range.end.line) return undefined;
  return origin.source
    .line(range.start.line)
    ?.slice(range.start.column - 1, range.end.column - 1)
    .trim();
}

function wrongType(e: ErrorObject, at: FieldPath, raw: string | undefined): DiagnosticCore {
  const expected = String((e.params as Record<string, unknown>)['type']).split(',');
  const actual = e.data;
  const actualName =
    actual === null
      ? 'empty'
      : Array.isArray(actual)
        ? 'a list'
        : typeof actual === 'object'
          ? 'a block of fields'
          : // YAML reads `1.10` as 1.1: show what was typed, and what became of it.
            typeof actual === 'number' && raw !== undefined && raw !== String(actual)
            ? `a number (${show(raw)}, which YAML reads as ${String(actual)})`
            : `${TYPE_NAMES[typeof actual] ?? typeof actual} (${show(actual)})`;
  // A list or `{ none: "reason" }` (src/schema/build.ts): the writer wanted a list.
  const listOrNone = expected.includes('array') && expected.includes('object');
  const want = listOrNone ? 'a list' : expected.map((t) => TYPE_NAMES[t] ?? t).join(' or ');
  const key = at.length > 0 ? String(at[at.length - 1]) : 'field';
  const hints: string[] = [];
  if (expected.includes('string') && (typeof actual === 'number' || typeof actual === 'boolean')) {
    hints.push(`put the value in quotes so it stays text: \`${key}: "${raw || String(actual)}"\``);
  } else if (expected.includes('boolean')) hints.push('write `true` or `false` without quotes');
  else if (expected.includes('array')) {
    const none = listOrNone ? `; for an empty list write \`${key}: { none: "why there is none" }\`` : '';
    if (typeof actual === 'string' || typeof actual === 'number')
      hints.push(`write it as a list: \`${key}: [${raw ?? String(actual)}]\`${none}`);
    else if (typeof actual === 'object' && actual !== null && !Array.isArray(actual))
      hints.push(
        `write each entry as a list item starting with \`- \`; an entry written as \`name: { … }\` becomes \`- id: name\` with its fields below it${none}`,
      );
    else hints.push(`write a list: put each item on its own line, starting with \`- \`${none}`);
  } else if (expected.includes('object'))
    hints.push(`write the fields of \`${key}\` on the following lines, indented by two spaces`);
  else if (expected.includes('number') || expected.includes('integer'))
    hints.push('write the number without quotes or units');
  else hints.push('see `techfile schema` for the expected form');
  return {
    code: 'data/wrong-type',
    message: `\`${formatPath(at)}\` should be ${want}, but it is ${actualName}`,
    hints,
  };
}

const FORMAT_NAMES: Record<string, string> = {
  email: 'e-mail address',
  uri: 'web address (URL)',
  'uri-reference': 'link',
};
const FORMAT_HINTS: Record<string, string> = {
  email: 'write an address such as `security@example.com`',
  uri: 'write the full address including `https://`',
};

const KEBAB = '^[a-z0-9]+(-[a-z0-9]+)*$';

function patternHint(pattern: string, description: string | undefined): string {
  if (pattern === KEBAB) return 'use lower-case letters, digits and single hyphens only, e.g. `glucoflow-x2-eu`';
  if (description) return `expected: ${description.replace(/\.$/, '')}`;
  return `it must match the pattern \`${pattern}\``;
}

/**
 * The date the writer most likely meant, in ISO form. Dots and dashes are read day first (the
 * European habit); with slashes a day-month order cannot be known when both numbers could be a
 * month (`01/03/2027` is 1 March in Europe, 3 January in the US), so both readings are offered.
 */
function suggestDate(text: string): string {
  const t = text.trim();
  const iso = (y: string, m: string, d: string) => `\`${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}\``;
  const ymd = /^(\d{4})[./](\d{1,2})[./](\d{1,2})$/.exec(t) as [string, string, string, string] | null;
  if (ymd) return iso(ymd[1], ymd[2], ymd[3]);
  const dmy = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4})$/.exec(t);
  if (!dmy) return '`2027-03-01`';
  const [, a, separator, b, year] = dmy as unknown as [string, string, string, string, string];
  if (separator !== '/' || Number(a) > 12 || Number(b) > 12 || a === b) {
    return Number(b) > 12 && Number(a) <= 12 ? iso(year, a, b) : iso(year, b, a);
  }
  return `${iso(year, b, a)} if ${a} is the day, ${iso(year, a, b)} if it is the month`;
}

function show(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const short = text.length > 40 ? `${text.slice(0, 37)}...` : text;
  return `\`${short}\``;
}

function labelText(ctx: MessageContext, path: FieldPath): string {
  const schemaPath = formatPath(path.map((s) => (typeof s === 'number' ? -1 : s))).replace(/\[-1\]/g, '[]');
  const label = ctx.label(schemaPath);
  return label && label.toLowerCase() !== String(path[path.length - 1]).toLowerCase() ? ` (${label})` : '';
}
