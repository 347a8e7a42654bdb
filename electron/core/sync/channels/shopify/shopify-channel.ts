// Shopify as a SalesChannel: the factory checks the settings, the parts do the work (pull, fulfilment,
// inventory); order notes and refunds live here. Connect with an Admin API access token from a custom
// app; the store address is https://{store}.myshopify.com, or a loopback emulator for tests and the demo.

import { createHash } from 'node:crypto';
import { ChannelError } from '../../channel-error';
import type { ChannelPush, OrderStatusPush, PushContext, PushLookup, PushReceipt, RefundPush } from '../../channel-types';
import type { ChannelConnection, ChannelDeps, ChannelFactory, SalesChannel } from '../../sales-channel';
import { checkShopUrl, isLoopbackHost } from '../http-json';
import { ORDER_NOTE, ORDER_NOTE_UPDATE, ORDER_REFUNDS, REFUND_CREATE, SHOP_CHECK } from './documents';
import { gateFor } from './rate-gate';
import { createShopifyFulfilment } from './shopify-fulfilment';
import { createShopifyInventory, requestKey } from './shopify-inventory';
import { createShopifyPull } from './shopify-pull';
import { createShopifyTransport, type ShopifyTransport } from './shopify-transport';

/** What sync needs the custom app to be allowed to do (Shopify's access scope handles). */
export const REQUIRED_SCOPES = ['read_orders', 'write_merchant_managed_fulfillment_orders', 'read_products', 'read_inventory', 'write_inventory'];
const STATUS_MARKER = 'status_push';
const refundTag = (key: string) => `[packbench ${key}]`;

type PaidOrder = { id: string; transactions: Array<{ id: string; kind: string; status: string; gateway?: string | null; manualPaymentGateway: boolean }> };

/**
 * The money goes back the way it came: against the order's successful sale or capture (its gateway pays the
 * customer back). An order paid outside Shopify (a manual method such as cash on delivery) has none to go
 * back through: the refund is recorded with the manual gateway and the shop pays it back by hand.
 */
function refundTransaction(order: PaidOrder, push: RefundPush, digits: number) {
  const amount = (push.amountMinor / 10 ** digits).toFixed(digits);
  const paid = order.transactions.find((t) => (t.kind === 'SALE' || t.kind === 'CAPTURE') && t.status === 'SUCCESS' && !t.manualPaymentGateway && t.gateway);
  return paid
    ? { orderId: order.id, amount, kind: 'REFUND' as const, gateway: paid.gateway!, parentId: paid.id }
    : { orderId: order.id, amount, kind: 'REFUND' as const, gateway: 'manual' };
}

function noteText(push: OrderStatusPush): string | null {
  if (push.note) return push.note.text;
  if (push.status === 'on_hold') return `On hold at the packing bench${push.reason ? `: ${push.reason}` : ''}.`;
  if (push.status === 'cancelled') return `Cancelled at the packing bench${push.reason ? `: ${push.reason}` : ''}. Cancel and refund it in Shopify if the customer should not be charged.`;
  return null;
}

