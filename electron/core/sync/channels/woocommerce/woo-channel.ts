import { ChannelError } from '../../channel-error';
import type {
  ChannelPush, FulfilmentPush, OrderStatusPush, PullOrdersPage, PullOrdersRequest, PushContext, PushLookup, PushReceipt, RefundPush,
} from '../../channel-types';
import type { ChannelConnection, ChannelDeps, ChannelFactory, SalesChannel } from '../../sales-channel';
import { createWooClient, expectArray, expectObject, metaValue } from './woo-client';
import { parseWooOrder } from './woo-orders';
import { createWooStock } from './woo-stock';

/** Meta keys Packbench writes on a WooCommerce order so lookupPush can tell a push happened. */
const fulfilmentMarker = (parcelNo: number) => `_packbench_fulfilment_${parcelNo}`;
const STATUS_MARKER = '_packbench_status_push';
const REFUND_MARKER = '_packbench_refund_key';
/** WooCommerce's own gateways that take money outside the shop (bank transfer, cheque, cash on delivery) */
const OFFLINE_GATEWAYS = ['bacs', 'cheque', 'cod'];
/** re-read this much before the last pass started: modified times are whole seconds and clocks drift */
const CURSOR_OVERLAP_MS = 5_000;
const FIRST_IMPORT_STATUSES = 'processing,on-hold,pending';
/** a bench hold becomes a private note, a cancel cancels; the rest is the bench's own progress */
const MIRRORED = ['cancelled', 'on_hold'] as const;

type Continuation = { page: number; total: number; passStart: string; restarts: number };

/** The customer-facing note for a parcel; the same push always writes the same words, so a retry can find it. */
export function trackingNote(push: FulfilmentPush): string {
  const t = push.tracking!;
  if (push.replacesTracking) {
    return `The tracking number of your order ${push.orderNumber}${push.final && push.parcelNo === 1 ? '' : ` (parcel ${push.parcelNo})`} has changed: it ships with ${t.company}, tracking number ${t.number} (instead of ${push.replacesTracking}).${t.url ? ` Track it here: ${t.url}` : ''}`;
  }
  return `Your order ${push.orderNumber}${push.final && push.parcelNo === 1 ? '' : ` (parcel ${push.parcelNo})`} has shipped with ${t.company}. Tracking number: ${t.number}.${t.url ? ` Track it here: ${t.url}` : ''}`;
}

