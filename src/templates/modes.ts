import type { OutputMode } from './escape.js';

/**
 * Decides, from the template source alone, what kind of Markdown a mustache sits in. Fenced
 * code blocks are tracked line by line; code spans by counting backticks before the mustache.
 */
export function modeLocator(source: string, plain: boolean): (line: number, column: number) => OutputMode {
  const lines = source.split('\n');
  const inFence: boolean[] = [];
  let fence: string | undefined;
  for (const line of lines) {
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === undefined) {
      inFence.push(false);
      if (marker !== undefined) fence = marker;
    } else if (marker !== undefined && marker[0] === fence[0] && marker.length >= fence.length) {
      inFence.push(false);
      fence = undefined;
    } else {
      inFence.push(true);
    }
  }
  return (line, column) => {
    if (plain) return 'plain';
    if (inFence[line - 1]) return 'code';
    const text = lines[line - 1] ?? '';
    const before = text.slice(0, column);
    if ((before.match(/`/g)?.length ?? 0) % 2 === 1) return 'code';
    if (/\]\($/.test(before)) return 'url';
    if (/^\s*\|/.test(text)) return 'cell';
    if (/^\s{0,3}#{1,6}(\s|$)/.test(text)) return 'heading';
    return 'prose';
  };
}
