import { TemplateError, asRef, declaredSentence, displayValue, labelFor, locationOf, type HelperOptions } from '../context.js';
import { escapeText, placeholderMarker } from '../escape.js';
import { MarkdownBlock, isMissing, resolve, unwrap } from '../values.js';
import { intlLocale } from './format.js';

/**
 * `{{table path "field:Header" "field2:Header 2" widths="2,1,3"}}`: a GFM table from a list of
 * records. Built from escaped cells and placeholder markers only, so it is safe to pass through.
 */
interface Column {
  readonly field: string;
  readonly header: string;
}

export function tableHelper(list: unknown, ...rest: unknown[]): MarkdownBlock {
  const options = rest.pop() as HelperOptions;
  const ref = asRef(list);
  const where = locationOf(options);
  if (ref.declared !== undefined) return new MarkdownBlock(`\n\n${escapeText(declaredSentence(options, ref.declared, true), 'prose')}\n\n`);
  // Lists where records are the exception accept prose instead (firewall rules, data locations).
  if (typeof ref.value === 'string' && ref.value.trim() !== '') return new MarkdownBlock(`\n\n${escapeText(ref.value, 'prose')}\n\n`);
  if (isMissing(ref.value) || !Array.isArray(ref.value)) {
    return new MarkdownBlock(`\n\n${placeholderMarker(ref.path, labelFor(options, ref.path), 'prose')}\n\n`);
  }
  const columns = rest.map((spec): Column => {
    const text = String(unwrap(spec));
    const colon = text.indexOf(':');
    const field = (colon < 0 ? text : text.slice(0, colon)).trim();
    if (field === '') {
      throw new TemplateError('template/table-column', `table column \`${text}\` names no field`, where, [
        'write columns as "field:Header", e.g. "port:Port"',
      ]);
    }
    const header = colon < 0 ? labelFor(options, `${ref.path}[].${field}`) : text.slice(colon + 1);
    return { field, header };
  });
  if (columns.length === 0) {
    throw new TemplateError('template/table-column', '`table` needs at least one column', where, [
      'write `{{table network.ports "port:Port" "purpose:Purpose"}}`',
    ]);
  }
  const lines: string[] = [];
  const widths = options.hash['widths'];
  if (widths !== undefined) {
    const values = String(unwrap(widths)).split(',').map((w) => Number(w.trim()));
    if (values.length !== columns.length || values.some((w) => !(w > 0))) {
      throw new TemplateError('template/table-widths', `\`widths="${String(unwrap(widths))}"\` does not fit ${columns.length} columns`, where, [
        `give one positive number per column, e.g. widths="${columns.map(() => '1').join(',')}"`,
      ]);
    }
    lines.push(`<!-- widths: ${values.join(',')} -->`);
  }
  const row = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  lines.push(row(columns.map((c) => escapeText(c.header, 'cell') || ' ')));
  lines.push(row(columns.map(() => '---')));
  ref.value.forEach((_, index) => {
    const record = resolve(ref, String(index));
    lines.push(row(columns.map((c) => cell(resolve(record, c.field), options))));
  });
  return new MarkdownBlock(`\n\n${lines.join('\n')}\n\n`);
}

function cell(ref: ReturnType<typeof resolve>, options: HelperOptions): string {
  const value = ref.value;
  if (ref.declared !== undefined) return escapeText(declaredSentence(options, ref.declared), 'cell');
  if (isMissing(value)) return placeholderMarker(ref.path, labelFor(options, ref.path), 'cell');
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) {
    const format = new Intl.ListFormat(intlLocale(options.data.tf.ctx.locale), { type: 'conjunction' });
    return escapeText(format.format(value.map((v) => String(v ?? '').trim())), 'cell');
  }
  if (typeof value === 'object') {
    throw new TemplateError('template/not-text', `\`${ref.path}\` is not text and cannot fill a table cell`, locationOf(options), [
      'name a field of it in the column, e.g. "owner.name:Owner"',
    ], ref.path);
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return escapeText(displayValue(options, ref.path, value), 'cell');
  return escapeText(String(value), 'cell');
}
