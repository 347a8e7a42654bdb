import { isoNow } from '../../clock';
import type { ImportResult, IncomingOrder } from '../../services/orders-service';
import type { ChannelRecord, ChannelSyncState } from '../../store/sync-repo';
import type { PullOrdersPage } from '../channel-types';
import type { EngineContext } from './engine-context';
import { remoteToIncoming } from './remote-to-incoming';

const WANTED_NEW = new Set(['ready', 'awaiting_payment', 'on_hold']);

/**
 * One page of remote orders into the store, with the cursor: the orders, their reservations and the new
 * continuation commit together, so a crash resumes at this page and a re-run applies nothing twice. A bad
 * order is reported in words and set aside; the rest of the page lands.
 */
export function applyPage(ctx: EngineContext, channel: ChannelRecord, state: ChannelSyncState, page: PullOrdersPage): number[] {
  const { repos } = ctx;
  const at = isoNow(ctx.clock);
  const locationId = channel.config.locationId ?? repos.catalog.defaultLocationId() ?? 1;
  const incoming: IncomingOrder[] = [];
  const problems: Array<{ externalId: string; words: string; detail: string }> = [];
  const warnings: Array<{ externalId: string; words: string }> = [];
  for (const remote of page.orders) {
    const known = repos.sync.version(channel.id, String(remote.externalId));
    // a channel order that never needed the bench (shipped or cancelled before it reached us) stays out
    if (!known && !WANTED_NEW.has(remote.state)) continue;
    const conv = remoteToIncoming(remote, channel, locationId);
    if (conv.ok) {
      incoming.push(conv.incoming);
      for (const w of conv.warnings) warnings.push({ externalId: String(remote.externalId), words: w });
    } else {
      problems.push({ externalId: String(remote.externalId ?? ''), words: conv.words, detail: conv.detail });
    }
  }
  for (const r of page.rejected) problems.push({ externalId: r.externalId ?? '', words: r.words, detail: r.detail });

  const results: ImportResult[] = [];
  repos.transaction(() => {
    const land = (batch: IncomingOrder[]) => {
      const r = ctx.orders.importOrders(batch, channel.name);
      // the store boundary refuses what breaks the contract, in words; the rest of the batch landed
      for (const x of r.rejected) {
        const o = batch[x.index]!;
        problems.push({ externalId: o.externalId, words: `${channel.name}: ${x.words} It was not taken in; fix it on ${channel.name} and it comes in when it changes there.`, detail: x.words });
      }
      results.push(r);
    };
    if (incoming.length) {
      try {
        land(incoming);
      } catch {
        // one order the store refuses must not hold the others back: land them one by one and name the culprit
        for (const o of incoming) {
          try {
            land([o]);
          } catch (e) {
            problems.push({ externalId: o.externalId, words: `${channel.name} order ${o.number} could not be stored: ${e instanceof Error ? e.message : String(e)} The other orders carry on.`, detail: String(e) });
          }
        }
      }
    }
    repos.sync.saveCursor(channel.id, page.continuation ? state.cursor : page.nextCursor, page.continuation);
    repos.sync.markPulled(channel.id, at);
  });
  for (const p of problems) ctx.log('error', channel, p.words, p.detail, p.externalId);
  for (const w of warnings) ctx.log('warning', channel, w.words, '', w.externalId);
  return results.flatMap((r) => [...r.imported, ...r.updated, ...r.held, ...r.cancelled]);
}
