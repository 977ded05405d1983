import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { getAt, isRecord } from '../path.js';
import type { Rule } from './rule.js';

/** `port: "67-68"`: the schema checks the form, this checks the numbers. */
export const portRange: Rule = (data, ctx) => {
  const ports = getAt(data, ['network', 'ports']);
  if (!Array.isArray(ports)) return [];
  const out: Diagnostic[] = [];
  ports.forEach((record, i) => {
    if (!isRecord(record) || typeof record['port'] !== 'string') return;
    const m = /^(\d{1,5})-(\d{1,5})$/.exec(record['port']);
    if (!m) return;
    const first = Number(m[1]);
    const last = Number(m[2]);
    if (first <= last && last <= 65535) return;
    out.push(
      ctx.at(['network', 'ports', i, 'port'], {
        code: 'data/port-range',
        message:
          last > 65535
            ? `port range \`${record['port']}\` goes beyond 65535, the highest port number`
            : `port range \`${record['port']}\` ends before it starts`,
        hints: ['write the range as "first-last" with 0 ≤ first ≤ last ≤ 65535, e.g. "67-68"'],
      }),
    );
  });
  return out;
};