export function createShopifyChannel(connection: ChannelConnection, deps: ChannelDeps): SalesChannel {
  const url = checkShopUrl(connection.baseUrl, 'Shopify');
  const accessToken = connection.credentials.accessToken?.trim() ?? '';
  if (!accessToken) throw new ChannelError('permanent', 'Enter the Shopify Admin API access token (it starts with shpat_) in Settings → Channels.');
  const emulator = url.protocol === 'http:' && isLoopbackHost(url.hostname);
  const storeDomain = emulator ? String(connection.options.shopDomain ?? 'emulator.myshopify.com') : url.host;
  const shop = `Shopify store ${connection.name || storeDomain}`;
  const gateKey = `${storeDomain}|${emulator ? url.origin : ''}|${createHash('sha256').update(accessToken).digest('hex').slice(0, 12)}`;
  const t: ShopifyTransport = createShopifyTransport({
    storeDomain, routeTo: emulator ? url : null, accessToken, shop,
    requestTimeoutMs: deps.requestTimeoutMs ?? 20_000, fetch: deps.fetch ?? fetch,
  }, gateFor(gateKey));
  const pull = createShopifyPull(t, deps.clock);
  const fulfilment = createShopifyFulfilment(t);
  const inventory = createShopifyInventory(t);

  async function readNote(push: OrderStatusPush, ctx: PushContext) {
    const reply = await t.request(ORDER_NOTE, { id: push.externalOrderId, markerKey: STATUS_MARKER }, { write: false, doing: `reading order ${push.orderNumber}`, signal: ctx.signal });
    return reply.data.order;
  }

  async function pushOrderStatus(push: OrderStatusPush, ctx: PushContext): Promise<PushReceipt> {
    const text = noteText(push);
    if (text === null) return { outcome: 'not_applicable', remoteRef: null, words: `${shop} is not told about "${push.status}"; it hears when the order ships.` };
    const order = await readNote(push, ctx);
    if (!order) throw new ChannelError('permanent', `Order ${push.orderNumber} no longer exists on ${shop}; the note was not added.`, { detail: push.externalOrderId });
    if (order.marker?.value === ctx.idempotencyKey) return { outcome: 'already_applied', remoteRef: order.id, words: `${shop} already had this note on order ${push.orderNumber}.` };
    const note = order.note ? `${order.note}\n${text}` : text;
    const reply = await t.request(ORDER_NOTE_UPDATE, {
      input: { id: order.id, note },
      marker: [{ ownerId: order.id, namespace: 'packbench', key: STATUS_MARKER, type: 'single_line_text_field', value: ctx.idempotencyKey }],
    }, { write: true, doing: `adding a note to order ${push.orderNumber}`, signal: ctx.signal });
    const errors = reply.data.orderUpdate?.userErrors ?? [];
    if (errors.length) throw new ChannelError('permanent', `${shop} refused the note on order ${push.orderNumber}: ${errors.map((e) => e.message).join(' ')}`, { detail: JSON.stringify(errors) });
    return { outcome: 'applied', remoteRef: order.id, words: `${shop}: note added to order ${push.orderNumber}.` };
  }

  async function findRefund(push: RefundPush, ctx: PushContext) {
    const reply = await t.request(ORDER_REFUNDS, t.sized(ORDER_REFUNDS, { id: push.externalOrderId, refunds: 50, lines: 100 }, ['refunds', 'lines']), { write: false, doing: `reading the refunds of order ${push.orderNumber}`, signal: ctx.signal });
    const order = reply.data.order;
    return { order, refund: order?.refunds.find((r) => (r.note ?? '').includes(refundTag(ctx.idempotencyKey))) ?? null };
  }

  async function pushRefund(push: RefundPush, ctx: PushContext): Promise<PushReceipt> {
    // money: look before sending, even on a first attempt
    const { order, refund } = await findRefund(push, ctx);
    if (refund) return { outcome: 'already_applied', remoteRef: refund.id, words: `${shop} already had this refund of order ${push.orderNumber}.` };
    if (!order) throw new ChannelError('permanent', `Order ${push.orderNumber} no longer exists on ${shop}; nothing was refunded.`, { detail: push.externalOrderId });
    const digits = ['JPY', 'KRW', 'VND', 'CLP', 'ISK', 'HUF'].includes(push.currency.toUpperCase()) ? 0 : 2;
    const input = {
      orderId: order.id, notify: push.notifyCustomer,
      note: `${push.reason || 'Returned at the packing bench'} ${refundTag(ctx.idempotencyKey)}`,
      refundLineItems: push.lines.flatMap((l) => {
        const id = l.externalLineId ?? order.lineItems.nodes.find((x) => x.sku === l.sku)?.id;
        return id ? [{ lineItemId: id, quantity: l.quantity, restockType: l.restock ? 'RETURN' as const : 'NO_RESTOCK' as const }] : [];
      }),
      transactions: [refundTransaction(order, push, digits)],
    };
    const reply = await t.request(REFUND_CREATE, { input, key: requestKey(ctx.idempotencyKey, 'refundCreate', input) }, { write: true, doing: `refunding order ${push.orderNumber}`, signal: ctx.signal });
    const created = reply.data.refundCreate;
    if (!created?.refund) {
      throw new ChannelError('permanent', `${shop} refused the refund of order ${push.orderNumber}: ${created?.userErrors.map((e) => e.message).join(' ') || 'no reason given'}`, { detail: JSON.stringify(created?.userErrors ?? null) });
    }
    const byHand = !input.transactions[0]!.parentId;
    return {
      outcome: 'applied', remoteRef: created.refund.id,
      words: `${shop}: order ${push.orderNumber} refunded.${byHand ? ' The order was not paid through Shopify, so the refund is recorded there: pay the customer back by hand.' : ''}`,
    };
  }

  async function lookupPush(op: ChannelPush, ctx: PushContext): Promise<PushLookup> {
    switch (op.kind) {
      case 'fulfilment': return fulfilment.findParcel(op.push, ctx);
      case 'status': {
        const order = await readNote(op.push, ctx);
        return order?.marker?.value === ctx.idempotencyKey ? { found: true, remoteRef: order.id, words: `${shop} already has this note on order ${op.push.orderNumber}.` } : { found: false };
      }
      case 'refund': {
        const { refund } = await findRefund(op.push, ctx);
        return refund ? { found: true, remoteRef: refund.id, words: `${shop} already has this refund.` } : { found: false };
      }
      case 'available':
        // setting a count is the same however often it is done, and Shopify dedupes the key
        return { found: false };
    }
  }

  return {
    kind: 'shopify',
    // noteText answers only these; the rest is the bench's own progress (optional SalesChannel field)
    mirroredStatuses: ['on_hold', 'cancelled'],
    async testConnection(signal) {
      const reply = await t.request(SHOP_CHECK, {}, { write: false, doing: 'connecting', signal });
      const granted = new Set(reply.data.currentAppInstallation.accessScopes.map((s) => s.handle));
      const missing = REQUIRED_SCOPES.filter((s) => !granted.has(s) && !granted.has(s.replace(/^read_/, 'write_')));
      const name = reply.data.shop.name;
      if (missing.length) {
        throw new ChannelError('auth', `${name} let Packbench in, but its app lacks these permissions: ${missing.join(', ')}. Add them to the custom app in Shopify and install it again.`, { detail: `granted: ${[...granted].join(',')}` });
      }
      return { shopName: name, words: `Connected to ${name} (${reply.data.shop.myshopifyDomain}): orders, fulfilments and stock can be synced.` };
    },
    pullOrders: pull.pullOrders,
    pullCatalog: inventory.pullCatalog,
    pushFulfilment: fulfilment.pushFulfilment,
    pushOrderStatus,
    pushAvailable: inventory.pushAvailable,
    readQuantities: inventory.readQuantities,
    pushRefund,
    lookupPush,
  };
}

export const shopifyFactory: ChannelFactory = {
  kind: 'shopify',
  label: 'Shopify',
  urlHint: 'https://your-store.myshopify.com',
  credentialFields: [{ name: 'accessToken', label: 'Admin API access token', hint: 'From your custom app in Shopify (Settings → Apps → Develop apps); it starts with shpat_.' }],
  create: createShopifyChannel,
};
