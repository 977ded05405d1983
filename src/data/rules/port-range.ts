import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { getAt, isRecord } from '../../source/field-path.js';
import type { Rule } from './rule.js';

/**
 * `port` as text: a range "67-68" (first ≤ last ≤ 65535), or, for ICMP, which has no ports, the
 * message types in words. Anything else is a port written the wrong way ("443/tcp").
 */
export const portRange: Rule = (data, ctx) => {
  const ports = getAt(data, ['network', 'ports']);
  if (!Array.isArray(ports)) return [];
  const out: Diagnostic[] = [];
  ports.forEach((record, i) => {
    if (!isRecord(record) || typeof record['port'] !== 'string') return;
    const m = /^\s*(\d{1,5})\s*-\s*(\d{1,5})\s*$/.exec(record['port']);
    if (!m) {
      if (record['transport'] === 'icmp') return;
      out.push(
        ctx.at(['network', 'ports', i, 'port'], {
          code: 'data/port-range',
          message: `port \`${record['port']}\` is neither a port number nor a range like "67-68"`,
          hints: [
            'write the number alone (e.g. `port: 443`) and the protocol in `transport`; for ICMP set `transport: icmp` and name the message types',
          ],
        }),
      );
      return;
    }
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
