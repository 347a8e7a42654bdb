import { z } from 'zod';
import { parseMoneyToMinor } from '../../../../../shared/domain/money';
import type { RejectedRecord, RemoteAddress, RemoteOrder, RemoteOrderState } from '../../channel-types';
import { excerpt } from '../http-json';

/**
 * WooCommerce REST v3 order JSON → RemoteOrder. Only the fields Packbench reads are checked; unknown fields
 * and unknown statuses (extensions add their own) pass. A record that cannot be read is rejected in words.
 */

const text = z.union([z.string(), z.number()]).transform(String);
const optionalText = z.union([z.string(), z.number(), z.null()]).optional().transform((v) => (v === null || v === undefined ? '' : String(v)));
const wooAddress = z.object({
  first_name: optionalText, last_name: optionalText, company: optionalText, address_1: optionalText, address_2: optionalText,
  city: optionalText, state: optionalText, postcode: optionalText, country: optionalText, email: optionalText, phone: optionalText,
}).partial().nullable().optional();

const wooLine = z.object({
  id: z.number().int(),
  name: optionalText,
  sku: optionalText,
  quantity: z.number().int(),
  subtotal: text.optional(),
  total: text.optional(),
  price: z.union([z.number(), z.string()]).optional(),
});

const wooOrder = z.object({
  id: z.number().int().positive(),
  number: text.optional(),
  status: z.string(),
  currency: z.string().regex(/^[A-Za-z]{3}$/),
  date_created_gmt: z.string(),
  date_modified_gmt: z.string(),
  total: text,
  shipping_total: text.optional(),
  total_tax: text.optional(),
  customer_note: optionalText,
  billing: wooAddress,
  shipping: wooAddress,
  line_items: z.array(wooLine).min(1, 'has no line items'),
});

const STATES: Record<string, RemoteOrderState> = {
  processing: 'ready',
  pending: 'awaiting_payment',
  // WooCommerce's on-hold means "awaiting payment confirmation" (bank transfer), not a merchant's hold
  'on-hold': 'awaiting_payment',
  completed: 'fulfilled',
  cancelled: 'cancelled',
  refunded: 'refunded',
  failed: 'other',
  trash: 'other',
};

/** Woo's *_gmt dates carry no offset: they are UTC. */
export function wooGmtToIso(s: string): string | null {
  const t = Date.parse(/(Z|[+-]\d\d:?\d\d)$/.test(s) ? s : `${s}Z`);
  return Number.isFinite(t) ? new Date(t).toISOString() : null;
}

function fieldWords(issue: z.core.$ZodIssue): string {
  const path = issue.path.join('.');
  if (issue.code === 'invalid_type' && issue.input === undefined) return `it has no ${path}`;
  if (issue.message === 'has no line items') return 'it has no line items';
  return `${path || 'the order'} is not readable (${issue.message})`;
}

function name(a: { first_name?: string; last_name?: string } | null | undefined): string {
  return [a?.first_name ?? '', a?.last_name ?? ''].map((s) => s.trim()).filter(Boolean).join(' ');
}

export function parseWooOrder(raw: unknown, shop: string): { order: RemoteOrder } | { rejected: RejectedRecord } {
  const idGuess = raw && typeof raw === 'object' && 'id' in raw ? String((raw as { id: unknown }).id).slice(0, 40) : null;
  const parsed = wooOrder.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    return {
      rejected: {
        externalId: idGuess,
        words: `${shop} order ${idGuess ?? '(without an id)'} could not be read: ${fieldWords(first)}. The other orders carry on; fix this one in WooCommerce and it will come in when it changes.`,
        detail: `${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')} | ${excerpt(JSON.stringify(raw) ?? '', 300)}`,
      },
    };
  }
  const o = parsed.data;
  const currency = o.currency.toUpperCase();
  const money = (v: string | undefined) => (v === undefined ? 0 : parseMoneyToMinor(v, currency));
  const total = money(o.total);
  const shipping = money(o.shipping_total);
  const tax = money(o.total_tax);
  const createdAt = wooGmtToIso(o.date_created_gmt);
  const updatedAt = wooGmtToIso(o.date_modified_gmt);
  const badMoney = [total, shipping, tax].some((m) => m === null);
  if (!createdAt || !updatedAt || badMoney) {
    return {
      rejected: {
        externalId: String(o.id),
        words: `${shop} order ${o.number ?? o.id} could not be read: ${badMoney ? 'an amount is not a number' : 'a date is not readable'}. The other orders carry on.`,
        detail: `dates ${o.date_created_gmt} / ${o.date_modified_gmt}, total ${o.total}`,
      },
    };
  }
  // orders for downloads have no shipping address: the billing one is where a parcel would go
  const hasShipping = Boolean(o.shipping?.address_1);
  const ship = (hasShipping ? o.shipping : o.billing) ?? {};
  const shipTo: RemoteAddress = {
    name: name(ship) || name(o.billing), company: ship.company ?? '', line1: ship.address_1 ?? '', line2: ship.address_2 ?? '', line3: '',
    city: ship.city ?? '', region: ship.state ?? '', postalCode: ship.postcode ?? '', countryCode: (ship.country ?? '').toUpperCase(),
    phone: ship.phone || o.billing?.phone || '', email: o.billing?.email ?? '',
  };
  const lines = o.line_items.filter((l) => l.quantity > 0).map((l) => {
    const lineTotal = parseMoneyToMinor(l.subtotal ?? l.total ?? '0', currency) ?? 0;
    return { externalLineId: String(l.id), sku: l.sku.trim(), title: l.name || l.sku, quantity: l.quantity, unitPriceMinor: Math.round(lineTotal / l.quantity) };
  });
  return {
    order: {
      externalId: String(o.id), number: `#${o.number ?? o.id}`, createdAt, updatedAt,
      state: STATES[o.status] ?? 'other', remoteStatus: o.status, customerName: name(o.billing) || shipTo.name, shipTo, currency,
      subtotalMinor: total! - shipping! - tax!, shippingMinor: shipping!, taxMinor: tax!, totalMinor: total!, lines,
      note: o.customer_note, remoteLocationId: null,
    },
  };
}
