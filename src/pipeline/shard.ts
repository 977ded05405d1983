/** `--shard i/n`: which products this runner builds when a CI matrix splits a portfolio. */
export interface Shard {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
}

/** `i/n` with 1 ≤ i ≤ n, or undefined when the text is not that. */
export function parseShard(text: string): Shard | undefined {
  const m = /^(\d{1,6})\/(\d{1,6})$/.exec(text.trim());
  if (!m) return undefined;
  const index = Number(m[1]);
  const count = Number(m[2]);
  return index >= 1 && count >= 1 && index <= count ? { index, count } : undefined;
}

/**
 * The products of shard i of n: round-robin over the product ids in sorted order, so each
 * product is in exactly one shard, every runner computes the same split from the same inputs,
 * and the shards differ in size by at most one product.
 */
export function inShard<T>(items: readonly T[], id: (item: T) => string, shard: Shard): T[] {
  const order = [...items].sort((a, b) => (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0));
  const chosen = new Set(order.filter((_, i) => i % shard.count === shard.index - 1));
  return items.filter((item) => chosen.has(item));
}
