import Handlebars from 'handlebars';
import type { Frame, HelperOptions, Scope } from '../context.js';
import { asRef, currentScope, declaredSentence, labelFor } from '../context.js';
import { escapeText, placeholderMarker } from '../escape.js';
import { Ref, childPath, isMissing, truthy, type Declared } from '../values.js';

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

/**
 * A value a clause of this document needs, still missing, used as a condition: leaving the block
 * out would hide the gap. Undefined when the condition is an ordinary one.
 */
function gap(condition: unknown, options: Options): 'yes-no' | 'value' | undefined {
  if (!(condition instanceof Ref) || condition.declared !== undefined || !isMissing(condition.value)) return undefined;
  return options.data.tf.ctx.needed?.(condition.path);
}

/** A TBD for an unanswered yes/no condition, inline or as its own paragraph like the block it stands for. */
function conditionPlaceholder(ref: Ref, options: Options, shown: string): string {
  const marker = placeholderMarker(ref.path, labelFor(options, ref.path), 'prose');
  return shown.includes('\n') ? `\n\n${marker}\n\n` : marker;
}

export function ifHelper(this: unknown, condition: unknown, options: Options): string {
  const missing = gap(condition, options);
  // A needed text or list: show the block, whose values print as TBDs.
  if (missing === 'value') return options.fn(this);
  // An unanswered yes/no question: neither branch is true yet.
  if (missing === 'yes-no') return conditionPlaceholder(condition as Ref, options, options.fn(this));
  return truthy(condition) ? options.fn(this) : options.inverse(this);
}

export function unlessHelper(this: unknown, condition: unknown, options: Options): string {
  if (gap(condition, options) === 'yes-no') return conditionPlaceholder(condition as Ref, options, options.fn(this));
  return truthy(condition) ? options.inverse(this) : options.fn(this);
}

/** A declared none / not applicable list or group, printed as its reason. */
function declaredParagraph(options: Options, d: Declared): string {
  return `\n\n${escapeText(declaredSentence(options, d, true), 'prose')}\n\n`;
}

export function eachHelper(this: unknown, list: unknown, options: Options): string {
  const ref = asRef(list);
  // The reason replaces the items, inline: `each` may sit in a sentence or a table row.
  if (ref.declared !== undefined) return escapeText(declaredSentence(options, ref.declared), 'cell');
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
  // A list that accepts prose instead of records (firewall rules, data locations) and got prose.
  if (typeof value === 'string' && value.trim() !== '') return escapeText(value, 'cell');
  if (out !== '' || !isMissing(value)) return out;
  // A list the document needs and lacks: a TBD, not the `else` text ("No ports.") or nothing.
  if (gap(ref, options) !== undefined) return placeholderMarker(ref.path, labelFor(options, ref.path), 'prose');
  return options.inverse(this);
}

export function withHelper(this: unknown, target: unknown, options: Options): string {
  const ref = asRef(target);
  if (isMissing(ref.value)) return options.inverse(this);
  const data = enter(options, { value: ref.value, path: ref.path, declared: ref.declared }, {});
  return options.fn(ref.value, { data, blockParams: [ref.value] });
}

/** Like `each`; a missing or empty list becomes one TBD placeholder paragraph. */
export function itemsHelper(this: unknown, list: unknown, options: Options): string {
  const ref = list instanceof Ref ? list : new Ref(list, currentScope(options).path, currentScope(options).declared);
  if (ref.declared !== undefined) return declaredParagraph(options, ref.declared);
  if (typeof ref.value === 'string' && ref.value.trim() !== '') return `\n\n${escapeText(ref.value, 'prose')}\n\n`;
  if (isMissing(ref.value) || !Array.isArray(ref.value)) {
    return `\n\n${placeholderMarker(ref.path, labelFor(options, ref.path), 'prose')}\n\n`;
  }
  return eachHelper.call(this, ref, options);
}
