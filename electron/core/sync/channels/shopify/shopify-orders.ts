// Shopify Order (Admin GraphQL 2026-10, as OrdersPage and the bulk export select it) → RemoteOrder.
// The reply is typed by codegen, but a reply is not trusted: every field Packbench reads is checked,
// unknown fields pass, unknown enum values become 'other', and an order that cannot be read is
// rejected in words while the rest of the page goes on.

import { z } from 'zod';
import { parseMoneyToMinor } from '../../../../../shared/domain/money';
import type { RejectedRecord, RemoteAddress, RemoteOrder, RemoteOrderLine, RemoteOrderState } from '../../channel-types';
import { excerpt } from '../http-json';

const optionalText = z.union([z.string(), z.number(), z.null()]).optional().transform((v) => (v === null || v === undefined ? '' : String(v)));
const money = z.object({ shopMoney: z.object({ amount: z.union([z.string(), z.number()]), currencyCode: z.string().optional() }) }).nullable().optional();
const gidOf = (type: string) => z.string().regex(new RegExp(`^gid://shopify/${type}/\\d+`), `is not a Shopify ${type} id`);

export const shopifyLine = z.object({
  id: gidOf('LineItem'),
  sku: optionalText,
  title: optionalText,
  variantTitle: optionalText,
  quantity: z.number().int(),
  currentQuantity: z.number().int().optional(),
  originalUnitPriceSet: money,
});

const fulfillmentOrder = z.object({
  status: z.string().optional(),
  assignedLocation: z.object({ location: z.object({ id: z.string() }).nullable().optional() }).nullable().optional(),
});

export const shopifyOrder = z.object({
  id: gidOf('Order'),
  name: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  cancelledAt: z.string().nullable().optional(),
  closed: z.boolean().optional(),
  note: optionalText,
  email: optionalText,
  phone: optionalText,
  currencyCode: z.string().regex(/^[A-Z]{3}$/, 'is not a currency code'),
  displayFinancialStatus: z.string().nullable().optional(),
  displayFulfillmentStatus: z.string().nullable().optional(),
  subtotalPriceSet: money,
  totalShippingPriceSet: money,
  totalTaxSet: money,
  totalPriceSet: money,
  shippingAddress: z.object({
    name: optionalText, firstName: optionalText, lastName: optionalText, company: optionalText, address1: optionalText, address2: optionalText,
    city: optionalText, province: optionalText, provinceCode: optionalText, zip: optionalText, countryCodeV2: optionalText, phone: optionalText,
  }).nullable().optional(),
});

export type ShopifyOrderInput = z.input<typeof shopifyOrder> & {
  lineItems?: unknown;
  fulfillmentOrders?: unknown;
};

/** Shopify's pair of statuses, in Packbench words; a status Shopify adds later is 'other', never an error. */
export function orderState(o: { cancelledAt?: string | null | undefined; displayFinancialStatus?: string | null | undefined; displayFulfillmentStatus?: string | null | undefined }): RemoteOrderState {
  if (o.cancelledAt) return 'cancelled';
  const fin = o.displayFinancialStatus ?? '';
  const ful = o.displayFulfillmentStatus ?? '';
  if (fin === 'REFUNDED') return 'refunded';
  if (ful === 'FULFILLED' || ful === 'RESTOCKED') return 'fulfilled';
  if (ful === 'ON_HOLD') return 'on_hold';
  if (['PAID', 'PARTIALLY_PAID', 'PARTIALLY_REFUNDED', 'AUTHORIZED'].includes(fin)) return 'ready';
  if (fin === 'PENDING') return 'awaiting_payment';
  return 'other';
}

const iso = (s: string): string | null => {
  const t = Date.parse(s);
  return Number.isFinite(t) ? new Date(t).toISOString() : null;
};

function minor(m: z.infer<typeof money>, currency: string): number | null {
  if (!m) return 0;
  return parseMoneyToMinor(m.shopMoney.amount, currency);
}

function reject(raw: unknown, words: string, detail: string): { rejected: RejectedRecord } {
  const id = (raw as { id?: unknown } | null)?.id;
  const name = (raw as { name?: unknown } | null)?.name;
  return { rejected: { externalId: typeof id === 'string' ? id : null, words: typeof name === 'string' ? words.replace('This order', `Order ${name}`) : words, detail: `${detail}: ${excerpt(JSON.stringify(raw ?? null))}` } };
}

/**
 * One order and its lines (gathered from every page, or from the bulk export's child lines) to our model.
 * Lines removed by an order edit (current quantity 0) are left out; the order's lines are what ships.
 */
