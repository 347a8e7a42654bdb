import type { Address } from '../../../shared/domain/address';
import { STATUS_WORDS, type OrderStatus } from '../../../shared/domain/order-state';
import type { Repos } from '../store';
import type { OrderVersion } from '../store/sync-repo';
import type { IncomingOrder, RemoteVersion } from './orders-service';

/** One side of a conflict, as the banner shows it. */
export type ConflictSide = { status: string; shipTo: Address; lines: Array<{ sku: string; title: string; quantity: number }>; note: string };

type Touched = Map<string, { variantId: number; locationId: number; sku: string }>;
type Line = { sku: string; title: string; quantity: number; unitPriceMinor: number; variantId: number | null };

export type UpdateDeps = {
  repos: Repos;
  applyTransition(id: number, to: OrderStatus, reason: string, who: string, at: string, options?: { tellChannel?: boolean }): void;
  reconcileReservation(orderId: number, locationId: number, lines: Line[], who: string, at: string, touched: Touched, reason: string): void;
};

export type UpdateOutcome = 'duplicate' | 'unchanged' | 'updated' | 'held' | 'cancelled';

const SHIP_FIELDS = ['name', 'company', 'line1', 'line2', 'line3', 'city', 'region', 'postalCode', 'countryCode', 'phone'] as const;

/** How a channel order starts here; null when there is nothing for the bench to do (already shipped, cancelled). */
export function initialStatusFor(remote: RemoteVersion): { status: OrderStatus; reason: string } | null {
  switch (remote.state) {
    case 'ready': return { status: 'open', reason: '' };
    case 'awaiting_payment': return { status: 'on_hold', reason: `waiting for payment on ${remote.shop} (${remote.statusWords})` };
    case 'on_hold': return { status: 'on_hold', reason: `on hold on ${remote.shop}` };
    default: return null;
  }
}

export type RemoteSnapshot = ConflictSide & { state: string; updatedAt: string; externalLines: Array<{ sku: string; externalLineId: string }>; remoteLocationId: string | null };

export function remoteSnapshot(o: Pick<IncomingOrder, 'shipTo'> & { lines: Array<{ sku: string; title: string; quantity: number }> }, remote: RemoteVersion): RemoteSnapshot {
  return {
    status: `${remote.statusWords} on ${remote.shop}`, shipTo: o.shipTo, note: remote.note, state: remote.state, updatedAt: remote.updatedAt,
    externalLines: remote.externalLines ?? [], remoteLocationId: remote.remoteLocationId ?? null,
    lines: o.lines.map((l) => ({ sku: l.sku, title: l.title, quantity: l.quantity })),
  };
}

function sameAddress(a: Address, b: Address): boolean {
  return SHIP_FIELDS.every((f) => (a[f] ?? '').trim() === (b[f] ?? '').trim());
}

function quantities(lines: Array<{ sku: string; quantity: number }>): Map<string, number> {
  const m = new Map<string, number>();
  for (const l of lines) if (l.quantity > 0) m.set(l.sku, (m.get(l.sku) ?? 0) + l.quantity);
  return m;
}

function sameLines(a: Array<{ sku: string; quantity: number }>, b: Array<{ sku: string; quantity: number }>): boolean {
  const x = quantities(a);
  const y = quantities(b);
  return x.size === y.size && [...x].every(([sku, q]) => y.get(sku) === q);
}

const KIND_WORDS: Record<string, string> = {
  cancelled: 'it was cancelled there', fulfilled: 'it was marked shipped there', status: 'its status changed there',
  address: 'the ship-to address changed', lines: 'the items changed',
};
export const describeKinds = (kinds: string[]) => kinds.map((k) => KIND_WORDS[k] ?? k).join(', ');

/**
 * A newer version of an order we already have. Before the bench starts on it (open, on hold) the order simply
 * follows the channel; once picking or packed, a material change holds it in a conflict — before any label —
 * until a person compares ours and theirs. Nothing the channel caused is echoed back to it.
 */
