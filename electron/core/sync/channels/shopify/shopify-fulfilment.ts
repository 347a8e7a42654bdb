// A parcel to Shopify: fulfillment orders → fulfillmentCreate with tracking and notifyCustomer.
// fulfillmentCreate takes no idempotency key in 2026-10, so "exactly once" is kept another way: the
// same request first writes a marker on the order (packbench.fulfilment_<parcel>: the outbox key and
// how many fulfillments the order had before), then creates the fulfillment. Before sending again, a
// retry reads the marker and the fulfillments made after it: a match means the parcel is already there.
// A label voided and bought again after Shopify had the first: that fulfillment's tracking is updated
// instead (fulfillmentTrackingInfoUpdate), and the customer gets Shopify's shipping-update e-mail.

import { ChannelError } from '../../channel-error';
import type { FulfilmentPush, PushContext, PushLookup, PushReceipt } from '../../channel-types';
import { FULFILMENT_CREATE, FULFILMENT_TARGET, FULFILMENT_TRACKING_UPDATE, ORDER_FULFILMENTS } from './documents';
import type { ShopifyTransport } from './shopify-transport';

const markerKey = (parcelNo: number) => `fulfilment_${parcelNo}`;
type Marker = { key: string; before: number };

function readMarker(value: unknown): Marker | null {
  if (typeof value !== 'string') return null;
  try {
    const m = JSON.parse(value) as Partial<Marker>;
    return typeof m.key === 'string' && typeof m.before === 'number' ? { key: m.key, before: m.before } : null;
  } catch {
    return null;
  }
}

