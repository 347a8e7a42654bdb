import { z } from 'zod';
import { Id } from '../../../shared/contract/orders';
import { RISK_LEVELS, type Risk } from '../../../shared/contract/rules';
import { AddressSchema } from '../../../shared/domain/address';
import { ORDER_STATUSES, type OrderStatus } from '../../../shared/domain/order-state';
import type { NewOrder } from '../store/orders-repo';
import { findUnstorableText, UNSTORABLE_WORDS } from '../../../shared/domain/stored-text';

/**
 * The store boundary for orders: whatever brings them (a channel, a CSV file, the order form, the
 * demo), an order is checked against the contract's shapes before it is written, so the store never
 * holds an order the screens, labels and channels would refuse. Line breaks, tabs and other control
 * characters in names and addresses (sloppy exports have them) become single spaces; NUL and broken
 * characters are refused.
 */
const CONTROL = /[\u0001-\u001f\u007f-\u009f]+/g;
const clean = (v: unknown) => (typeof v === 'string' ? v.replace(CONTROL, ' ').trim() : v);
const Text = (max: number, min = 0, words?: string) => z.preprocess(clean, z.string().min(min, words).max(max));
const Minor = z.number().int().min(-1e12).max(1e12);

const IncomingAddress = z.preprocess(
  (v) => (v !== null && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clean(x)])) : v),
  AddressSchema.extend({
    name: z.string().min(1, 'The recipient has no name').max(200),
    line1: z.string().min(1, 'The address has no street line').max(200),
  }),
);

export const IncomingOrderSchema = z.object({
  channelId: Id,
  externalId: Text(200, 1, 'The order has no id from its channel'),
  number: Text(100, 1, 'The order has no number'),
  locationId: Id,
  status: z.enum(ORDER_STATUSES).optional(),
  customerName: Text(200, 1, 'The order has no customer name'),
  shipTo: IncomingAddress,
  currency: z.string().regex(/^[A-Z]{3}$/, 'The currency is not a three-letter code such as EUR'),
  subtotalMinor: Minor,
  shippingMinor: Minor,
  taxMinor: Minor,
  totalMinor: Minor,
  createdAt: z.iso.datetime({ offset: true, message: 'The order date is not a date and time' }),
  /** the date the order must leave by, when the source gives one (manual orders, CSV, channels that have it) */
  shipBy: z.iso.datetime({ offset: true, message: 'The ship-by date is not a date and time' }).nullable().optional(),
  lines: z.array(z.object({
    sku: Text(100, 1, 'A line has no SKU'),
    title: Text(500),
    quantity: z.number().int().min(1, 'A line has a quantity below 1').max(100_000),
    unitPriceMinor: Minor,
  })).min(1, 'The order has no lines').max(1000),
  /** what the channel says beyond the lines, read by the automation rules */
  tags: z.array(Text(40, 1, 'A tag is empty')).max(30, 'The order has more than 30 tags').optional(),
  note: Text(10_000).optional(),
  risk: z.enum(RISK_LEVELS).optional(),
});
/** An order as a channel, a CSV file or a form hands it over, before it is checked. */
export type IncomingOrder = Omit<NewOrder, 'lines' | 'status'> & {
  status?: OrderStatus;
  lines: Array<{ sku: string; title: string; quantity: number; unitPriceMinor: number }>;
  /** what the channel says beyond the lines, for the automation rules */
  tags?: string[];
  note?: string;
  risk?: Risk;
};
export type CheckedOrder = z.output<typeof IncomingOrderSchema>;

export type OrderCheck = { ok: true; order: CheckedOrder } | { ok: false; words: string; field: string };

/** Checks one order as it would be stored; the words name the order so a person can find it. */
export function checkIncomingOrder(raw: unknown): OrderCheck {
  const label = orderLabel(raw);
  const unstorable = findUnstorableText(raw);
  if (unstorable) return { ok: false, field: unstorable.path, words: `${label}: ${UNSTORABLE_WORDS[unstorable.what]}` };
  const parsed = IncomingOrderSchema.safeParse(raw);
  if (parsed.success) return { ok: true, order: parsed.data };
  const issue = parsed.error.issues[0]!;
  const field = issue.path.join('.');
  return { ok: false, field, words: `${label}: ${issue.message.replace(/\.$/, '')} (${field || 'order'}).` };
}

function orderLabel(raw: unknown): string {
  const o = (raw ?? {}) as { number?: unknown; externalId?: unknown };
  if (typeof o.number === 'string' && o.number.trim()) return `Order ${o.number.trim().slice(0, 40)}`;
  if (typeof o.externalId === 'string' && o.externalId.trim()) return `The order with channel id ${o.externalId.trim().slice(0, 40)}`;
  return 'An order';
}
