import Handlebars from 'handlebars';
import type { Frame, HelperOptions, Scope } from '../context.js';
import { asRef, currentScope, labelFor } from '../context.js';
import { placeholderMarker } from '../escape.js';
import { Ref, childPath, isMissing, truthy } from '../values.js';

/**
 * techfile's own `if`, `unless`, `each`, `with` and `items`. They replace Handlebars' built-ins
 * because arguments arrive as Refs, and because entering a list item or record must push a scope
 * (value + full field path) so placeholders inside name `network.ports[2].port`.
 */
type Options = HelperOptions & Required<Pick<HelperOptions, 'fn' | 'inverse'>>;

function enter(options: Options, scope: Scope, extra: Record<string, unknown>): Frame {
  const frame = Handlebars.createFrame(options.data) as Frame & Record<string, unknown>;
  Object.assign(frame, extra);
  return Object.assign(frame, { tfStack: [scope, ...options.data.tfStack] });
}

export function ifHelper(this: unknown, condition: unknown, options: Options): string {
  return truthy(condition) ? options.fn(this) : options.inverse(this);
}

export function unlessHelper(this: unknown, condition: unknown, options: Options): string {
  return truthy(condition) ? options.inverse(this) : options.fn(this);
}

export function eachHelper(this: unknown, list: unknown, options: Options): string {
  const ref = asRef(list);
  const value = ref.value;
  let out = '';
  if (Array.isArray(value)) {
    value.forEach((item: unknown, index) => {
      const data = enter(options, { value: item, path: childPath(ref.path, index, true) }, {
        index,
        key: index,
        first: index === 0,
        last: index === value.length - 1,
      });
      out += options.fn(item, { data, blockParams: [item, index] });
    });
  } else if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    keys.forEach((key, index) => {
      const item = (value as Record<string, unknown>)[key];
      const data = enter(options, { value: item, path: childPath(ref.path, key, false) }, {
        index,
        key,
        first: index === 0,
        last: index === keys.length - 1,
      });
      out += options.fn(item, { data, blockParams: [item, key] });
    });
  }
  return out === '' && isMissing(value) ? options.inverse(this) : out;
}

export function withHelper(this: unknown, target: unknown, options: Options): string {
  const ref = asRef(target);
  if (isMissing(ref.value)) return options.inverse(this);
  const data = enter(options, { value: ref.value, path: ref.path }, {});
  return options.fn(ref.value, { data, blockParams: [ref.value] });
}

/** Like `each`; a missing or empty list becomes one TBD placeholder paragraph. */
export function itemsHelper(this: unknown, list: unknown, options: Options): string {
  const ref = list instanceof Ref ? list : new Ref(list, currentScope(options).path);
  if (isMissing(ref.value) || !Array.isArray(ref.value)) {
    return `\n\n${placeholderMarker(ref.path, labelFor(options, ref.path), 'prose')}\n\n`;
  }
  return eachHelper.call(this, ref, options);
}
