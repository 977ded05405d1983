import type { Rule } from './rule.js';
import { isoDate } from './rule.js';
import { getAt } from '../../source/field-path.js';
import type { FieldPath } from '../../source/field-path.js';

/**
 * The Product Liability Directive (EU) 2024/2853 applies to products placed on the market or put
 * into service after 9 December 2026 (Art. 2(1)): a date on or before it falls under Directive
 * 85/374/EEC, one after it under the PLD.
 */
const PLD_AFTER = '2026-12-09';
const pldSide = (date: string): boolean => date > PLD_AFTER;

/** A release described as the first placing on the market, not as a release kept in-house. */
const MARKET = /\b(first|initial) (market )?release\b|\bmarket release\b|\bplaced on the market\b/i;
const NOT_MARKET = /\bnot placed on the market\b/i;

function marketRelease(rec: Record<string, unknown>): boolean {
  if (rec.type === 'initial-release') return true;
  const text = [rec.description, rec.changes].filter((v): v is string => typeof v === 'string').join(' ');
  return MARKET.test(text) && !NOT_MARKET.test(text);
}

/**
 * A release described as the market release, dated before 9 December 2026, beside a date of
 * placing on the market after it: the PLD decision depends on which of the two is right.
 */
export const marketReleaseDate: Rule = (data, ctx) => {
  const market = isoDate(getAt(data, ['regulatory', 'placed_on_market']));
  if (market === undefined) return [];
  const out = [];
  // The product's own date of placing on the market, on the other side of the PLD date.
  const productDate = isoDate(getAt(data, ['product', 'placing_on_market_date']));
  if (productDate !== undefined && pldSide(productDate) !== pldSide(market))
    out.push(
      ctx.at(['product', 'placing_on_market_date'], {
        severity: 'warning',
        code: 'data/market-release-before-placing',
        message: `\`product.placing_on_market_date\` (${productDate}) and \`regulatory.placed_on_market\` (${market}) lie on different sides of 9 December 2026: the PLD (EU) 2024/2853 applies only to products placed on the market after that day (Art. 2(1)); the documents follow \`regulatory.placed_on_market\``,
        hints: ['give both fields the same date, or correct the one that is wrong'],
      }),
    );
  const lists: FieldPath[] = [
    ['updates', 'history'],
    ['ai', 'version_history'],
  ];
  for (const base of lists) {
    const list = getAt(data, base);
    if (!Array.isArray(list)) continue;
    for (const [i, item] of (list as unknown[]).entries()) {
      if (typeof item !== 'object' || item === null) continue;
      const rec = item as Record<string, unknown>;
      const date = isoDate(rec.date);
      // A release to production shortly before placing is normal; it matters where the PLD date lies between.
      if (date === undefined || pldSide(date) || !pldSide(market) || !marketRelease(rec)) continue;
      const pld = `; the PLD (EU) 2024/2853 applies only to products placed on the market after 9 December 2026 (Art. 2(1)), so the two dates decide it differently`;
      out.push(
        ctx.at([...base, i, 'date'], {
          severity: 'warning',
          code: 'data/market-release-before-placing',
          message: `the release dated ${date} is described as the market release, but the product is placed on the market on ${market}${pld}`,
          hints: [
            'align the release date with `regulatory.placed_on_market`, or describe the release as one not placed on the market',
          ],
        }),
      );
    }
  }
  return out;
};