export function applyRemoteVersion(deps: UpdateDeps, known: OrderVersion, o: IncomingOrder & { lines: Line[] }, remote: RemoteVersion,
  who: string, at: string, touched: Touched): UpdateOutcome {
  const { repos } = deps;
  if (known.remoteUpdatedAt > remote.updatedAt || (known.remoteUpdatedAt === remote.updatedAt && known.contentHash === remote.hash)) return 'duplicate';
  const id = known.orderId;
  const record = repos.orders.record(id)!;
  const cur = record.status;
  const oursLines = repos.orders.lines(id);
  const shop = remote.shop;
  const theirs = remoteSnapshot(o, remote);
  let heldByChannel = known.heldByChannel;
  const save = () => repos.sync.saveVersion({ ...known, remoteUpdatedAt: remote.updatedAt, contentHash: remote.hash, remote: theirs, heldByChannel }, at);

  const kinds: string[] = [];
  if (remote.state === 'cancelled' || remote.state === 'refunded') kinds.push('cancelled');
  else if (remote.state === 'fulfilled' && (cur === 'open' || cur === 'on_hold' || cur === 'picking')) kinds.push('fulfilled');
  else if ((remote.state === 'awaiting_payment' || remote.state === 'on_hold') && (cur === 'picking' || cur === 'packed')) kinds.push('status');
  if (!sameAddress(record.shipTo, o.shipTo)) kinds.push('address');
  if (!sameLines(oursLines, o.lines)) kinds.push('lines');

  const conflict = repos.sync.openConflict(id);
  if (conflict) {
    // it changed again while held: the banner shows the newest "theirs"
    repos.sync.updateConflict(conflict.id, [...new Set([...conflict.kinds, ...kinds])], theirs);
    if (kinds.length) repos.orders.addEvent(id, 'conflict', who, `Changed again on ${shop} while held: ${describeKinds(kinds)}.`, { kinds }, at);
    save();
    return 'held';
  }

  if ((cur === 'picking' || cur === 'packed') && kinds.length) {
    const ours: ConflictSide = { status: STATUS_WORDS[cur], shipTo: record.shipTo, note: '', lines: oursLines.map((l) => ({ sku: l.sku, title: l.title, quantity: l.quantity })) };
    repos.sync.insertConflict({ orderId: id, channelId: known.channelId, kinds, ours, theirs, heldFrom: cur, at });
    const reason = `changed on ${shop} after ${cur === 'picking' ? 'picking started' : 'it was packed'} (${describeKinds(kinds)}); compare the two versions before it ships`;
    if (cur === 'packed') {
      // packed → on hold is not a step a person may take; only a change upstream forces it, before any label is bought
      repos.orders.setStatus(id, 'on_hold', at);
      repos.orders.addEvent(id, 'status', who, `${STATUS_WORDS.packed} → ${STATUS_WORDS.on_hold}: ${reason}`, { from: cur, to: 'on_hold', reason }, at);
    } else {
      deps.applyTransition(id, 'on_hold', reason, who, at, { tellChannel: false });
    }
    repos.orders.addEvent(id, 'conflict', who, `Held: ${shop} changed this order after the bench started on it (${describeKinds(kinds)}).`, { kinds }, at);
    save();
    return 'held';
  }

  if (cur === 'shipped' || cur === 'cancelled') {
    if (kinds.length) repos.orders.addEvent(id, 'channel_change', who, `${shop} changed this order after it was ${STATUS_WORDS[cur].toLowerCase()} here (${describeKinds(kinds)}); nothing was changed here.`, { kinds }, at);
    save();
    return 'unchanged';
  }

  // open or on hold: the bench has not started, the order follows the channel
  if (kinds.includes('cancelled')) {
    deps.applyTransition(id, 'cancelled', `cancelled on ${shop}`, who, at, { tellChannel: false });
    // the shop puts a cancelled order's items back on its own count (Shopify restock, WooCommerce's
    // increase on cancel); a wrong guess is caught by the next compare-and-set
    for (const l of oursLines) if (l.sku && l.quantity > 0) repos.stockSync.shopMoved(known.channelId, l.sku, l.quantity);
    save();
    return 'cancelled';
  }
  let outcome: UpdateOutcome = 'unchanged';
  if (kinds.includes('fulfilled')) {
    const ours: ConflictSide = { status: STATUS_WORDS[cur], shipTo: record.shipTo, note: '', lines: oursLines.map((l) => ({ sku: l.sku, title: l.title, quantity: l.quantity })) };
    repos.sync.insertConflict({ orderId: id, channelId: known.channelId, kinds: ['fulfilled'], ours, theirs, heldFrom: cur === 'on_hold' ? 'on_hold' : 'open', at });
    if (cur === 'open') deps.applyTransition(id, 'on_hold', `marked shipped on ${shop} but not packed here; check before packing it`, who, at, { tellChannel: false });
    repos.orders.addEvent(id, 'conflict', who, `Held: ${shop} says this order already shipped, but it was not packed here.`, { kinds: ['fulfilled'] }, at);
    outcome = 'held';
  }
  if (kinds.includes('address') || record.customerName !== o.customerName || record.totalMinor !== o.totalMinor || record.number !== o.number) {
    repos.orders.updateFromChannel(id, o, at);
    if (kinds.includes('address')) {
      repos.orders.addEvent(id, 'address_changed', who, `Ship-to address changed on ${shop}: now ${[o.shipTo.name, o.shipTo.line1, o.shipTo.postalCode, o.shipTo.city, o.shipTo.countryCode].filter(Boolean).join(', ')}.`,
        { before: record.shipTo, after: o.shipTo }, at);
    }
    if (outcome === 'unchanged') outcome = 'updated';
  }
  if (kinds.includes('lines')) {
    repos.orders.replaceLines(id, o.lines);
    repos.orders.addEvent(id, 'lines_changed', who, `Items changed on ${shop}: now ${o.lines.map((l) => `${l.quantity} × ${l.sku || l.title}`).join(', ')}.`, {}, at);
    deps.reconcileReservation(id, record.locationId, o.lines, who, at, touched, `order changed on ${shop}`);
    if (outcome === 'unchanged') outcome = 'updated';
  }
  if (outcome !== 'held') {
    if ((remote.state === 'awaiting_payment' || remote.state === 'on_hold') && cur === 'open') {
      deps.applyTransition(id, 'on_hold', initialStatusFor(remote)!.reason, who, at, { tellChannel: false });
      heldByChannel = true;
      outcome = 'updated';
    } else if (remote.state === 'ready' && cur === 'on_hold' && heldByChannel) {
      deps.applyTransition(id, 'open', `ready to ship on ${shop} (${remote.statusWords})`, who, at, { tellChannel: false });
      heldByChannel = false;
      outcome = 'updated';
    }
  }
  save();
  return outcome;
}
