import { createHash } from 'node:crypto';
import { z } from 'zod';
import { AddressSchema } from '../../../../shared/domain/address';
import type { IncomingOrder } from '../../services/orders-service';
import type { RemoteOrder } from '../channel-types';

/** A customer's note longer than this is cut (and the cut is reported): it is for a packer to read, not a document. */
export const NOTE_LIMIT = 10_000;

const iso = z.string().refine((s) => Number.isFinite(Date.parse(s)), 'is not a date');
const money = z.number().int().refine(Number.isSafeInteger, 'is not an amount');
const remoteOrderSchema = z.object({
  externalId: z.string().min(1, 'has no id').max(200),
  number: z.string().min(1, 'has no number').max(60, 'has a number longer than 60 characters'),
  createdAt: iso,
  updatedAt: iso,
  customerName: z.string().max(200, 'has a customer name longer than 200 characters'),
  currency: z.string().regex(/^[A-Z]{3}$/, 'has no three-letter currency code'),
  subtotalMinor: money, shippingMinor: money, taxMinor: money, totalMinor: money,
  lines: z.array(z.object({
    externalLineId: z.string().max(200),
    sku: z.string().max(100, 'has a SKU longer than 100 characters'),
    title: z.string(),
    quantity: z.number().int().min(1, 'has a line with no quantity').max(100_000, 'has a line with more than 100,000 items'),
    unitPriceMinor: money,
  })).min(1, 'has no items'),
});

const FIELD_WORDS: Record<string, string> = {
  name: 'no name', line1: 'no street address', countryCode: 'no two-letter country code', postalCode: 'a postcode that is too long',
  city: 'a city name that is too long', company: 'a company name that is too long', phone: 'a phone number that is too long', email: 'an e-mail address that is too long',
};

export type Conversion =
  | { ok: true; incoming: IncomingOrder; warnings: string[] }
  | { ok: false; words: string; detail: string };

/**
 * Checks a channel's order against our shapes before it may reach the store (the contract's own address
 * rules included), and turns it into an IncomingOrder. Every refusal names the order and what to fix.
 */
export function remoteToIncoming(r: RemoteOrder, channel: { id: number; name: string }, locationId: number): Conversion {
  const label = `${channel.name} order ${typeof r?.number === 'string' && r.number ? r.number : (r?.externalId ?? '(without an id)')}`;
  const parsed = remoteOrderSchema.safeParse(r);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    return { ok: false, words: `${label} was not taken in: it ${i.message}. Fix it on ${channel.name}; it comes in when it changes there. Other orders carry on.`, detail: z.prettifyError(parsed.error) };
  }
  const address = AddressSchema.safeParse({ ...r.shipTo, name: r.shipTo?.name || r.customerName });
  if (!address.success) {
    const field = String(address.error.issues[0]!.path[0] ?? '');
    return {
      ok: false,
      words: `${label} was not taken in: its shipping address has ${FIELD_WORDS[field] ?? `a problem in ${field}`}. Fix it on ${channel.name}; it comes in when it changes there.`,
      detail: z.prettifyError(address.error),
    };
  }
  const warnings: string[] = [];
  let note = typeof r.note === 'string' ? r.note : '';
  if (note.length > NOTE_LIMIT) {
    warnings.push(`${label} has a customer note of ${Math.round(note.length / 1024).toLocaleString('en')} KB; the first ${NOTE_LIMIT.toLocaleString('en')} characters were kept. Read the full note on ${channel.name}.`);
    note = `${note.slice(0, NOTE_LIMIT)}…`;
  }
  const o = parsed.data;
  return {
    ok: true, warnings,
    incoming: {
      channelId: channel.id, externalId: o.externalId, number: o.number, locationId, customerName: o.customerName || address.data.name,
      shipTo: address.data, currency: o.currency, subtotalMinor: o.subtotalMinor, shippingMinor: o.shippingMinor, taxMinor: o.taxMinor,
      totalMinor: o.totalMinor, createdAt: new Date(o.createdAt).toISOString(),
      lines: o.lines.map((l) => ({ sku: l.sku, title: l.title.slice(0, 500) || l.sku, quantity: l.quantity, unitPriceMinor: l.unitPriceMinor })),
      remote: {
        updatedAt: new Date(o.updatedAt).toISOString(), hash: createHash('sha256').update(JSON.stringify(r)).digest('base64url'),
        state: r.state, statusWords: String(r.remoteStatus ?? r.state).slice(0, 60), shop: channel.name, note,
        externalLines: o.lines.map((l) => ({ sku: l.sku, externalLineId: l.externalLineId })), remoteLocationId: r.remoteLocationId ?? null,
      },
    },
  };
}
