import type { ApiClient } from '../../shared/rpc/client';
import type { Core } from '../../electron/core/create-core';
import { printedBarcode, scanAll } from './pack-helpers';

export type ShippedOrder = { orderId: number; number: string; skus: string[]; prices: number[] };

let seq = 0;

/**
 * An order of three different SKUs (one unit each) from the demo catalog, landed through importOrders,
 * packed at the bench by scanning and marked shipped: what a customer can send back.
 */
export async function shippedOrder(core: Core, client: ApiClient, opts: { channelKind?: string; shippingMinor?: number; taxMinor?: number; skus?: string[]; keepPacked?: boolean } = {}): Promise<ShippedOrder> {
  const ws = core.workspace();
  const repos = ws.repos;
  const channel = repos.catalog.channels().find((c) => c.kind === (opts.channelKind ?? 'demo-shopify'))!;
  const locationId = repos.catalog.defaultLocationId()!;
  const variants = opts.skus
    ? opts.skus.map((s) => repos.catalog.variantBySku(s)!)
    : (repos.db.$client.prepare(`SELECT v.id, v.sku, v.title FROM variants v JOIN inventory_balances b ON b.variant_id = v.id AND b.location_id = ?
        WHERE b.on_hand - b.committed >= 5 ORDER BY v.id LIMIT 3 OFFSET ?`).all(locationId, (seq++ * 3) % 24) as Array<{ id: number; sku: string; title: string }>);
  const prices = [1250, 2400, 899];
  const number = `#R${7000 + seq}${Math.floor(Math.random() * 1000)}`;
  const subtotal = prices.slice(0, variants.length).reduce((a, b) => a + b, 0);
  const shipping = opts.shippingMinor ?? 495;
  const tax = opts.taxMinor ?? 0;
  const shipTo = { name: 'Ada Lovelace', company: '', line1: '12 Return Road', line2: '', line3: '', city: 'Leeds', region: '', postalCode: 'LS2 7EW', countryCode: 'GB', phone: '', email: 'ada@example.com' };
  const { imported } = ws.orders.importOrders([{
    channelId: channel.id, externalId: `ret-${number}`, number, locationId, customerName: shipTo.name, shipTo, currency: 'GBP',
    subtotalMinor: subtotal, shippingMinor: shipping, taxMinor: tax, totalMinor: subtotal + shipping + tax, createdAt: new Date().toISOString(),
    lines: variants.map((v, i) => ({ sku: v.sku, title: v.title, quantity: 1, unitPriceMinor: prices[i]! })),
  }], 'a returns test');
  const orderId = imported[0]!;
  const view = await client.call('pack.open', { orderId });
  await scanAll(core, client, view.sessionId);
  await client.call('pack.complete', { sessionId: view.sessionId });
  // with carrier labels on, the bought label ships the order by itself
  if ((await client.call('orders.get', { id: orderId })).status === 'packed' && !opts.keepPacked) await client.call('orders.transition', { id: orderId, to: 'shipped' });
  return { orderId, number, skus: variants.map((v) => v.sku), prices: prices.slice(0, variants.length) };
}

export function itemCode(core: Core, sku: string): string {
  return printedBarcode(core, sku);
}

export function movementsFor(core: Core, reference: string) {
  return core.workspace().repos.db.$client.prepare(`SELECT m.kind, v.sku, l.name AS location, l.sellable, m.on_hand_delta AS onHand, m.reason
    FROM inventory_movements m JOIN variants v ON v.id = m.variant_id JOIN locations l ON l.id = m.location_id WHERE m.reference = ? ORDER BY m.id`)
    .all(reference) as Array<{ kind: string; sku: string; location: string; sellable: number; onHand: number; reason: string }>;
}

export function refundRows(core: Core) {
  return (core.workspace().repos.db.$client.prepare(`SELECT id, channel_id AS channelId, idempotency_key AS idempotencyKey, payload, status FROM outbox WHERE topic = 'order.refund' ORDER BY id`)
    .all() as Array<{ id: number; channelId: number; idempotencyKey: string; payload: string; status: string }>)
    .map((r) => ({ ...r, payload: JSON.parse(r.payload) as { orderId: number; amountMinor: number; currency: string; rma: string; lines: Array<{ sku: string; quantity: number; restock: boolean }> } }));
}

/** A return of the first two lines (one unit each) of a shipped order: received by its RMA, graded new and damaged, refunded. */
export async function returnTwoAndRefund(core: Core, client: ApiClient, orderId: number) {
  const lines = (await client.call('orders.get', { id: orderId })).lines;
  const [a, b] = lines;
  const created = await client.call('returns.create', {
    orderId, shipping: 'customer',
    lines: [{ orderLineId: a!.id, quantity: 1, reasonCode: 'wrong_size' }, { orderLineId: b!.id, quantity: 1, reasonCode: 'arrived_damaged' }],
  });
  const opened = await client.call('returns.open', { code: created.number });
  if (opened.kind !== 'return') throw new Error(`the RMA did not open its return: ${opened.kind}`);
  const id = opened.view.id;
  await client.call('returns.scan', { returnId: id, code: itemCode(core, a!.sku) });
  await client.call('returns.grade', { returnId: id, grade: 'new' });
  await client.call('returns.scan', { returnId: id, code: itemCode(core, b!.sku) });
  await client.call('returns.grade', { returnId: id, grade: 'damaged' });
  await client.call('returns.finish', { returnId: id });
  const refunded = await client.call('returns.refund', { returnId: id });
  return { returnId: id, rma: created.number, amountMinor: refunded.refund!.amountMinor, skus: [a!.sku, b!.sku], lineIds: [a!.id, b!.id] };
}
