import { AppError } from '../../../shared/contract/errors';
import type { OrderDetail, OrderListOutput } from '../../../shared/contract/orders';
import { canTransition, nextStatuses, STATUS_WORDS, transitionRefusal, type OrderStatus } from '../../../shared/domain/order-state';
import { isoNow, type Clock } from '../clock';
import type { Repos } from '../store';
import { checkIncomingOrder, type IncomingOrder as CheckableOrder } from './incoming-order';
import type { RemoteOrderState } from '../sync/channel-types';
import { applyRemoteVersion, initialStatusFor, remoteSnapshot } from './remote-order-updates';
import { resolveItemCode } from './scan-codes';

/**
 * The channel's version of an order. With it, landing an order is idempotent on (channel, external id,
 * updatedAt + content hash), and a newer version updates the order already here (or holds it in a conflict).
 */
export type RemoteVersion = {
  updatedAt: string;
  /** of the content as the channel sent it: an edit within the same second still counts as a change */
  hash: string;
  state: RemoteOrderState;
  /** the channel's own status words ("processing"), shown beside ours */
  statusWords: string;
  /** the channel's name, for the timeline ("Cancelled on Demo WooCommerce") */
  shop: string;
  note: string;
  /** the channel's line ids by SKU, so a fulfilment or refund can name them */
  externalLines?: Array<{ sku: string; externalLineId: string }>;
  remoteLocationId?: string | null;
};

/** An order as a channel, a CSV file or a form hands it over (checked at the store boundary, incoming-order.ts). */
export type IncomingOrder = CheckableOrder & {
  /** with status on_hold: why, in words, for the timeline */
  holdReason?: string;
  /** present for orders from a sales channel (sync); absent for CSV and manual orders */
  remote?: RemoteVersion;
};

/**
 * imported: new orders; duplicates: already here in this version (or older); rejected: orders that break the
 * contract, in words (none of them was stored, the others were); updated: changed here to follow the channel;
 * held: put on hold in a conflict; cancelled: cancelled because the channel cancelled them; skipped: channel
 * orders with nothing for the bench (already shipped or cancelled before they arrived).
 */
export type ImportResult = {
  imported: number[]; duplicates: number; rejected: Array<{ index: number; words: string }>;
  updated: number[]; held: number[]; cancelled: number[]; skipped: number;
};

/** An order that has just landed (or changed), handed to the landing hooks inside the landing transaction. */
export type LandedOrder = { orderId: number; incoming: IncomingOrder; change: 'new' | 'updated' };
export type StockTouch = (variantId: number, locationId: number, sku: string) => void;
/** Runs inside importOrders' transaction (rules, routing): a failure undoes the whole landing. */
export type LandingHook = (landed: LandedOrder[], who: string, at: string, touch: StockTouch) => void;