export function createShopifyFulfilment(t: ShopifyTransport) {
  const { shop } = t;

  const readFulfilments = (push: FulfilmentPush, ctx: PushContext) => t.request(ORDER_FULFILMENTS,
    t.sized(ORDER_FULFILMENTS, { id: push.externalOrderId, fulfillments: 10, lines: 30, markerKey: markerKey(push.parcelNo) }, ['fulfillments', 'lines']),
    { write: false, doing: `checking parcel ${push.parcelNo} of order ${push.orderNumber}`, signal: ctx.signal });
  const carrying = (fulfilments: Array<{ id: string; status: string; trackingInfo: Array<{ number?: string | null }> }>, number: string) =>
    fulfilments.find((f) => f.status === 'SUCCESS' && f.trackingInfo.some((ti) => ti.number === number));

  /** Is this parcel already on Shopify? Reads only. */
  async function findParcel(push: FulfilmentPush, ctx: PushContext): Promise<PushLookup> {
    const reply = await readFulfilments(push, ctx);
    const order = reply.data.order;
    // a replacement carries no marker: the new number on any fulfillment of the order is the proof
    if (push.replacesTracking && push.tracking) {
      const there = carrying(order?.fulfillments ?? [], push.tracking.number);
      return there ? { found: true, remoteRef: there.id, words: `${shop} already shows tracking ${push.tracking.number} on order ${push.orderNumber}.` } : { found: false };
    }
    const marker = readMarker(order?.marker?.value);
    if (!order || !marker || marker.key !== ctx.idempotencyKey) return { found: false };
    const made = (order.fulfillments ?? []).slice(marker.before).filter((f) => f.status === 'SUCCESS');
    const wanted = new Map(push.lines.filter((l) => l.externalLineId).map((l) => [l.externalLineId!, l.quantity]));
    const total = push.lines.reduce((n, l) => n + l.quantity, 0);
    const match = made.find((f) => {
      if (push.tracking) return f.trackingInfo.some((ti) => ti.number === push.tracking!.number);
      const got = new Map<string, number>();
      for (const n of f.fulfillmentLineItems.nodes) got.set(n.lineItem.id, (got.get(n.lineItem.id) ?? 0) + (n.quantity ?? 0));
      const sum = [...got.values()].reduce((a, b) => a + b, 0);
      return sum === total && [...wanted].every(([id, q]) => got.get(id) === q);
    });
    return match
      ? { found: true, remoteRef: match.id, words: `${shop} already shows parcel ${push.parcelNo} of order ${push.orderNumber} as fulfilled.` }
      : { found: false };
  }

  /** The new tracking onto the fulfillment that has the voided one; null when Shopify has no such fulfillment. */
  async function replaceTracking(push: FulfilmentPush & { tracking: NonNullable<FulfilmentPush['tracking']>; replacesTracking: string }, ctx: PushContext): Promise<PushReceipt | null> {
    const parcel = `parcel ${push.parcelNo} of order ${push.orderNumber}`;
    const fulfilments = (await readFulfilments(push, ctx)).data.order?.fulfillments ?? [];
    const done = carrying(fulfilments, push.tracking.number);
    if (done) return { outcome: 'already_applied', remoteRef: done.id, words: `${shop} already had the new tracking ${push.tracking.number} for ${parcel}.` };
    const old = carrying(fulfilments, push.replacesTracking);
    if (!old) return null;
    const reply = await t.request(FULFILMENT_TRACKING_UPDATE, {
      fulfillmentId: old.id, notifyCustomer: push.notifyCustomer,
      tracking: { company: push.tracking.company, number: push.tracking.number, ...(push.tracking.url ? { url: push.tracking.url } : {}) },
    }, { write: true, doing: `changing the tracking of ${parcel}`, signal: ctx.signal });
    const updated = reply.data.fulfillmentTrackingInfoUpdate;
    if (!updated?.fulfillment) {
      const why = updated?.userErrors.map((e) => e.message).join(' ') || 'no reason given';
      throw new ChannelError('permanent', `${shop} refused the new tracking of ${parcel}: ${why} Enter ${push.tracking.number} on the order in Shopify.`, { detail: `fulfillmentTrackingInfoUpdate userErrors: ${JSON.stringify(updated?.userErrors ?? null)}` });
    }
    const told = push.notifyCustomer ? '; Shopify e-mails the customer the new number' : '';
    return { outcome: 'applied', remoteRef: updated.fulfillment.id, words: `${shop}: ${parcel} now has tracking ${push.tracking.company} ${push.tracking.number} instead of ${push.replacesTracking}${told}.` };
  }

  async function pushFulfilment(push: FulfilmentPush, ctx: PushContext): Promise<PushReceipt> {
    const parcel = `parcel ${push.parcelNo} of order ${push.orderNumber}`;
    if (push.replacesTracking && push.tracking) {
      const replaced = await replaceTracking({ ...push, tracking: push.tracking, replacesTracking: push.replacesTracking }, ctx);
      // Shopify does not have the voided number (someone removed it there): the parcel is sent as new
      if (replaced) return replaced;
    }
    const target = await t.request(FULFILMENT_TARGET, t.sized(FULFILMENT_TARGET, { id: push.externalOrderId, fulfillmentOrders: 5, lines: 30, markerKey: markerKey(push.parcelNo) }, ['lines', 'fulfillmentOrders']),
      { write: false, doing: `reading order ${push.orderNumber}`, signal: ctx.signal });
    const order = target.data.order;
    if (!order) throw new ChannelError('permanent', `Order ${push.orderNumber} no longer exists on ${shop}, so ${parcel} could not be recorded there.`, { detail: `order ${push.externalOrderId} not found` });
    // from the second attempt on (or when a marker is there), part of this push may have arrived
    if (ctx.attempt > 1 || readMarker(order.marker?.value)?.key === ctx.idempotencyKey) {
      const found = await findParcel(push, ctx);
      if (found.found) return { outcome: 'already_applied', remoteRef: found.remoteRef, words: `${shop} already had ${parcel}; nothing was sent twice.` };
    }
    if (order.cancelledAt) {
      throw new ChannelError('permanent', `Order ${push.orderNumber} is cancelled on ${shop}, so ${parcel} was not marked shipped there. Check the order in Shopify.`, { detail: `cancelledAt ${String(order.cancelledAt)}` });
    }
    const open = order.fulfillmentOrders.nodes.filter((fo) => fo.status === 'OPEN' || fo.status === 'IN_PROGRESS');
    const preferred = push.remoteLocationId ? open.filter((fo) => fo.assignedLocation.location?.id === push.remoteLocationId) : [];
    const candidates = [...preferred, ...open.filter((fo) => !preferred.includes(fo))];
    const take = new Map<string, Map<string, number>>(); // fulfillment order -> its line -> quantity
    let location: string | null | undefined;
    for (const line of push.lines) {
      let need = line.quantity;
      for (const fo of candidates) {
        if (need === 0) break;
        const foLocation = fo.assignedLocation.location?.id ?? null;
        if (location !== undefined && foLocation !== location) continue;
        for (const item of fo.lineItems.nodes) {
          const same = line.externalLineId ? item.lineItem.id === line.externalLineId : (item.lineItem.sku ?? '') === line.sku;
          const already = take.get(fo.id)?.get(item.id) ?? 0;
          const free = item.remainingQuantity - already;
          if (!same || free <= 0 || need === 0) continue;
          const q = Math.min(free, need);
          const lines = take.get(fo.id) ?? new Map<string, number>();
          lines.set(item.id, already + q);
          take.set(fo.id, lines);
          location = foLocation;
          need -= q;
        }
      }
      if (need > 0) {
        throw new ChannelError('permanent', `${shop} has fewer than ${line.quantity} × ${line.sku} left to ship on order ${push.orderNumber} (${order.displayFulfillmentStatus.toLowerCase().replace(/_/g, ' ')}), so ${parcel} was not recorded. It may have been fulfilled in Shopify already, or from another location; check the order there.`,
          { detail: `sku ${line.sku} short by ${need}` });
      }
    }
    const marker = { key: ctx.idempotencyKey, before: order.fulfillmentsCount?.count ?? 0 } satisfies Marker;
    const reply = await t.request(FULFILMENT_CREATE, {
      marker: [{ ownerId: order.id, namespace: 'packbench', key: markerKey(push.parcelNo), type: 'json', value: JSON.stringify(marker) }],
      fulfillment: {
        notifyCustomer: push.notifyCustomer,
        lineItemsByFulfillmentOrder: [...take].map(([fulfillmentOrderId, lines]) => ({ fulfillmentOrderId, fulfillmentOrderLineItems: [...lines].map(([id, quantity]) => ({ id, quantity })) })),
        ...(push.tracking ? { trackingInfo: { company: push.tracking.company, number: push.tracking.number, ...(push.tracking.url ? { url: push.tracking.url } : {}) } } : {}),
      },
    }, { write: true, doing: `sending ${parcel}`, signal: ctx.signal });
    const created = reply.data.fulfillmentCreate;
    if (!created?.fulfillment) {
      const why = created?.userErrors.map((e) => e.message).join(' ') || 'no reason given';
      throw new ChannelError('permanent', `${shop} refused ${parcel}: ${why}`, { detail: `fulfillmentCreate userErrors: ${JSON.stringify(created?.userErrors ?? null)}` });
    }
    const tracking = push.tracking ? `, tracking ${push.tracking.company} ${push.tracking.number}` : ', no tracking';
    const told = push.notifyCustomer ? '; Shopify e-mails the customer' : '';
    return { outcome: 'applied', remoteRef: created.fulfillment.id, words: `${shop}: ${parcel} fulfilled${tracking}${told}.` };
  }

  return { pushFulfilment, findParcel };
}
