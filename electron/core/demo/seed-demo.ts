import { gs1CheckDigit } from '../../../shared/codes/check-digit';
import { isoNow, type Clock } from '../clock';
import type { Repos } from '../store';
import type { OrdersService } from '../services/orders-service';
import type { PackCompletion } from '../services/pack-complete';
import type { PackService } from '../services/pack-service';
import { DEMO_CHANNELS, DEMO_CUSTOMERS, DEMO_LOCATIONS, DEMO_PRODUCTS } from './demo-data';

/** A small seeded generator so every demo workspace is the same and tests can rely on it. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 12 digits of body + real check digit; 400-440 is a GS1 Germany prefix, 50 the UK's. */
export function demoEan13(index: number): string {
  const body = `50${String(12345 + index).padStart(5, '0')}${String(index * 7 + 100).padStart(5, '0')}`.slice(0, 12);
  return body + gs1CheckDigit(body);
}

export function demoUpcA(index: number): string {
  const body = `0${String(36000 + index).padStart(5, '0')}${String(29100 + index).padStart(5, '0')}`.slice(0, 11);
  return body + gs1CheckDigit(body);
}

export const DEMO_ORDER_COUNT = 60;

/**
 * How far along the oldest demo orders are, so every filter of the queue shows something: by the
 * order's position, oldest first. The newest orders stay open for the pack screen, and so do the few
 * going to the UK, Germany and the US from the main workshop (the carrier demo rates those), and the
 * Berlin ones (little stock there).
 */
const DEMO_PROGRESS: Array<{ at: number; to: 'shipped' | 'packed' | 'picking' | 'on_hold' | 'cancelled' | 'short'; reason?: string }> = [
  { at: 1, to: 'shipped' }, { at: 2, to: 'shipped' }, { at: 3, to: 'shipped' }, { at: 4, to: 'shipped' }, { at: 5, to: 'shipped' },
  { at: 7, to: 'packed' }, { at: 9, to: 'packed' }, { at: 10, to: 'packed' },
  { at: 11, to: 'picking' }, { at: 12, to: 'picking' },
  { at: 14, to: 'on_hold', reason: 'customer asked to change the address' },
  { at: 16, to: 'on_hold', reason: 'payment under review' },
  { at: 17, to: 'cancelled', reason: 'customer cancelled before packing' },
  { at: 18, to: 'short', reason: 'the picker found the bin short; waiting for stock' },
];

export type DemoServices = { pack: PackService; packing: PackCompletion };

