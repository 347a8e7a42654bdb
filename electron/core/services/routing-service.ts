import { AppError } from '../../../shared/contract/errors';
import { RoutingSettingsSchema, type RoutePlanView, type RoutingSettings } from '../../../shared/contract/routing';
import { routeOrder, type RoutePlan, type RoutingLine } from '../../../shared/domain/routing';
import { isoNow, type Clock } from '../clock';
import type { Repos } from '../store';
import type { LandedOrder, OrdersService, StockTouch } from './orders-service';

const SETTINGS_KEY = 'routing';
/** the words a consent hold starts with, so agreeing releases that hold and no other */
export const CONSENT_HOLD = 'waiting for your consent to ship in parcels';

type Want = { variantId: number; locationId: number; sku: string; quantity: number };

/**
 * Sends each order to the location that should ship it, moving its reservation there in the landing
 * transaction; splits into parcels per location as the owner's rule allows.
 */
export function createRoutingService(repos: Repos, clock: Clock, actor: () => string, orders: OrdersService) {
  const { routing, inventory } = repos;

  function settings(): RoutingSettings {
    return RoutingSettingsSchema.parse(repos.settings.get(SETTINGS_KEY) ?? {});
  }

  function saveSettings(next: RoutingSettings): RoutingSettings {
    const known = routing.locations().map((l) => l.id);
    if (!next.order.every((id) => known.includes(id))) throw new AppError('invalid_request', 'The list names a location that no longer exists.', 'Reload Settings and order the locations again.');
    repos.settings.set(SETTINGS_KEY, next);
    return settings();
  }

  /** units each location can give this order: its available stock plus what the order already holds there */
  function stockFor(orderId: number) {
    const ref = `order:${orderId}`;
    const held = new Map<string, number>();
    for (const loc of routing.locationsHolding(ref)) {
      for (const h of inventory.heldByReference(ref, loc)) held.set(`${h.variantId}:${loc}`, Math.max(0, h.committed));
    }
    return (variantId: number, locationId: number) => {
      const b = inventory.balance(variantId, locationId);
      return Math.max(0, b.onHand - b.committed + (held.get(`${variantId}:${locationId}`) ?? 0));
    };
  }

  /** Only an order nobody has started on may move. */
  function movable(orderId: number): boolean {
    const s = repos.orders.status(orderId)?.status;
    return (s === 'open' || s === 'on_hold') && repos.pack.completedParcels(orderId) === 0 && !repos.pack.activeForOrder(orderId);
  }

  function planFor(orderId: number, lines: RoutingLine[]): RoutePlan {
    const s = settings();
    const order = repos.orders.record(orderId)!;
    const rank = (id: number) => { const i = s.order.indexOf(id); return i < 0 ? 1000 + id : i; };
    return routeOrder({
      lines, destination: order.shipTo, stock: stockFor(orderId), policy: { mode: s.split, maxShipments: s.maxShipments },
      pinnedLocationId: repos.rules.handling(orderId).shipFromLocationId,
      locations: routing.locations().map((l) => ({ id: l.id, name: l.name, rank: rank(l.id), countryCode: l.address.countryCode, postalCode: l.address.postalCode, region: l.address.region })),
    });
  }

  /** Makes the order's reservations match `want`: releases where it holds too much, reserves where too little. */
  function reconcile(orderId: number, want: Want[], who: string, at: string, touch: StockTouch, reason: string) {
    const ref = `order:${orderId}`;
    const wanted = new Map(want.map((w) => [`${w.variantId}:${w.locationId}`, w]));
    const held = new Map<string, Want>();
    for (const loc of routing.locationsHolding(ref)) {
      for (const h of inventory.heldByReference(ref, loc)) if (h.committed > 0) held.set(`${h.variantId}:${loc}`, { variantId: h.variantId, locationId: loc, sku: h.sku, quantity: h.committed });
    }
    for (const [key, h] of held) {
      const extra = h.quantity - (wanted.get(key)?.quantity ?? 0);
      if (extra > 0) { inventory.record({ ...h, kind: 'release', quantity: extra, reason, actor: who, reference: ref, at }); touch(h.variantId, h.locationId, h.sku); }
    }
    for (const [key, w] of wanted) {
      const lack = w.quantity - (held.get(key)?.quantity ?? 0);
      if (lack > 0) { inventory.record({ ...w, kind: 'reserve', quantity: lack, reason, actor: who, reference: ref, at }); touch(w.variantId, w.locationId, w.sku); }
    }
  }

  const placeAll = (lines: RoutingLine[], locationId: number): Want[] => lines.map((l) => ({ ...l, locationId }));
  const nameOf = (id: number) => routing.locations().find((l) => l.id === id)?.name ?? `location ${id}`;

  /** Routes one order (at landing, or when asked); writes the timeline only when the decision changed. */
  function route(orderId: number, who: string, at: string, touch: StockTouch): void {
    if (!settings().enabled || routing.locations().length < 2 || !movable(orderId)) return;
    const lines = routing.routableLines(orderId);
    if (!lines.length) return;
    const plan = planFor(orderId, lines);
    let primary: number;
    let words: string;
    if (plan.kind === 'split' && plan.consent === 'given') {
      primary = plan.shipments[0]!.locationId;
      reconcile(orderId, plan.shipments.flatMap((s) => placeAll(s.lines, s.locationId)), who, at, touch, 'shipped in parcels from several locations');
      routing.replaceShipments(orderId, plan.shipments, 'agreed', at);
      words = `Ships in ${plan.shipments.length} parcels: ${plan.why}.`;
    } else if (plan.kind === 'split') {
      // until the owner agrees, everything stays reserved where most of it is
      primary = plan.shipments[0]!.locationId;
      reconcile(orderId, placeAll(lines, primary), who, at, touch, `routed to ${nameOf(primary)}`);
      routing.replaceShipments(orderId, plan.shipments, 'proposed', at);
      words = `Could ship in ${plan.shipments.length} parcels: ${plan.why}. Held until you agree.`;
    } else {
      primary = plan.locationId;
      reconcile(orderId, placeAll(lines, primary), who, at, touch, `routed to ${nameOf(primary)}`);
      routing.replaceShipments(orderId, [], 'agreed', at);
      words = `Ships from ${nameOf(primary)}: ${plan.why}.`;
    }
    routing.setOrderLocation(orderId, primary, at);
    if (routing.lastRoutedWords(orderId) !== words) repos.orders.addEvent(orderId, 'routed', who, words, { plan }, at);
    if (plan.kind === 'split' && plan.consent === 'needed' && repos.orders.status(orderId)?.status === 'open') {
      orders.applyTransition(orderId, 'on_hold', `${CONSENT_HOLD} (${plan.shipments.length} parcels)`, who, at);
    }
  }

  function onLanded(landed: LandedOrder[], who: string, at: string, touch: StockTouch): void {
    if (!settings().enabled) return;
    for (const l of landed) route(l.orderId, who, at, touch);
  }

  function view(orderId: number): RoutePlanView {
    const order = repos.orders.record(orderId);
    if (!order) throw new AppError('not_found', `Order ${orderId} does not exist.`);
    const shipments = routing.shipments(orderId);
    const lines = routing.routableLines(orderId);
    const base = { shipments, missing: [], transfers: [], locationId: order.locationId, locationName: order.locationName };
    if (!settings().enabled) return { ...base, kind: 'none', why: 'Routing between locations is off (Settings → Routing).' };
    if (!lines.length) return { ...base, kind: 'none', why: 'No line of this order is in the catalog, so there is nothing to route.' };
    const plan = planFor(orderId, lines);
    if (plan.kind === 'split') return { ...base, kind: 'split', why: plan.why };
    const missing = plan.kind === 'partial' ? plan.missing : [];
    const transfers = plan.kind === 'partial' ? plan.transfers.map((t) => ({ ...t, fromLocationName: nameOf(t.fromLocationId) })) : [];
    return { ...base, kind: plan.kind, why: plan.why, missing, transfers, locationId: plan.locationId, locationName: nameOf(plan.locationId) };
  }

  function routeNow(orderId: number): RoutePlanView {
    if (!repos.orders.record(orderId)) throw new AppError('not_found', `Order ${orderId} does not exist.`);
    if (!settings().enabled) throw new AppError('conflict', 'Routing between locations is off.', 'Switch it on in Settings → Routing first.');
    if (!movable(orderId)) throw new AppError('conflict', 'This order is already being picked or packed, so it stays where it is.', 'Finish it there, or put it back (open) first.');
    repos.transaction(() => route(orderId, actor(), isoNow(clock), touchOutbox(isoNow(clock))));
    return view(orderId);
  }

  /** The owner agrees to ship in parcels: reservations move to each parcel's location; a consent hold is lifted. */
  function agreeSplit(orderId: number): RoutePlanView {
    repos.transaction(() => {
      const shipments = routing.shipments(orderId);
      if (!shipments.length || shipments.every((s) => s.status === 'agreed')) {
        throw new AppError('conflict', 'This order has no parcels waiting for your consent.', 'Route it again to see where it can ship from.');
      }
      if (!movable(orderId)) throw new AppError('conflict', 'This order is already being picked or packed.', 'Finish it where it is.');
      const at = isoNow(clock);
      const who = actor();
      reconcile(orderId, shipments.flatMap((s) => placeAll(s.lines, s.locationId)), who, at, touchOutbox(at), 'parcels agreed');
      routing.replaceShipments(orderId, shipments, 'agreed', at);
      routing.setOrderLocation(orderId, shipments[0]!.locationId, at);
      repos.orders.addEvent(orderId, 'routed', who, `Ships in ${shipments.length} parcels, as agreed: ${shipments.map((s) => `${s.locationName} (${s.lines.map((l) => `${l.quantity} × ${l.sku}`).join(', ')})`).join(' and ')}.`, {}, at);
      const hold = repos.orders.events(orderId).filter((e) => e.kind === 'status').at(-1);
      if (repos.orders.status(orderId)?.status === 'on_hold' && String(hold?.details.reason ?? '').startsWith(CONSENT_HOLD)) {
        orders.applyTransition(orderId, 'open', 'parcels agreed', who, at);
      }
    });
    return view(orderId);
  }

  /** Changed counts need no outbox row: each ledger movement marks its SKU dirty for every channel that takes counts (#7, inventory-repo). */
  function touchOutbox(_at: string): StockTouch {
    return () => { /* see above */ };
  }

  return { settings, saveSettings, route, onLanded, view, routeNow, agreeSplit, touchOutbox };
}
export type RoutingService = ReturnType<typeof createRoutingService>;