export function parseShopifyOrder(raw: unknown, rawLines: unknown[], rawFulfillmentOrders: unknown[]): { order: RemoteOrder } | { rejected: RejectedRecord } {
  const parsed = shopifyOrder.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return reject(raw, `This order from Shopify could not be read (${issue.path.join('.') || 'order'} ${issue.message}); it was skipped. Check it in Shopify.`, `order: ${issue.path.join('.')} ${issue.message}`);
  }
  const o = parsed.data;
  const currency = o.currencyCode;
  const lines: RemoteOrderLine[] = [];
  for (const [i, rawLine] of rawLines.entries()) {
    const l = shopifyLine.safeParse(rawLine);
    if (!l.success) {
      const issue = l.error.issues[0]!;
      return reject(raw, `This order from Shopify has a line Packbench cannot read (line ${i + 1}: ${issue.path.join('.')} ${issue.message}); it was skipped. Check it in Shopify.`, `lineItems[${i}]: ${issue.path.join('.')} ${issue.message}`);
    }
    const qty = l.data.currentQuantity ?? l.data.quantity;
    if (qty <= 0) continue;
    const price = minor(l.data.originalUnitPriceSet, currency);
    if (price === null) return reject(raw, `This order from Shopify has a price Packbench cannot read on line ${i + 1}; it was skipped. Check it in Shopify.`, `lineItems[${i}].originalUnitPriceSet`);
    lines.push({ externalLineId: l.data.id, sku: l.data.sku.trim(), title: l.data.variantTitle ? `${l.data.title} - ${l.data.variantTitle}` : l.data.title, quantity: qty, unitPriceMinor: price });
  }
  const createdAt = iso(o.createdAt);
  const updatedAt = iso(o.updatedAt);
  if (!createdAt || !updatedAt) return reject(raw, 'This order from Shopify has a date Packbench cannot read; it was skipped. Check it in Shopify.', `createdAt ${o.createdAt} updatedAt ${o.updatedAt}`);
  const amounts = [minor(o.subtotalPriceSet, currency), minor(o.totalShippingPriceSet, currency), minor(o.totalTaxSet, currency), minor(o.totalPriceSet, currency)];
  if (amounts.some((a) => a === null)) return reject(raw, 'This order from Shopify has a total Packbench cannot read; it was skipped. Check it in Shopify.', 'money');
  const [subtotalMinor = 0, shippingMinor = 0, taxMinor = 0, totalMinor = 0] = amounts as number[];
  const a = o.shippingAddress;
  const personName = a ? (a.name || [a.firstName, a.lastName].filter(Boolean).join(' ')) : '';
  const shipTo: RemoteAddress = {
    name: personName, company: a?.company ?? '', line1: a?.address1 ?? '', line2: a?.address2 ?? '', line3: '',
    city: a?.city ?? '', region: a?.provinceCode || a?.province || '', postalCode: a?.zip ?? '', countryCode: (a?.countryCodeV2 ?? '').toUpperCase(),
    phone: a?.phone || o.phone, email: o.email,
  };
  const fos = rawFulfillmentOrders.map((f) => fulfillmentOrder.safeParse(f)).flatMap((r) => (r.success ? [r.data] : []));
  const open = fos.find((f) => f.status === 'OPEN' || f.status === 'IN_PROGRESS') ?? fos[0];
  return {
    order: {
      externalId: o.id, number: o.name, createdAt, updatedAt, state: orderState(o),
      remoteStatus: [o.displayFinancialStatus, o.displayFulfillmentStatus, o.cancelledAt ? 'CANCELLED' : null].filter(Boolean).join(' / '),
      customerName: personName || o.email, shipTo, currency, subtotalMinor, shippingMinor, taxMinor, totalMinor, lines, note: o.note,
      remoteLocationId: open?.assignedLocation?.location?.id ?? null,
    },
  };
}

/** Shopify's JSONL export: orders on their own lines, their line items and fulfillment orders after them with __parentId. */
export function parseBulkOrders(jsonl: string): Array<{ order: RemoteOrder } | { rejected: RejectedRecord }> {
  const roots: Array<{ raw: Record<string, unknown>; lines: unknown[]; fos: unknown[] }> = [];
  const byId = new Map<string, (typeof roots)[number]>();
  const results: Array<{ order: RemoteOrder } | { rejected: RejectedRecord }> = [];
  for (const [i, text] of jsonl.split('\n').entries()) {
    if (!text.trim()) continue;
    let row: Record<string, unknown>;
    try {
      row = JSON.parse(text) as Record<string, unknown>;
    } catch {
      results.push({ rejected: { externalId: null, words: `Line ${i + 1} of Shopify's order export could not be read; the orders on the other lines were imported.`, detail: `jsonl line ${i + 1}: ${excerpt(text)}` } });
      continue;
    }
    const parent = typeof row.__parentId === 'string' ? byId.get(row.__parentId) : undefined;
    const id = typeof row.id === 'string' ? row.id : '';
    if (parent) {
      if (id.includes('/LineItem/')) parent.lines.push(row);
      else if (id.includes('/FulfillmentOrder/')) parent.fos.push(row);
    } else if (id.includes('/Order/')) {
      const entry = { raw: row, lines: [], fos: [] };
      roots.push(entry);
      byId.set(id, entry);
    }
  }
  for (const r of roots) results.push(parseShopifyOrder(r.raw, r.lines, r.fos));
  return results;
}