/** Seeds the clearly marked demo workspace: ~40 SKUs with valid barcodes, 2 locations with bins and stock, 60 orders in every state. */
export function seedDemo(repos: Repos, clock: Clock, ordersService: OrdersService, services?: DemoServices): void {
  const at = isoNow(clock);
  const random = prng(20261127);
  const variants: Array<{ id: number; sku: string; title: string; priceMinor: number }> = [];
  const locationIds: number[] = [];
  repos.transaction(() => {
    repos.settings.set('workspace.kind', 'demo');
    for (const l of DEMO_LOCATIONS) {
      const id = repos.catalog.insertLocation(l.code, l.name, l.address);
      locationIds.push(id);
      for (const b of l.bins) repos.catalog.insertBin(id, b);
    }
    const bins = repos.catalog.locations().map((l) => l.bins);
    for (const c of DEMO_CHANNELS) repos.catalog.insertChannel(c.kind, c.name, { demo: true });
    let n = 0;
    for (const p of DEMO_PRODUCTS) {
      const productId = repos.catalog.insertProduct(p.title);
      for (const size of p.sizes ?? ['']) {
        n++;
        const sku = size ? `${p.sku}-${size.replace(/[^A-Za-z0-9]/g, '').toUpperCase().slice(0, 6)}` : p.sku;
        const title = size ? `${p.title} — ${size}` : p.title;
        const id = repos.catalog.insertVariant({ productId, sku, title, weightGrams: p.grams, lengthMm: p.dims[0], widthMm: p.dims[1], heightMm: p.dims[2] });
        variants.push({ id, sku, title, priceMinor: p.priceMinor });
        // mixed symbologies, as a real shop has: EAN-13 mostly, some UPC-A, and an internal Code 128 on every SKU
        if (n % 5 === 0) repos.catalog.insertBarcode(`00${demoUpcA(n)}`, 'upc-a', id);
        else repos.catalog.insertBarcode(`0${demoEan13(n)}`, 'ean-13', id);
        repos.catalog.insertBarcode(`PB${String(n).padStart(5, '0')}`, 'code128', id);
        locationIds.forEach((locationId, li) => {
          const locBins = bins[li] ?? [];
          const binId = locBins[n % locBins.length]?.id ?? null;
          repos.inventory.setBin(id, locationId, binId);
          const qty = li === 0 ? 20 + Math.floor(random() * 60) : Math.floor(random() * 15);
          if (qty > 0) repos.inventory.record({ variantId: id, locationId, kind: 'receive', quantity: qty, reason: 'demo opening stock', actor: 'demo', reference: 'demo', at, binId });
        });
      }
    }
  });
  const channels = repos.catalog.channels();
  const base = clock.now().getTime();
  const incoming = Array.from({ length: DEMO_ORDER_COUNT }, (_, i) => {
    const channel = channels[i % channels.length]!;
    const meta = DEMO_CHANNELS[i % DEMO_CHANNELS.length]!;
    const customer = DEMO_CUSTOMERS[i % DEMO_CUSTOMERS.length]!;
    const lineCount = 1 + Math.floor(random() * 3);
    const picked = new Set<number>();
    while (picked.size < lineCount) picked.add(Math.floor(random() * variants.length));
    const lines = [...picked].map((vi) => {
      const v = variants[vi]!;
      return { sku: v.sku, title: v.title, quantity: 1 + Math.floor(random() * 2), unitPriceMinor: v.priceMinor };
    });
    const subtotal = lines.reduce((s, l) => s + l.quantity * l.unitPriceMinor, 0);
    const shipping = 495;
    const number = `${meta.prefix}${1001 + i}`;
    return {
      channelId: channel.id, externalId: `demo-${1001 + i}`, number, locationId: locationIds[i % 7 === 6 ? 1 : 0]!,
      customerName: customer.name, shipTo: customer, currency: meta.currency, subtotalMinor: subtotal,
      shippingMinor: shipping, taxMinor: 0, totalMinor: subtotal + shipping,
      createdAt: new Date(base - (DEMO_ORDER_COUNT - i) * 37 * 60_000).toISOString(), lines,
      // two days to ship; the oldest demo orders are already late, so the dashboard has something to say
      shipBy: new Date(base - (DEMO_ORDER_COUNT - i) * 37 * 60_000 + (i < 6 ? 0 : 2 * 86_400_000)).toISOString(),
    };
  });
  ordersService.importOrders(incoming, 'the demo shop');
  if (services) advanceDemoOrders(repos, clock, ordersService, services, incoming.map((o) => o.externalId));
}

/** Packs, ships, holds and cancels a few demo orders the way the station would: scans, ledger, timeline. */
function advanceDemoOrders(repos: Repos, clock: Clock, ordersService: OrdersService, { pack, packing }: DemoServices, externalIds: string[]): void {
  const at = isoNow(clock);
  const idOf = (externalId: string) => repos.orders.idByExternalId(externalId);
  for (const step of DEMO_PROGRESS) {
    const id = idOf(externalIds[step.at]!);
    if (!id) continue;
    if (step.to === 'packed' || step.to === 'shipped') {
      const view = pack.open({ orderId: id });
      for (const line of view.lines) for (let n = 0; n < line.expected; n++) pack.scan(view.sessionId, line.sku, 1);
      const { labelJob } = packing.complete(view.sessionId);
      // these parcels left earlier: their labels printed then, so nothing prints when the demo starts
      if (labelJob) repos.print.setStatus(labelJob.id, 'done', '', at);
      if (step.to === 'shipped') ordersService.applyTransition(id, 'shipped', '', 'demo', at);
    } else {
      ordersService.applyTransition(id, step.to, step.reason ?? '', 'demo', at);
    }
  }
}
