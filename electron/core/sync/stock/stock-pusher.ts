import { randomUUID } from 'node:crypto';
import { isoNow } from '../../clock';
import type { ChannelRecord } from '../../store/sync-repo';
import { asChannelError, type ChannelError } from '../channel-error';
import type { AvailablePush } from '../channel-types';
import type { EngineContext } from '../engine/engine-context';
import type { SalesChannel } from '../sales-channel';
import { allocationFor, publishableFor, stockChannels } from './stock-allocator';

/** SKUs per call: Shopify takes up to 250 quantities per inventorySetQuantities; WooCommerce sets one by one anyway */
const BATCH = 250;
const ROUND = 400;

export type StockPushVerdict = { more: boolean; failure: ChannelError | null; pushed: number };

/**
 * The coalescing pusher of one channel (#7). It reads the channel's dirty SKUs, computes each one's number
 * NOW (so the latest count wins, however many movements marked it), sends only what differs from what the
 * channel was last told, and clears each mark at the version it read: a change made while the call was in
 * flight bumps the version, keeps the mark, and goes out next round. One round at a time per channel, so
 * an older number can never arrive after a newer one.
 *
 * Compare-and-set: each push carries the count we last saw there (Shopify changeFromQuantity). A stale answer
 * means the shop sold (or someone edited) since: the SKU waits until orders were pulled again, so the sale is
 * in the ledger before we set the count, and is never sold twice. A stale answer that already shows our number
 * (the push arrived but its answer was lost, or the app stopped before recording it) is recorded as done.
 * The number of each set is written down before it goes out: after a restart, a stale answer that shows the
 * number sent before the stop is our own set, and goes into the history as what the channel was told.
 */
