import { AppError } from '../../../shared/contract/errors';
import type { OrderDetail, OrderListOutput } from '../../../shared/contract/orders';
import { canTransition, nextStatuses, STATUS_WORDS, transitionRefusal, type OrderStatus } from '../../../shared/domain/order-state';
import { isoNow, type Clock } from '../clock';
import type { Repos } from '../store';
import { checkIncomingOrder, type IncomingOrder } from './incoming-order';
import { resolveItemCode } from './scan-codes';

export type { IncomingOrder } from './incoming-order';

/** rejected: orders that break the contract, in words; none of them was stored, the others were */
export type ImportResult = { imported: number[]; duplicates: number; rejected: Array<{ index: number; words: string }> };

export function createOrdersService(repos: Repos, clock: Clock, actor: () => string) {
  const { orders, inventory, catalog, outbox } = repos;

  /**
   * Lands orders: each is checked against the contract first (one that breaks it is refused in words and
   * the rest still land), then inserted with its lines, its stock reserved and its timeline started, and
   * every channel is told the new available counts, all in one transaction. A re-delivered order is skipped.
   */
  function importOrders(incoming: readonly IncomingOrder[], source: string): ImportResult {
    const rejected: ImportResult['rejected'] = [];
    const checked = incoming.flatMap((raw, index) => {
      const c = checkIncomingOrder(raw);
      if (c.ok) return [c.order];
      rejected.push({ index, words: c.words });
      return [];
    });
    return repos.transaction(() => {
      const at = isoNow(clock);
      const who = actor();
      const touched = new Map<string, { variantId: number; locationId: number; sku: string }>();
      const imported: number[] = [];
      let duplicates = 0;
      const variantIds = new Map<string, number | null>();
      const variantId = (sku: string) => {
        let id = variantIds.get(sku);
        if (id === undefined) { id = catalog.variantBySku(sku)?.id ?? null; variantIds.set(sku, id); }
        return id;
      };
      for (const o of checked) {
        const lines = o.lines.map((l) => ({ ...l, variantId: variantId(l.sku) }));
        const id = orders.insert({ ...o, status: o.status ?? 'open', lines });
        if (id === null) { duplicates++; continue; }
        imported.push(id);
        orders.addEvent(id, 'created', who, `Order ${o.number} received from ${source}`, { externalId: o.externalId }, at);
        const reserveQty = new Map<number, { qty: number; sku: string }>();
        for (const l of lines) {
          if (l.variantId === null) {
            orders.addEvent(id, 'unknown_sku', who, `SKU ${l.sku} is not in the catalog: nothing reserved for it`, { sku: l.sku }, at);
            continue;
          }
          const r = reserveQty.get(l.variantId) ?? { qty: 0, sku: l.sku };
          r.qty += l.quantity;
          reserveQty.set(l.variantId, r);
        }
        for (const [variantId, { qty, sku }] of reserveQty) {
          inventory.record({ variantId, locationId: o.locationId, kind: 'reserve', quantity: qty, reason: 'order received', actor: who, reference: `order:${id}`, at });
          touched.set(`${variantId}:${o.locationId}`, { variantId, locationId: o.locationId, sku });
        }
        if (reserveQty.size) {
          orders.addEvent(id, 'reserved', who, `Stock reserved: ${[...reserveQty.values()].map((r) => `${r.qty} × ${r.sku}`).join(', ')}`, {}, at);
        }
      }
      // one outbox row per changed SKU per batch, not per order: channels only need the latest count
      for (const t of touched.values()) {
        const b = inventory.balance(t.variantId, t.locationId);
        outbox.enqueueForAllChannels('inventory.available', { sku: t.sku, locationId: t.locationId, available: b.onHand - b.committed }, at);
      }
      return { imported, duplicates, rejected };
    });
  }

  function detail(id: number): OrderDetail {
    const r = orders.record(id);
    if (!r) throw new AppError('not_found', `Order ${id} does not exist.`, 'Search the queue for it by number or customer.');
    // packed is reached only at the bench, by scanning every item; the screens never offer it
    return { ...r, lines: orders.lines(id), events: orders.events(id), nextStatuses: nextStatuses(r.status).filter((s) => s !== 'packed') };
  }

  /**
   * Moves an order along its life cycle inside the caller's transaction; cancelling gives its reserved
   * stock back; every change tells the order's channel through the outbox.
   */
  function applyTransition(id: number, to: OrderStatus, reason: string, who: string, at: string): void {
    const current = orders.status(id);
    if (!current) throw new AppError('not_found', `Order ${id} does not exist.`);
    if (!canTransition(current.status, to)) throw new AppError('invalid_transition', transitionRefusal(current.status, to));
    if ((to === 'cancelled' || to === 'on_hold') && !reason) {
      throw new AppError('invalid_request', `Say why the order is ${to === 'cancelled' ? 'cancelled' : 'put on hold'}.`, undefined, { reason: 'A reason is required' });
    }
    orders.setStatus(id, to, at);
    orders.addEvent(id, 'status', who, `${STATUS_WORDS[current.status]} → ${STATUS_WORDS[to]}${reason ? `: ${reason}` : ''}`, { from: current.status, to, reason }, at);
    if (current.status === 'picking' && to !== 'packed') {
      // the bench must not keep counting into an order that left picking
      const session = repos.pack.activeForOrder(id);
      if (session) repos.pack.endSession(session.id, 'abandoned', at, `order became ${STATUS_WORDS[to].toLowerCase()}`);
    }
    if (to === 'cancelled') releaseReservations(id, current.location_id, who, at);
    const rec = orders.record(id)!;
    outbox.enqueue('order.status', rec.channelId, { orderId: id, externalId: rec.externalId, status: to }, at);
  }

  function transition(id: number, to: OrderStatus, reason: string): OrderDetail {
    if (to === 'packed') {
      throw new AppError('invalid_transition', 'An order becomes packed at the pack station, when every item has been scanned.',
        'Open it on the Pack screen (scan its packing slip) and scan the items.');
    }
    repos.transaction(() => applyTransition(id, to, reason, actor(), isoNow(clock)));
    return detail(id);
  }

  /**
   * Gives back exactly what this order still holds: its reserve movements minus what was picked or
   * released since, so other orders' reservations of the same SKU are never touched.
   */
  function releaseReservations(orderId: number, locationId: number, who: string, at: string) {
    const held = inventory.heldByReference(`order:${orderId}`, locationId);
    for (const h of held) {
      if (h.committed <= 0) continue;
      inventory.record({ variantId: h.variantId, locationId, kind: 'release', quantity: h.committed, reason: 'order cancelled', actor: who, reference: `order:${orderId}`, at });
      const after = inventory.balance(h.variantId, locationId);
      outbox.enqueueForAllChannels('inventory.available', { sku: h.sku, locationId, available: after.onHand - after.committed }, at);
    }
    const picked = held.filter((h) => h.picked > 0);
    if (picked.length) {
      orders.addEvent(orderId, 'packed_units', who, `Already packed before the cancel: ${picked.map((h) => `${h.picked} × ${h.sku}`).join(', ')}. If they come back to the shelf, record them with a stock count.`, {}, at);
    }
  }

  /** The query may be a number, a name, a SKU or any barcode form of a SKU. */
  /** A query that names a product (SKU, any barcode form, a GS1 string) searches by that SKU, as a scan would. */
  function skusFor(q: string): string[] {
    if (!q.trim()) return [];
    const item = resolveItemCode(repos, q, '');
    return item.kind === 'item' ? [item.variant.sku] : [];
  }

  function list(input: { q: string; status?: OrderStatus | undefined; channelId?: number | undefined; offset: number; limit: number }): OrderListOutput {
    return orders.search({ ...input, skus: skusFor(input.q) });
  }

  return { importOrders, detail, transition, applyTransition, list };
}
export type OrdersService = ReturnType<typeof createOrdersService>;
