import { TemplateError, asRef, declaredSentence, displayValue, labelFor, locationOf, type HelperOptions } from '../context.js';
import { Fragment, Ref, isMissing, resolve } from '../values.js';

/**
 * Text-producing helpers: `tbd`, `date`, `join`, `yesno`. They return Fragments (text pieces and
 * placeholders) that `__out` escapes for the place where they are inserted.
 */
function placeholder(options: HelperOptions, ref: Ref): Fragment {
  if (ref.declared !== undefined) return new Fragment([declaredSentence(options, ref.declared)]);
  return new Fragment([{ field: ref.path, label: labelFor(options, ref.path) }]);
}

/** Locales as EU documents expect them: plain `en` means British usage ("31 December 2027", "a, b and c"). */
export function intlLocale(locale: string): string {
  const tag = locale === '' || locale === 'en' ? 'en-GB' : locale;
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? 'en-GB';
  } catch {
    return 'en-GB';
  }
}

export function tbdHelper(...values: unknown[]): Fragment {
  const options = values.pop() as HelperOptions;
  const [field, label] = values.map((v) => String(v instanceof Ref ? v.value : v));
  if (field === undefined || field === '') {
    throw new TemplateError('template/tbd-arguments', '`tbd` needs the field path', locationOf(options), [
      'write `{{tbd "support_period.end_date" "end of the support period"}}`',
    ]);
  }
  return new Fragment([{ field, label: label ?? labelFor(options, field) }]);
}

/**
 * `{{date path}}`: 2027-12-31; `{{date path "long"}}`: "31 December 2027" or, for a month,
 * "December 2027"; `{{date path "on"}}`: "on 31 December 2027" or "in December 2027", so that a
 * sentence reads right whether the data gives a day or only a month.
 */
export function dateHelper(value: unknown, ...rest: unknown[]): Fragment | string {
  const options = rest.pop() as HelperOptions;
  const ref = asRef(value);
  const style = rest[0] === undefined ? 'iso' : String(rest[0] instanceof Ref ? rest[0].value : rest[0]);
  if (isMissing(ref.value) || ref.declared !== undefined) {
    const gap = placeholder(options, ref);
    return style === 'on' && ref.declared === undefined ? new Fragment(['on ', ...gap.parts]) : gap;
  }
  const text = String(ref.value);
  // YYYY-MM where the source gives only the month: "December 2027".
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(text);
  if (!match) {
    throw new TemplateError('template/not-a-date', `\`${ref.path}\` is \`${text}\`, not a date`, locationOf(options), [
      'write dates as YYYY-MM-DD (or YYYY-MM where only the month is known) in the device data',
    ], ref.path);
  }
  if (style === 'iso') return text;
  if (style !== 'long' && style !== 'on') {
    throw new TemplateError('template/date-style', `date style \`${style}\` is unknown`, locationOf(options), [
      'write `{{date path}}` for 2027-12-31, `{{date path "long"}}` for 31 December 2027 or `{{date path "on"}}` for "on 31 December 2027" (or "in December 2027")',
    ]);
  }
  const monthOnly = match[3] === undefined;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, monthOnly ? 1 : Number(match[3])));
  const format = new Intl.DateTimeFormat(intlLocale(options.data.tf.ctx.locale), {
    ...(monthOnly ? {} : { day: 'numeric' as const }),
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const long = format.format(date);
  return style === 'on' ? `${monthOnly ? 'in' : 'on'} ${long}` : long;
}

export function joinHelper(value: unknown, ...rest: unknown[]): Fragment {
  const options = rest.pop() as HelperOptions;
  const ref = asRef(value);
  if (isMissing(ref.value) || ref.declared !== undefined) return placeholder(options, ref);
  const field = rest[0] === undefined ? undefined : String(rest[0] instanceof Ref ? rest[0].value : rest[0]);
  const list = Array.isArray(ref.value) ? ref.value : [ref.value];
  const items = list.map((_, index) => {
    const item = resolve(ref, String(index));
    return field === undefined ? item : resolve(item, field);
  });
  // Format with stand-in tokens so the list pattern ("a, b and c", "a, b und c") comes from
  // Intl while each item stays a separate piece (text or placeholder).
  const tokens = items.map((_, i) => `\u0001${i}\u0002`);
  const pattern = new Intl.ListFormat(intlLocale(options.data.tf.ctx.locale), { type: 'conjunction' }).format(tokens);
  const parts: (string | { field: string; label: string })[] = [];
  for (const piece of pattern.split(/(\u0001\d+\u0002)/)) {
    const token = /^\u0001(\d+)\u0002$/.exec(piece);
    const item = token ? items[Number(token[1])] : undefined;
    if (!item) {
      if (piece !== '') parts.push(piece);
    } else if (isMissing(item.value) || typeof item.value === 'object') {
      parts.push({ field: item.path, label: labelFor(options, item.path) });
    } else {
      const v = item.value;
      parts.push((typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? displayValue(options, item.path, v) : String(v)).trim());
    }
  }
  return new Fragment(parts);
}

export function yesnoHelper(value: unknown, options: HelperOptions): Fragment | string {
  const ref = asRef(value);
  if (ref.declared !== undefined) return placeholder(options, ref);
  if (ref.value === true) return 'Yes';
  if (ref.value === false) return 'No';
  if (isMissing(ref.value)) return placeholder(options, ref);
  throw new TemplateError('template/not-a-boolean', `\`${ref.path}\` is \`${String(ref.value)}\`, not true or false`, locationOf(options), [
    'write `true` or `false` in the device data',
  ], ref.path);
}
