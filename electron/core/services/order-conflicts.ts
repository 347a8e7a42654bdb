import { AppError } from '../../../shared/contract/errors';
import type { OrderConflict } from '../../../shared/contract/sync-api';
import { STATUS_WORDS, type OrderStatus } from '../../../shared/domain/order-state';
import { isoNow, type Clock } from '../clock';
import type { Repos } from '../store';
import type { OrdersService } from './orders-service';
import { describeKinds, type ConflictSide } from './remote-order-updates';

/**
 * Deciding a conflict: keep ours (the order goes back where it was and ships as we have it) or take theirs
 * (cancel, or the new address / items). Nothing here is told back to the channel: theirs is already there.
 */
export function createConflictService(repos: Repos, clock: Clock, actor: () => string, orders: OrdersService) {
  function view(orderId: number): OrderConflict | null {
    const c = repos.sync.openConflict(orderId);
    if (!c) return null;
    const channel = repos.sync.channel(c.channelId);
    return {
      orderId, channelName: channel?.name ?? 'the channel', kinds: c.kinds, summary: describeKinds(c.kinds), heldFrom: c.heldFrom,
      ours: c.ours as ConflictSide, theirs: c.theirs as ConflictSide, createdAt: c.createdAt,
      canTakeTheirs: !(c.heldFrom === 'packed' && c.kinds.includes('lines') && !c.kinds.includes('cancelled') && !c.kinds.includes('fulfilled')),
    };
  }

  /** back to where the bench had it: a packed parcel stays packed, an interrupted pick starts again from open */
  function release(orderId: number, heldFrom: string, reason: string, who: string, at: string) {
    const back: OrderStatus = heldFrom === 'packed' ? 'packed' : heldFrom === 'on_hold' ? 'on_hold' : 'open';
    if (back === 'on_hold') return;
    if (back === 'packed') {
      repos.orders.setStatus(orderId, 'packed', at);
      repos.orders.addEvent(orderId, 'status', who, `${STATUS_WORDS.on_hold} → ${STATUS_WORDS.packed}: ${reason}`, { from: 'on_hold', to: 'packed', reason }, at);
    } else {
      orders.applyTransition(orderId, 'open', reason, who, at, { tellChannel: false });
    }
  }

  function resolve(orderId: number, choice: 'ours' | 'theirs'): void {
    repos.transaction(() => {
      const c = repos.sync.openConflict(orderId);
      const order = repos.orders.record(orderId);
      if (!c || !order) throw new AppError('not_found', 'This order has no open conflict any more.', 'Reload the order; someone may have decided it already.');
      const who = actor();
      const at = isoNow(clock);
      const theirs = c.theirs as ConflictSide;
      const shop = repos.sync.channel(c.channelId)?.name ?? 'the channel';
      if (choice === 'ours') {
        repos.sync.resolveConflict(c.id, 'kept ours', at);
        repos.orders.addEvent(orderId, 'conflict_resolved', who, `Kept our version (${describeKinds(c.kinds)} on ${shop} set aside).`, { choice }, at);
        release(orderId, c.heldFrom, `kept our version after ${shop} changed it`, who, at);
        return;
      }
      if (c.kinds.includes('cancelled') || c.kinds.includes('fulfilled')) {
        repos.sync.resolveConflict(c.id, 'took theirs', at);
        const why = c.kinds.includes('cancelled') ? `cancelled on ${shop}` : `already shipped according to ${shop}`;
        repos.orders.addEvent(orderId, 'conflict_resolved', who, `Took ${shop}'s version: the order is ${why}.`, { choice }, at);
        orders.applyTransition(orderId, 'cancelled', why, who, at, { tellChannel: false });
        return;
      }
      if (c.kinds.includes('lines') && c.heldFrom === 'packed') {
        throw new AppError('conflict', `Order ${order.number} was packed with the old items, so ${shop}'s new items cannot simply replace them.`,
          'Keep ours to ship the parcel as packed, or unpack it, cancel the order and pack the new items as a new order.');
      }
      repos.sync.resolveConflict(c.id, 'took theirs', at);
      const touched = new Map<string, { variantId: number; locationId: number; sku: string }>();
      if (c.kinds.includes('address')) {
        repos.orders.updateFromChannel(orderId, { ...order, shipTo: theirs.shipTo }, at);
      }
      if (c.kinds.includes('lines')) {
        const lines = theirs.lines.map((l) => {
          const current = repos.orders.lines(orderId).find((x) => x.sku === l.sku);
          return { ...l, unitPriceMinor: current?.unitPriceMinor ?? 0, variantId: repos.catalog.variantBySku(l.sku)?.id ?? null };
        });
        repos.orders.replaceLines(orderId, lines);
        orders.reconcileReservation(orderId, order.locationId, lines, who, at, touched, `order changed on ${shop}`);
      }
      orders.tellAvailable(touched, at);
      const reprint = c.heldFrom === 'packed' && c.kinds.includes('address') ? ' Print a new label: the one printed before has the old address.' : '';
      repos.orders.addEvent(orderId, 'conflict_resolved', who, `Took ${shop}'s version (${describeKinds(c.kinds)}).${reprint}`, { choice }, at);
      release(orderId, c.heldFrom, `took ${shop}'s version`, who, at);
    });
  }

  return { view, resolve };
}
export type ConflictService = ReturnType<typeof createConflictService>;
