import { escapeText, placeholderMarker, type OutputMode } from '../escape.js';
import { TemplateError, declaredSentence, displayValue, labelFor, locationOf, type HelperOptions } from '../context.js';
import { Fragment, MarkdownBlock, Ref, childPath, isMissing, step } from '../values.js';

/**
 * The two helpers the rewrite inserts: `__get` resolves a data path against techfile's own
 * scope stack (so it knows the full field path), `__out` turns any value into escaped Markdown.
 */
export function getHelper(base: unknown, ...rest: unknown[]): Ref {
  const options = rest.pop() as HelperOptions;
  const stack = options.data.tfStack;
  const scope = base === 'root' ? stack[stack.length - 1] : stack[Number(base)];
  if (!scope) {
    throw new TemplateError('template/path-depth', '`../` goes above the top of the data', locationOf(options), [
      'remove one `../`, or use `@root.` to start from the top of the device data',
    ]);
  }
  let value = scope.value;
  let declared = scope.declared;
  let path = scope.path;
  for (const segment of rest) {
    const name = String(segment);
    path = childPath(path, name, Array.isArray(value));
    ({ value, declared } = step(value, declared, name));
  }
  return new Ref(value, path, declared);
}

export function outHelper(value: unknown, options: HelperOptions): string {
  const mode = (options.hash['mode'] as OutputMode | undefined) ?? 'prose';
  return render(value, mode, options);
}

export function placeholderFor(options: HelperOptions, path: string, mode: OutputMode): string {
  return placeholderMarker(path, labelFor(options, path), mode);
}

function render(value: unknown, mode: OutputMode, options: HelperOptions): string {
  if (value instanceof Ref) {
    if (value.declared !== undefined) return escapeText(declaredSentence(options, value.declared), mode);
    if (isMissing(value.value)) return placeholderFor(options, value.path, mode);
    return scalar(value.value, value.path, mode, options);
  }
  if (value instanceof Fragment) {
    return value.parts
      .map((part) => (typeof part === 'string' ? escapeText(part, mode, false) : placeholderMarker(part.field, part.label, mode)))
      .join('');
  }
  if (value instanceof MarkdownBlock) return value.markdown;
  if (value === undefined || value === null) return '';
  return scalar(value, '', mode, options);
}

function scalar(value: unknown, path: string, mode: OutputMode, options: HelperOptions): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return escapeText(displayValue(options, path, value), mode);
  }
  const what = Array.isArray(value) ? 'a list' : 'a group of fields';
  throw new TemplateError(
    'template/not-text',
    `\`${path === '' ? 'this' : path}\` is ${what}, not text`,
    locationOf(options),
    Array.isArray(value)
      ? ['use `{{join …}}` for a list in a sentence, `{{table …}}` or `{{#each …}}` for a list of records']
      : ['insert one of its fields, e.g. `{{' + (path === '' ? 'this' : path) + '.name}}`'],
    path,
  );
}
