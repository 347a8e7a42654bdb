/**
 * What each sales channel may list of one SKU (#7). Pure, so the pusher, the screens and the property
 * test agree on it.
 *
 * available = on hand − committed − safety stock (never below 0). Each channel's rule turns that into a wish
 * (share: all of it; cap N: at most N; reserve N: all but N; percent P: P % rounded down; budget N: at most N).
 * A channel Packbench cannot reach keeps what it was last told: that is its budget, the most it can sell
 * before we hear from it, so it is taken off the pool first. The online channels' wishes are then split so
 * that the sum over every channel never exceeds available: the last unit is never offered twice, even
 * when the connection drops between a sale and our next push.
 */

export const STOCK_RULE_KINDS = ['share', 'cap', 'reserve', 'percent', 'budget'] as const;
export type StockRuleKind = (typeof STOCK_RULE_KINDS)[number];
export type StockRule = { kind: StockRuleKind; value: number };

export type ChannelAllocationInput = {
  channelId: number;
  rule: StockRule;
  /** unreachable now: its last published number stands as its budget */
  offline: boolean;
  /** what the channel was last told (null: never told anything) */
  published: number | null;
};

export function availableToSell(onHand: number, committed: number, safety: number): number {
  return Math.max(0, onHand - committed - Math.max(0, safety));
}

export function wishOf(rule: StockRule, pool: number): number {
  const v = Math.max(0, Math.floor(rule.value));
  switch (rule.kind) {
    case 'share': return pool;
    case 'cap':
    case 'budget': return Math.min(pool, v);
    case 'reserve': return Math.max(0, pool - v);
    case 'percent': return Math.floor((pool * Math.min(100, v)) / 100);
  }
}

/**
 * Channel id -> the number to publish. Offline channels keep their published number (capped at available:
 * a count that fell below it is what they may still sell at most, but we cannot tell them). Online wishes are
 * scaled down proportionally (largest remainder, ties to the lower channel id) when they do not fit the pool.
 */
export function allocate(available: number, channels: ChannelAllocationInput[]): Map<number, number> {
  const out = new Map<number, number>();
  const total = Math.max(0, Math.floor(available));
  let frozen = 0;
  for (const c of channels) {
    if (!c.offline) continue;
    const kept = Math.max(0, Math.min(c.published ?? 0, total - frozen));
    out.set(c.channelId, kept);
    frozen += kept;
  }
  const pool = total - frozen;
  const online = channels.filter((c) => !c.offline).sort((a, b) => a.channelId - b.channelId);
  const wishes = online.map((c) => wishOf(c.rule, pool));
  const sum = wishes.reduce((n, w) => n + w, 0);
  if (sum <= pool) {
    online.forEach((c, i) => out.set(c.channelId, wishes[i]!));
    return out;
  }
  const exact = wishes.map((w) => (w * pool) / sum);
  const given = exact.map((x) => Math.floor(x));
  let left = pool - given.reduce((n, g) => n + g, 0);
  const order = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    if (given[i]! < wishes[i]!) { given[i]!++; left--; }
  }
  online.forEach((c, i) => out.set(c.channelId, given[i]!));
  return out;
}

/** The most specific rule: (channel, sku) > (channel, all) > (every channel, sku) > (every channel, all) > share. */
export function ruleFor(rules: Array<{ channelId: number; sku: string; kind: StockRuleKind; value: number }>, channelId: number, sku: string): StockRule {
  const pick = (ch: number, s: string) => rules.find((r) => r.channelId === ch && r.sku === s);
  const r = pick(channelId, sku) ?? pick(channelId, '') ?? pick(0, sku) ?? pick(0, '');
  return r ? { kind: r.kind, value: r.value } : { kind: 'share', value: 0 };
}

export function describeRule(rule: StockRule): string {
  switch (rule.kind) {
    case 'share': return 'lists its share of what is available';
    case 'cap': return `lists at most ${rule.value}`;
    case 'reserve': return `lists all but ${rule.value} kept back`;
    case 'percent': return `lists ${rule.value}% of what is available`;
    case 'budget': return `may sell at most ${rule.value} (offline budget)`;
  }
}

/**
 * The number to send one channel now: its share, but never more than what the other channels of the pool leave
 * free (what they were told, or are being told). Pushes to several shops cannot land at once; with this, every
 * moment in between still shows no more than is available in total.
 */
export function publishable(share: number, available: number, promisedToOthers: number): number {
  return Math.max(0, Math.min(share, Math.max(0, available) - promisedToOthers));
}
