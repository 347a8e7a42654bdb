import { allocate, availableToSell, publishable, ruleFor } from '../../../../shared/domain/stock-allocation';
import type { Repos } from '../../store';
import type { ChannelRecord } from '../../store/sync-repo';

/** The channels counts go to: connected, not the manual one, with "send stock counts" on. */
export function stockChannels(repos: Repos): ChannelRecord[] {
  return repos.sync.channels().filter((c) => c.kind !== 'manual' && c.config.connected !== false && Boolean(c.config.baseUrl) && c.config.pushStock === true);
}

/** False once the channel said it does not list the SKU, or lists it without counting its stock. */
export function sellsCounted(repos: Repos, channelId: number, sku: string): boolean {
  const known = repos.sync.skuRef(channelId, sku);
  return known === undefined || known.tracksStock !== 0;
}

/** where the channel's orders reserve stock (apply-page does the same): its counts come from there */
export const poolOf = (repos: Repos, c: ChannelRecord): number | null => (typeof c.config.locationId === 'number' ? c.config.locationId : (repos.catalog.defaultLocationId() ?? null));

/**
 * The number each stock channel should show for a SKU now, from the ledger, safety stock, the rules and which
 * channels are unreachable (see shared/domain/stock-allocation.ts). A channel's count comes from the location
 * its orders reserve at; channels that ship from the same location share one pool.
 */
export function allocationFor(repos: Repos, sku: string, channels = stockChannels(repos), rules = repos.stockSync.rules()) {
  const result = new Map<number, { quantity: number; available: number; offline: boolean }>();
  const byLocation = new Map<number | null, ChannelRecord[]>();
  for (const c of channels) byLocation.set(poolOf(repos, c), [...(byLocation.get(poolOf(repos, c)) ?? []), c]);
  const safety = repos.stockSync.safety(sku);
  for (const [location, pool] of byLocation) {
    const b = repos.stockSync.balance(sku, location);
    const available = availableToSell(b.onHand, b.committed, safety);
    // a shop that does not list the SKU (or does not count its stock) takes no share: the others get it
    const group = pool.filter((c) => sellsCounted(repos, c.id, sku));
    for (const c of pool) if (!group.includes(c)) result.set(c.id, { quantity: 0, available, offline: repos.sync.state(c.id).offlineSince !== null });
    const inputs = group.map((c) => ({
      channelId: c.id, rule: ruleFor(rules, c.id, sku), offline: repos.sync.state(c.id).offlineSince !== null,
      published: repos.stockSync.published(c.id, sku)?.quantity ?? null,
    }));
    const shares = allocate(available, inputs);
    for (const i of inputs) result.set(i.channelId, { quantity: shares.get(i.channelId) ?? 0, available, offline: i.offline });
  }
  return result;
}

/**
 * The most a channel may be told so that, whatever arrives in whatever order, the channels together never show
 * more than is available: available minus what every other channel of the same pool was told (or is being told).
 */
export function publishableFor(repos: Repos, channel: ChannelRecord, sku: string, share: number, available: number, channels: ChannelRecord[], inFlight: Map<string, number>): number {
  const others = channels.filter((d) => d.id !== channel.id && poolOf(repos, d) === poolOf(repos, channel));
  const promised = others.reduce((n, d) => n + Math.max(repos.stockSync.published(d.id, sku)?.quantity ?? 0, inFlight.get(`${d.id}|${sku}`) ?? 0), 0);
  return publishable(share, available, promised);
}