export function createStockPusher(ctx: EngineContext, channel: ChannelRecord, adapter: SalesChannel, hooks: { requestPull(): void; pullPasses(): number }) {
  const { repos } = ctx;
  /** sku -> the pull pass count when its compare-and-set went stale: it waits for a later pass */
  const heldForPull = new Map<string, number>();
  let pushedTotal = 0;

  async function run(signal: AbortSignal): Promise<StockPushVerdict> {
    const idle = { more: false, failure: null, pushed: 0 };
    const current = repos.sync.channel(channel.id);
    if (!current || current.config.pushStock !== true) return idle;
    const marks = repos.stockSync.dirty(channel.id, ROUND);
    if (!marks.length) return idle;
    const channels = stockChannels(repos);
    const rules = repos.stockSync.rules();
    const at = () => isoNow(ctx.clock);
    const due: Array<{ push: AvailablePush; share: number; version: number; cause: string; sentBefore: number | null }> = [];
    let settled = 0;
    for (const m of marks) {
      const held = heldForPull.get(m.sku);
      if (held !== undefined && hooks.pullPasses() <= held) continue;
      heldForPull.delete(m.sku);
      if (!repos.stockSync.hasSku(m.sku)) { repos.stockSync.clear(channel.id, m.sku, m.version); settled++; continue; }
      const mine = allocationFor(repos, m.sku, channels, rules).get(channel.id);
      const told = repos.stockSync.published(channel.id, m.sku);
      // never above what the others leave free: a share that moves here waits until the others were lowered
      const quantity = publishableFor(repos, channel, m.sku, mine?.quantity ?? 0, mine?.available ?? 0, channels, ctx.stockInFlight);
      const known = repos.sync.skuRef(channel.id, m.sku);
      if (known && !known.tracksStock) { repos.stockSync.clear(channel.id, m.sku, m.version); settled++; continue; }
      // the channel already shows this number (as far as we know): nothing to send
      if (told && told.quantity === quantity && told.remoteSeen === quantity) {
        // held below its share only while another shop's count is on its way: the mark stays, and the
        // next round raises it once that count has landed (nothing else would mark it again)
        const heldByInFlight = quantity < (mine?.quantity ?? 0) && channels.some((d) => d.id !== channel.id && ctx.stockInFlight.has(`${d.id}|${m.sku}`));
        if (!heldByInFlight) { repos.stockSync.clear(channel.id, m.sku, m.version); settled++; }
        continue;
      }
      ctx.stockInFlight.set(`${channel.id}|${m.sku}`, Math.max(told?.quantity ?? 0, quantity));
      due.push({ share: mine?.quantity ?? 0, sentBefore: told?.sending ?? null, push: { sku: m.sku, ref: known?.ref || null, remoteLocationId: null, available: quantity, expectedRemote: told?.remoteSeen ?? null }, version: m.version, cause: m.cause });
    }
    let pushed = 0;
    for (let i = 0; i < due.length; i += BATCH) {
      if (signal.aborted) return { more: false, failure: null, pushed };
      const batch = due.slice(i, i + BATCH);
      let results;
      const release = (from: number) => { for (const b of due.slice(from)) ctx.stockInFlight.delete(`${channel.id}|${b.push.sku}`); };
      repos.transaction(() => { for (const b of batch) repos.stockSync.sending(channel.id, b.push.sku, b.push.available); });
      try {
        results = await adapter.pushAvailable(batch.map((b) => b.push), { idempotencyKey: randomUUID(), attempt: 1, signal });
      } catch (e) {
        // what was sent may have arrived: a raise counts as told until a push or a read says otherwise
        repos.transaction(() => { for (const b of batch) repos.stockSync.promise(channel.id, b.push.sku, b.push.available, at()); });
        release(i);
        if (signal.aborted) return { more: false, failure: null, pushed };
        const err = asChannelError(e, channel.name);
        if (err.kind === 'permanent') ctx.log('error', channel, `${channel.name} did not take the stock counts: ${err.words}`, err.detail);
        return { more: false, failure: err, pushed };
      }
      if (signal.aborted) { release(i); return { more: false, failure: null, pushed }; }
      repos.transaction(() => {
        batch.forEach((b, k) => {
          const r = results[k];
          if (!r) return;
          const sku = b.push.sku;
          if (r.ref && r.ref !== b.push.ref) repos.sync.saveSkuRef(channel.id, sku, r.ref, r.outcome !== 'not_listed', r.remoteAvailable, at());
          if (r.outcome === 'applied' || (r.outcome === 'stale' && r.remoteAvailable === b.push.available)) {
            const before = repos.stockSync.published(channel.id, sku)?.quantity ?? 0;
            repos.stockSync.recordPublished(channel.id, sku, b.push.available, b.cause, at());
            repos.stockSync.clear(channel.id, sku, b.version);
            // held below its share by the others' counts: it goes again once they were lowered
            if (b.push.available < b.share) repos.stockSync.mark(channel.id, sku, b.cause, at());
            // lowered: the share it gave up may go to the others now
            if (b.push.available < before) for (const d of channels) if (d.id !== channel.id) repos.stockSync.mark(d.id, sku, `share moved from ${channel.name}`, at(), true);
            pushed++;
          } else if (r.outcome === 'not_listed') {
            ctx.log('info', channel, r.words);
            repos.stockSync.clear(channel.id, sku, b.version);
            // remembered: it takes no share of this SKU any more, so the shops that list it get it (a
            // reconciliation or connecting the shop again looks again)
            repos.sync.saveSkuRef(channel.id, sku, r.ref ?? '', false, null, at());
            for (const d of channels) if (d.id !== channel.id) repos.stockSync.mark(d.id, sku, `${channel.name} does not list it`, at(), true);
          } else {
            if (b.sentBefore !== null && r.remoteAvailable === b.sentBefore) {
              repos.stockSync.recordPublished(channel.id, sku, b.sentBefore, `${b.cause} (sent before Packbench stopped; ${channel.name} shows it)`, at());
            } else {
              repos.stockSync.sawRemote(channel.id, sku, r.remoteAvailable, at());
              repos.stockSync.sending(channel.id, sku, null);
            }
            // somebody sold or edited it there since we last looked: pull their orders first, then set it again
            // (even when it shows our own earlier number: a sale there may have brought it to the same count)
            heldForPull.set(sku, hooks.pullPasses());
            hooks.requestPull();
            ctx.log('info', channel, `${r.words} Packbench reads ${channel.name}'s new orders first, then sends the count again.`);
          }
        });
        if (pushed) repos.sync.markPushed(channel.id, at());
      });
      for (const b of batch) ctx.stockInFlight.delete(`${channel.id}|${b.push.sku}`);
    }
    pushedTotal += pushed;
    if (pushed || settled) ctx.emit('sync.changed', { channelIds: [channel.id] });
    return { more: pushed + settled > 0 && repos.stockSync.dirtyCount(channel.id) > heldForPull.size, failure: null, pushed };
  }

  return { run, pushed: () => pushedTotal, waitingForPull: () => heldForPull.size };
}
export type StockPusher = ReturnType<typeof createStockPusher>;