export function createOrdersService(repos: Repos, clock: Clock, actor: () => string) {
  const { orders, inventory, catalog, outbox } = repos;
  const landingHooks: LandingHook[] = [];

  /**
   * Lands orders: each is checked against the contract first (one that breaks it is refused in words and
   * the rest still land), then inserted with its lines, its stock reserved and its timeline started, and
   * every channel is told the new available counts, all in one transaction. A re-delivered order is skipped;
   * a newer version from its channel updates it, or holds it when the bench already started on it.
   */
  function importOrders(incoming: readonly IncomingOrder[], source: string): ImportResult {
    const rejected: ImportResult['rejected'] = [];
    const checked = incoming.flatMap((raw, index) => {
      const c = checkIncomingOrder(raw);
      // the check keeps the contract's fields; the channel's version rides along untouched
      if (c.ok) return [{ ...c.order, holdReason: raw.holdReason, remote: raw.remote }];
      rejected.push({ index, words: c.words });
      return [];
    });
    return repos.transaction(() => {
      const at = isoNow(clock);
      const who = actor();
      const touched: Touched = new Map();
      const result: ImportResult = { imported: [], duplicates: 0, rejected, updated: [], held: [], cancelled: [], skipped: 0 };
      const touch: StockTouch = (variantId, locationId, sku) => touched.set(`${variantId}:${locationId}`, { variantId, locationId, sku });
      const variantIds = new Map<string, number | null>();
      const variantId = (sku: string) => {
        let id = variantIds.get(sku);
        if (id === undefined) { id = catalog.variantBySku(sku)?.id ?? null; variantIds.set(sku, id); }
        return id;
      };
      for (const o of checked) {
        const lines = o.lines.map((l) => ({ ...l, variantId: variantId(l.sku) }));
        if (o.remote) {
          const known = repos.sync.version(o.channelId, o.externalId);
          if (known) {
            const outcome = applyRemoteVersion(updateDeps, known, { ...o, lines }, o.remote, who, at, touched);
            if (outcome === 'duplicate') result.duplicates++;
            else if (outcome !== 'unchanged') result[outcome].push(known.orderId);
            continue;
          }
        }
        const start = o.remote ? initialStatusFor(o.remote) : { status: o.status ?? 'open', reason: o.holdReason ?? '' };
        if (!start) { result.skipped++; continue; }
        const id = orders.insert({ ...o, status: start.status, lines });
        if (id === null) { result.duplicates++; continue; }
        result.imported.push(id);
        orders.addEvent(id, 'created', who, `Order ${o.number} received from ${source}`, { externalId: o.externalId }, at);
        if (start.status === 'on_hold') orders.addEvent(id, 'status', who, `On hold: ${start.reason || 'held when it arrived'}`, { to: 'on_hold', reason: start.reason }, at);
        if (o.remote) {
          repos.sync.saveVersion({ orderId: id, channelId: o.channelId, externalId: o.externalId, remoteUpdatedAt: o.remote.updatedAt, contentHash: o.remote.hash,
            remote: remoteSnapshot(o, o.remote), heldByChannel: start.status === 'on_hold' }, at);
        }
        reconcileReservation(id, o.locationId, lines, who, at, touched, 'order received', true);
        // the shop took the sale off its own count when the customer ordered
        if (o.remote) for (const l of lines) if (l.sku && l.quantity > 0) repos.stockSync.shopMoved(o.channelId, l.sku, -l.quantity);
        // each order is routed before the next one reserves: the first to arrive is served first
        for (const hook of landingHooks) hook([{ orderId: id, incoming: o, change: 'new' }], who, at, touch);
        // after routing: the shortage is judged where the order now reserves
        if (o.remote) noteShortage(id, orders.record(id)?.locationId ?? o.locationId, lines, who, at);
      }
      tellAvailable(touched, at);
      return result;
    });
  }

  type Touched = Map<string, { variantId: number; locationId: number; sku: string }>;

  /**
   * Makes what the order holds reserved match its lines: reserves what is missing, releases what is no
   * longer wanted (a channel edit), and leaves the rest alone. Lines with an unknown SKU reserve nothing.
   */
  function reconcileReservation(orderId: number, locationId: number, lines: Array<{ sku: string; quantity: number; variantId: number | null }>,
    who: string, at: string, touched: Touched, reason: string, fresh = false) {
    const want = new Map<number, { qty: number; sku: string }>();
    for (const l of lines) {
      if (l.variantId === null) {
        orders.addEvent(orderId, 'unknown_sku', who, `SKU ${l.sku || '(empty)'} is not in the catalog: nothing reserved for it`, { sku: l.sku }, at);
        continue;
      }
      const r = want.get(l.variantId) ?? { qty: 0, sku: l.sku };
      r.qty += l.quantity;
      want.set(l.variantId, r);
    }
    // a new order holds nothing yet: skip the read on the import hot path
    const held = new Map(fresh ? [] : inventory.heldByReference(`order:${orderId}`, locationId).map((h) => [h.variantId, h]));
    const reserved: string[] = [];
    const released: string[] = [];
    for (const variantId of new Set([...want.keys(), ...held.keys()])) {
      const w = want.get(variantId);
      const h = held.get(variantId);
      const diff = (w?.qty ?? 0) - Math.max(0, h?.committed ?? 0) - (h?.picked ?? 0);
      const sku = w?.sku ?? h!.sku;
      if (diff > 0) {
        inventory.record({ variantId, locationId, kind: 'reserve', quantity: diff, reason, actor: who, reference: `order:${orderId}`, at });
        reserved.push(`${diff} × ${sku}`);
      } else if (diff < 0 && (h?.committed ?? 0) > 0) {
        const give = Math.min(-diff, h!.committed);
        inventory.record({ variantId, locationId, kind: 'release', quantity: give, reason, actor: who, reference: `order:${orderId}`, at });
        released.push(`${give} × ${sku}`);
      } else continue;
      touched.set(`${variantId}:${locationId}`, { variantId, locationId, sku });
    }
    if (reserved.length) orders.addEvent(orderId, 'reserved', who, `Stock reserved: ${reserved.join(', ')}`, {}, at);
    if (released.length) orders.addEvent(orderId, 'released', who, `Stock released: ${released.join(', ')}`, {}, at);
  }

  /**
   * A channel order that took more than was left (#7 oversell): it keeps its reservation and lands, never
   * dropped, with a shortage a person resolves (back-order, cancel on the channel, adjust stock).
   */
  function noteShortage(orderId: number, locationId: number, lines: Array<{ sku: string; quantity: number; variantId: number | null }>, who: string, at: string) {
    const short: Array<{ sku: string; wanted: number; short: number }> = [];
    for (const l of lines) {
      if (l.variantId === null || short.some((s) => s.sku === l.sku)) continue;
      const b = inventory.balance(l.variantId, locationId);
      const wanted = lines.filter((x) => x.sku === l.sku).reduce((n, x) => n + x.quantity, 0);
      if (b.committed > b.onHand) short.push({ sku: l.sku, wanted, short: Math.min(wanted, b.committed - b.onHand) });
    }
    if (!short.length) return;
    repos.stockSync.addShortage(orderId, short, at);
    orders.addEvent(orderId, 'short', who, `Arrived short: ${short.map((s) => `${s.short} of ${s.wanted} × ${s.sku}`).join(', ')} not in stock (already sold elsewhere). Choose: back-order, cancel on the shop, or adjust stock.`, { lines: short }, at);
  }

  /**
   * Nothing to write any more: every ledger movement marks its SKU dirty for every channel that takes
   * counts (inventory-repo), in the same transaction, and the coalescing pusher sends the latest count (#7).
   * Kept so callers that collect the SKUs they touched need no change.
   */
  function tellAvailable(_touched: Touched, _at: string) { /* see above */ }

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
  function applyTransition(id: number, to: OrderStatus, reason: string, who: string, at: string, options: { tellChannel?: boolean } = {}): void {
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
    if (to === 'cancelled') {
      // a split order holds stock at each location it ships from
      for (const loc of new Set([current.location_id, ...repos.routing.locationsHolding(`order:${id}`)])) releaseReservations(id, loc, who, at);
    }
    // a change the channel itself caused (it cancelled, it holds for payment) is not echoed back to it
    if (options.tellChannel === false) return;
    const rec = orders.record(id)!;
    outbox.enqueue('order.status', rec.channelId, { orderId: id, externalId: rec.externalId, status: to, reason }, at);
  }

  function transition(id: number, to: OrderStatus, reason: string): OrderDetail {
    if (to === 'packed') {
      throw new AppError('invalid_transition', 'An order becomes packed at the pack station, when every item has been scanned.',
        'Open it on the Pack screen (scan its packing slip) and scan the items.');
    }
    const conflict = repos.sync.openConflict(id);
    if (conflict) {
      throw new AppError('conflict', `Order ${orders.record(id)?.number ?? id} changed on its sales channel while it was being packed, so it is held until someone compares the two versions.`,
        'Open the order and choose "Keep ours" or "Take theirs" on the yellow banner.');
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

  /** Rules and routing register here; they run in the landing transaction, after the orders are in. */
  function onLanding(hook: LandingHook): void {
    landingHooks.push(hook);
  }

  const updateDeps = { repos, applyTransition, reconcileReservation, variantBySku: (sku: string) => catalog.variantBySku(sku)?.id ?? null };

  return { importOrders, detail, transition, applyTransition, list, reconcileReservation, tellAvailable, onLanding, noteShortage };
}
export type OrdersService = ReturnType<typeof createOrdersService>;