export function createWooChannel(connection: ChannelConnection, deps: ChannelDeps): SalesChannel {
  const client = createWooClient(connection, deps);
  const { call, shop } = client;
  const stock = createWooStock(client);

  async function getOrder(externalOrderId: string, doing: string, signal?: AbortSignal) {
    return expectObject(await call({ method: 'GET', path: `/orders/${encodeURIComponent(externalOrderId)}`, doing, signal }), shop, doing);
  }

  async function pullOrders(req: PullOrdersRequest): Promise<PullOrdersPage> {
    const since = req.since ? (JSON.parse(req.since) as { modifiedAfter: string }) : null;
    const cont: Continuation | null = req.continuation ? (JSON.parse(req.continuation) as Continuation) : null;
    const page = cont?.page ?? 1;
    const reply = await call({
      method: 'GET', path: '/orders', doing: 'reading orders', signal: req.signal,
      query: {
        per_page: Math.min(100, Math.max(1, req.pageSize)), page, orderby: 'date', order: 'asc',
        ...(since ? { modified_after: since.modifiedAfter, dates_are_gmt: 'true' } : { status: FIRST_IMPORT_STATUSES }),
      },
    });
    const list = expectArray(reply, shop, 'the order list');
    const total = Number(reply.headers.get('x-wp-total') ?? list.length);
    const totalPages = Number(reply.headers.get('x-wp-totalpages') ?? 1);
    // the pass is timed by the shop's own clock: the cursor must not depend on ours
    const shopNow = Date.parse(reply.headers.get('date') ?? '');
    const passStart = cont?.passStart ?? new Date((Number.isFinite(shopNow) ? shopNow : deps.clock.now().getTime()) - CURSOR_OVERLAP_MS).toISOString();
    const orders: PullOrdersPage['orders'] = [];
    const rejected: PullOrdersPage['rejected'] = [];
    for (const raw of list) {
      const r = parseWooOrder(raw, shop);
      if ('order' in r) orders.push(r.order); else rejected.push(r.rejected);
    }
    // an order that left the list mid-pass shifts every later page by one: read the pass again from the top
    const shrank = cont !== null && total < cont.total && cont.restarts < 3;
    const more = shrank || (page < totalPages && list.length > 0);
    const next: Continuation | null = more
      ? { page: shrank ? 1 : page + 1, total: shrank ? total : (cont?.total ?? total), passStart, restarts: (cont?.restarts ?? 0) + (shrank ? 1 : 0) }
      : null;
    return {
      orders, rejected,
      continuation: next ? JSON.stringify(next) : null,
      nextCursor: JSON.stringify({ modifiedAfter: passStart.replace(/\.\d{3}Z$/, 'Z') }),
    };
  }

  async function pushFulfilment(push: FulfilmentPush, ctx: PushContext): Promise<PushReceipt> {
    const marker = fulfilmentMarker(push.parcelNo);
    const order = await getOrder(push.externalOrderId, `reading order ${push.orderNumber}`, ctx.signal);
    if (metaValue(order, marker) === ctx.idempotencyKey) {
      return { outcome: 'already_applied', remoteRef: null, words: `${shop} already had parcel ${push.parcelNo} of order ${push.orderNumber}; nothing was sent twice.` };
    }
    const status = String(order.status ?? '');
    if (['cancelled', 'refunded', 'failed', 'trash'].includes(status)) {
      throw new ChannelError('permanent', `Order ${push.orderNumber} is ${status} on ${shop}, so it was not marked shipped there. Check the order in WooCommerce.`, { detail: `status ${status}` });
    }
    let noteRef: string | null = null;
    if (push.tracking) {
      const note = trackingNote(push);
      // from the second attempt on, part of this push may have reached the shop: do not write the note twice
      const existing = ctx.attempt > 1
        ? expectArray(await call({ method: 'GET', path: `/orders/${push.externalOrderId}/notes`, doing: `reading the notes of order ${push.orderNumber}`, signal: ctx.signal }), shop, 'the notes')
          .find((n) => (n as { note?: unknown }).note === note) as { id?: unknown } | undefined
        : undefined;
      if (existing) noteRef = String(existing.id ?? '');
      else {
        const created = await call({
          method: 'POST', path: `/orders/${push.externalOrderId}/notes`, doing: `telling the customer the tracking of order ${push.orderNumber}`, signal: ctx.signal,
          body: { note, customer_note: push.notifyCustomer },
        });
        noteRef = String((created.body as { id?: unknown } | null)?.id ?? '');
      }
    }
    // the marker goes in the same request as the status, so "marker found" means the push is complete
    await call({
      method: 'PUT', path: `/orders/${push.externalOrderId}`, doing: `marking order ${push.orderNumber} shipped`, signal: ctx.signal,
      body: { ...(push.final ? { status: 'completed' } : {}), meta_data: [{ key: marker, value: ctx.idempotencyKey }] },
    });
    const tracking = push.tracking ? `, tracking ${push.tracking.company} ${push.tracking.number}${push.notifyCustomer ? ' sent to the customer' : ''}` : ', no tracking';
    return {
      outcome: 'applied', remoteRef: noteRef,
      words: push.final ? `${shop}: order ${push.orderNumber} completed${tracking}.` : `${shop}: parcel ${push.parcelNo} of order ${push.orderNumber} recorded${tracking}.`,
    };
  }

  async function pushOrderStatus(push: OrderStatusPush, ctx: PushContext): Promise<PushReceipt> {
    const mirrors = (MIRRORED as readonly string[]).includes(push.status ?? '');
    if (!mirrors && !push.note) {
      return { outcome: 'not_applicable', remoteRef: null, words: `${shop} is not told about "${push.status}"; it hears when the order ships.` };
    }
    const order = await getOrder(push.externalOrderId, `reading order ${push.orderNumber}`, ctx.signal);
    if (metaValue(order, STATUS_MARKER) === ctx.idempotencyKey) {
      return { outcome: 'already_applied', remoteRef: null, words: `${shop} already had this change to order ${push.orderNumber}.` };
    }
    const status = String(order.status ?? '');
    if (push.status === 'cancelled' && (status === 'completed' || status === 'refunded')) {
      throw new ChannelError('permanent', `Order ${push.orderNumber} is already ${status} on ${shop}, so it was not cancelled there. Refund it in WooCommerce if the customer is owed money.`);
    }
    // WooCommerce has no merchant hold (its on-hold means "awaiting payment"): a bench hold is a private note
    const noteText = push.note?.text
      ?? (push.status === 'on_hold' ? `On hold at the packing bench${push.reason ? `: ${push.reason}` : ''}.`
        : `Cancelled at the packing bench${push.reason ? `: ${push.reason}` : ''}.`);
    const visible = push.note?.visibleToCustomer ?? false;
    const already = ctx.attempt > 1 && expectArray(await call({ method: 'GET', path: `/orders/${push.externalOrderId}/notes`, doing: `reading the notes of order ${push.orderNumber}`, signal: ctx.signal }), shop, 'the notes')
      .some((n) => (n as { note?: unknown }).note === noteText);
    if (!already) {
      await call({ method: 'POST', path: `/orders/${push.externalOrderId}/notes`, doing: `adding a note to order ${push.orderNumber}`, signal: ctx.signal, body: { note: noteText, customer_note: visible } });
    }
    await call({
      method: 'PUT', path: `/orders/${push.externalOrderId}`, doing: `updating order ${push.orderNumber}`, signal: ctx.signal,
      body: { ...(push.status === 'cancelled' && status !== 'cancelled' ? { status: 'cancelled' } : {}), meta_data: [{ key: STATUS_MARKER, value: ctx.idempotencyKey }] },
    });
    return { outcome: 'applied', remoteRef: null, words: push.status === 'cancelled' ? `${shop}: order ${push.orderNumber} cancelled.` : `${shop}: note added to order ${push.orderNumber}.` };
  }

  async function findRefund(push: RefundPush, key: string, signal?: AbortSignal) {
    const list = expectArray(await call({ method: 'GET', path: `/orders/${push.externalOrderId}/refunds`, doing: `reading the refunds of order ${push.orderNumber}`, signal }), shop, 'the refunds');
    return list.find((r) => metaValue(r, REFUND_MARKER) === key) as { id?: unknown } | undefined;
  }

  async function pushRefund(push: RefundPush, ctx: PushContext): Promise<PushReceipt> {
    // refunds are money: always look before sending, even on the first attempt
    const existing = await findRefund(push, ctx.idempotencyKey, ctx.signal);
    if (existing) return { outcome: 'already_applied', remoteRef: String(existing.id ?? ''), words: `${shop} already had this refund of order ${push.orderNumber}.` };
    const order = await getOrder(push.externalOrderId, `reading order ${push.orderNumber}`, ctx.signal);
    const lines = (order.line_items as Array<{ id: number; sku?: string }> | undefined) ?? [];
    const digits = ['JPY', 'KRW', 'VND', 'CLP', 'ISK', 'HUF'].includes(push.currency.toUpperCase()) ? 0 : 2;
    // bank transfer, cheque, cash on delivery: WooCommerce cannot pay these back by itself and refuses an
    // automatic refund; the refund is recorded on the order and the shop pays the money back by hand
    const method = typeof order.payment_method === 'string' ? order.payment_method : '';
    const byHand = method === '' || OFFLINE_GATEWAYS.includes(method);
    const amount = (push.amountMinor / 10 ** digits).toFixed(digits);
    const created = await call({
      method: 'POST', path: `/orders/${push.externalOrderId}/refunds`, doing: `refunding order ${push.orderNumber}`, signal: ctx.signal,
      body: {
        amount, reason: push.reason, api_refund: !byHand,
        api_restock: push.lines.some((l) => l.restock),
        line_items: push.lines.map((l) => ({ id: Number(l.externalLineId ?? lines.find((x) => x.sku === l.sku)?.id ?? 0), quantity: l.quantity, refund_total: 0 })).filter((l) => l.id > 0),
        meta_data: [{ key: REFUND_MARKER, value: ctx.idempotencyKey }],
      },
    }).catch((e: unknown) => {
      if (e instanceof ChannelError && e.kind === 'permanent') {
        throw new ChannelError('permanent', `${e.words} Nothing was refunded there. See what is left to refund on order ${push.orderNumber} in WooCommerce, then press Retry or refund it there by hand.`, { detail: e.detail, status: e.status });
      }
      throw e;
    });
    const how = byHand ? ` ${amount} ${push.currency} recorded; ${method ? `"${String(order.payment_method_title || method)}"` : 'this order\'s payment'} is not paid back by WooCommerce: pay the customer by hand.` : '';
    return { outcome: 'applied', remoteRef: String((created.body as { id?: unknown } | null)?.id ?? ''), words: `${shop}: order ${push.orderNumber} refunded.${how}` };
  }

  async function lookupPush(op: ChannelPush, ctx: PushContext): Promise<PushLookup> {
    switch (op.kind) {
      case 'fulfilment': {
        const order = await getOrder(op.push.externalOrderId, `checking order ${op.push.orderNumber}`, ctx.signal);
        return metaValue(order, fulfilmentMarker(op.push.parcelNo)) === ctx.idempotencyKey
          ? { found: true, remoteRef: null, words: `${shop} already shows parcel ${op.push.parcelNo} of order ${op.push.orderNumber} as sent.` }
          : { found: false };
      }
      case 'status': {
        const order = await getOrder(op.push.externalOrderId, `checking order ${op.push.orderNumber}`, ctx.signal);
        return metaValue(order, STATUS_MARKER) === ctx.idempotencyKey ? { found: true, remoteRef: null, words: `${shop} already has this change to order ${op.push.orderNumber}.` } : { found: false };
      }
      case 'refund': {
        const r = await findRefund(op.push, ctx.idempotencyKey, ctx.signal);
        return r ? { found: true, remoteRef: String(r.id ?? ''), words: `${shop} already has this refund.` } : { found: false };
      }
      case 'available':
        // setting a count is the same however often it is done
        return { found: false };
    }
  }

  return {
    kind: 'woocommerce',
    mirroredStatuses: MIRRORED,
    async testConnection(signal) {
      const site = await call({ method: 'GET', path: '/', doing: 'connecting', signal }, '/wp-json');
      const name = typeof (site.body as { name?: unknown } | null)?.name === 'string' ? (site.body as { name: string }).name : shop;
      await call({ method: 'GET', path: '/orders', query: { per_page: 1 }, doing: 'reading orders', signal });
      return { shopName: name, words: `Connected to ${name}: orders can be read. Make sure the key has Read/Write permission so shipments can be sent back.` };
    },
    pullOrders,
    pullCatalog: stock.pullCatalog,
    pushFulfilment,
    pushOrderStatus,
    pushAvailable: stock.pushAvailable,
    readQuantities: stock.readQuantities,
    pushRefund,
    lookupPush,
  };
}

export const wooCommerceFactory: ChannelFactory = {
  kind: 'woocommerce',
  label: 'WooCommerce',
  urlHint: 'https://shop.example.com (the address of the WordPress site)',
  credentialFields: [
    { name: 'consumerKey', label: 'Consumer key', hint: 'WooCommerce → Settings → Advanced → REST API → Add key (Read/Write); starts with ck_' },
    { name: 'consumerSecret', label: 'Consumer secret', hint: 'shown once, next to the key; starts with cs_' },
  ],
  create: createWooChannel,
};
