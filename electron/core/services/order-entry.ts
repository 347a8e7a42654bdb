import { AppError } from '../../../shared/contract/errors';
import { checkAddress } from '../../../shared/domain/address-check';
import type { Address } from '../../../shared/domain/address';
import { isoNow, type Clock } from '../clock';
import type { Repos } from '../store';
import type { ImportResult, IncomingOrder } from './orders-service';

/** Channels for orders that start here: they sync nowhere, so they never get outbox rows. */
export const LOCAL_CHANNELS = { manual: { kind: 'manual', name: 'Phone and counter' }, csv: { kind: 'csv', name: 'CSV import' } } as const;

let names: Intl.DisplayNames | null = null;
export function countryName(code: string): string {
  try {
    names ??= new Intl.DisplayNames(['en'], { type: 'region' });
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** Field -> words for an address that the destination's post office would not deliver to. */
export function addressProblems(a: Address): Record<string, string> {
  return checkAddress(a, countryName(a.countryCode));
}

/** The channel a local source lands in, made on first use. */
export function localChannel(repos: Repos, which: keyof typeof LOCAL_CHANNELS): number {
  const spec = LOCAL_CHANNELS[which];
  const found = repos.catalog.channels().find((ch) => ch.kind === spec.kind);
  return found ? found.id : repos.catalog.insertChannel(spec.kind, spec.name, {});
}

/** "2026-12-03" -> the end of that day, UTC: an order is late once that day is over. */
export function shipByFromDate(date: string | null): string | null {
  if (!date) return null;
  const d = new Date(`${date}T23:59:59.999Z`);
  if (Number.isNaN(d.getTime())) throw new AppError('invalid_request', `${date} is not a date.`, undefined, { shipBy: 'Choose the ship-by date.' });
  return d.toISOString();
}

/** What an order line is called: "Product — Variant", as the packer reads it on the slip. */
export function lineTitle(repos: Repos, variantId: number): string {
  const row = repos.db.$client.prepare('SELECT v.title AS variant, p.title AS product FROM variants v JOIN products p ON p.id = v.product_id WHERE v.id = ?')
    .get(variantId) as { variant: string; product: string } | undefined;
  if (!row) return '';
  if (!row.variant || row.variant.startsWith(row.product)) return row.variant || row.product;
  return `${row.product} — ${row.variant}`;
}

/** the store boundary's words end with the field path "(shipTo.line1)": that is for the log, not for people */
export function withoutFieldPath(words: string): string {
  return words.replace(/ \([\w.]*\)\.$/, '.');
}

export type ManualOrderDeps = {
  importOrders(incoming: IncomingOrder[], source: string): ImportResult;
  actor(): string;
};

export function createOrderEntry(repos: Repos, clock: Clock, deps: ManualOrderDeps) {
  /** A phone or counter order: checked like any other (address per country, SKUs in the catalog), then landed through importOrders. */
  function createManual(input: {
    locationId: number; customerName: string; shipTo: Address; currency: string; shippingMinor: number; shipBy: string | null; note: string;
    source: 'phone' | 'counter'; lines: Array<{ sku: string; quantity: number; unitPriceMinor: number }>;
  }): { id: number; number: string } {
    const fields: Record<string, string> = {};
    for (const [k, v] of Object.entries(addressProblems(input.shipTo))) fields[`shipTo.${k}`] = v;
    if (!repos.warehouse.location(input.locationId)) fields.locationId = 'Choose the location that ships this order.';
    const lines = input.lines.map((l, i) => {
      const v = repos.catalog.variantBySku(l.sku);
      const archived = v ? (repos.db.$client.prepare('SELECT archived_at FROM variants WHERE id = ?').get(v.id) as { archived_at: string | null }).archived_at : null;
      if (!v) fields[`lines.${i}.sku`] = `SKU ${l.sku} is not in the catalog.`;
      else if (archived) fields[`lines.${i}.sku`] = `${l.sku} is archived: bring it back on the Catalog screen or choose another.`;
      return { sku: l.sku, title: v ? lineTitle(repos, v.id) : l.sku, quantity: l.quantity, unitPriceMinor: l.unitPriceMinor };
    });
    let shipBy: string | null = null;
    try { shipBy = shipByFromDate(input.shipBy); } catch (e) { if (e instanceof AppError && e.fields) Object.assign(fields, e.fields); }
    const count = Object.keys(fields).length;
    if (count) {
      throw new AppError('invalid_request', count === 1 ? Object.values(fields)[0]! : `${Object.values(fields)[0]} (and ${count - 1} more, marked on the form)`,
        'Nothing was saved. Correct the marked fields and save again.', fields);
    }
    return repos.transaction(() => {
      const channelId = localChannel(repos, 'manual');
      const next = repos.settings.get<number>('manualOrder.next') ?? 1001;
      repos.settings.set('manualOrder.next', next + 1);
      const number = `M-${next}`;
      const subtotal = lines.reduce((s, l) => s + l.quantity * l.unitPriceMinor, 0);
      const at = isoNow(clock);
      const { imported, rejected } = deps.importOrders([{
        channelId, externalId: number, number, locationId: input.locationId, customerName: input.customerName || input.shipTo.name,
        shipTo: input.shipTo, currency: input.currency, subtotalMinor: subtotal, shippingMinor: input.shippingMinor, taxMinor: 0,
        totalMinor: subtotal + input.shippingMinor, createdAt: at, shipBy, lines,
      }], input.source === 'phone' ? 'a phone call' : 'the counter');
      if (rejected[0]) {
        console.warn('[order-entry] manual order refused at the store boundary', rejected[0].words);
        throw new AppError('invalid_request', withoutFieldPath(rejected[0].words), 'Nothing was saved. Correct the order and save again.');
      }
      const id = imported[0];
      if (id === undefined) throw new AppError('conflict', `Order ${number} already exists.`, 'Save again: the next number will be used.');
      if (input.note) repos.orders.addEvent(id, 'note', deps.actor(), `Note: ${input.note}`, {}, at);
      return { id, number };
    });
  }

  return { createManual };
}
