import { isListSchema, type Schema } from './build.js';
import { pathTokens } from '../source/field-path.js';
import { walkSchemaPath, type PathStep } from './path.js';
import { readableKey } from './words.js';

function title(schema: Schema): string | undefined {
  return typeof schema['title'] === 'string' ? schema['title'] : undefined;
}

/** "network port 3", "security capability "automatic_logoff"", "each network port", "entry 2 of the intended users". */
function recordName(step: PathStep, list: PathStep | undefined): string {
  const selector = step.token.kind === 'item' ? step.token.selector : '';
  const itemTitle = title(step.schema);
  const listTitle =
    list !== undefined ? (title(list.schema) ?? readableKey(list.token.kind === 'key' ? list.token.key : '')) : 'list';
  const numbered = /^\d+$/.test(selector);
  if (itemTitle !== undefined) {
    if (selector === '') return `each ${itemTitle}`;
    return numbered ? `${itemTitle} ${Number(selector) + 1}` : `${itemTitle} "${selector}"`;
  }
  if (selector === '') return `each entry of the ${listTitle}`;
  return numbered ? `entry ${Number(selector) + 1} of the ${listTitle}` : `entry "${selector}" of the ${listTitle}`;
}

function fallback(path: string): string {
  const keys = (pathTokens(path) ?? []).filter((t) => t.kind === 'key');
  const last = keys[keys.length - 1];
  return last !== undefined && last.kind === 'key' ? readableKey(last.key) : path;
}

/**
 * The phrase that names step i as the context of a field below it: "the security support
 * period", "network port 3". Records name themselves fully, so their context stops there.
 */
function contextOf(steps: readonly PathStep[], i: number): string {
  for (let j = i - 1; j >= 0; j--) {
    const step = steps[j];
    if (step === undefined) break;
    // A list key is named through its records; skip it.
    if (step.token.kind === 'key' && isListSchema(step.schema)) continue;
    if (step.token.kind === 'item') return ` of ${recordName(step, steps[j - 1])}`;
    return ` of the ${title(step.schema) ?? readableKey(step.token.key)}`;
  }
  return '';
}

/**
 * A short human label for a field path, used in `[TBD: <label> (<path>)]` placeholders:
 * `support_period.end_date` → "end date of the security support period",
 * `network.ports[2].port` → "port number of network port 3". Unknown paths fall back to a
 * readable form of their last key.
 */
export function labelFor(schema: Schema, path: string): string {
  const found = walkSchemaPath(schema, path);
  if (found === undefined || found.length === 0) return fallback(path);
  let steps = found;
  let last = steps[steps.length - 1];
  // The catalogue's `a[]` names the list itself: label it like `a`.
  if (last !== undefined && last.token.kind === 'item' && last.token.selector === '' && steps.length > 1) {
    steps = steps.slice(0, -1);
    last = steps[steps.length - 1];
  }
  if (last === undefined) return fallback(path);
  const i = steps.length - 1;
  if (last.token.kind === 'item') return recordName(last, steps[i - 1]);
  const own = title(last.schema) ?? readableKey(last.token.key);
  const context = contextOf(steps, i);
  // "hardening guidelines", not "hardening guidelines of the hardening"; "AI instructions for
  // use", not "instructions for use of the AI instructions for use"; "log location", not "log
  // location of the logging".
  const groupTitle = context.replace(/^ of (the )?/, '');
  const group = groupTitle.toLowerCase();
  const mine = own.toLowerCase();
  if (group === '') return own;
  if (mine.includes(group)) return own;
  if (group.includes(mine)) return groupTitle;
  const first = mine.split(' ')[0] ?? '';
  if (!group.includes(' ') && first.length >= 3 && group.startsWith(first)) return own;
  // A title that names its own object ("date of placing on the market") or shares a word with
  // its group ("security risk profile" in "product security") needs no "of the …".
  if (/ (of|on) /.test(mine)) return own;
  const words = new Set(group.split(' ').filter((w) => w.length >= 5));
  if (mine.split(' ').some((w) => words.has(w))) return own;
  return own + context;
}
