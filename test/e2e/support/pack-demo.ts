import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OrderDetail, OrderListOutput } from '../../../shared/contract/orders';
import { createCore } from '../../../electron/core/create-core';

/** The two barcodes the demo prints on each SKU, as a scanner types them. */
export type SkuCodes = { sku: string; retail: string; internal: string };
export type DemoLine = SkuCodes & { quantity: number; title: string };
export type DemoOrder = { id: number; number: string; customerName: string; countryCode: string; lines: DemoLine[] };
export type DemoData = { dataDir: string; orders: DemoOrder[]; codes: Map<string, SkuCodes> };

async function answer<T>(r: Promise<{ ok: true; result: unknown } | { ok: false; error: unknown }>): Promise<T> {
  const out = await r;
  if (!out.ok) throw new Error(`core refused: ${JSON.stringify(out.error)}`);
  return out.result as T;
}

/**
 * Seeds a demo data folder the way the station would on first run, then reads the open orders and
 * every SKU's barcodes (no request exposes barcodes) before the station starts on the same folder.
 * Retail codes are stored as GTIN-14; a scanner types the printed EAN-13 / UPC-A.
 */
export async function prepareDemoData(dataDir = mkdtempSync(join(tmpdir(), 'packbench-pack-e2e-'))): Promise<DemoData> {
  const core = createCore({ dataDir, actor: 'e2e-seed' });
  try {
    const ws = core.workspace();
    const codes = new Map<string, SkuCodes>();
    const list = await answer<OrderListOutput>(core.handle('orders.list', { status: 'open', limit: 100 }));
    const orders: DemoOrder[] = [];
    const codesOf = (sku: string): SkuCodes => {
      const known = codes.get(sku);
      if (known) return known;
      const variant = ws.repos.catalog.variantBySku(sku);
      if (!variant) throw new Error(`demo SKU ${sku} is not in the catalog`);
      const all = ws.repos.catalog.barcodesOf(variant.id);
      const retail = all.find((b) => b.symbology === 'ean-13' || b.symbology === 'upc-a');
      const internal = all.find((b) => b.symbology === 'code128');
      if (!retail || !internal) throw new Error(`demo SKU ${sku} lacks a retail or internal barcode`);
      const printed = retail.symbology === 'ean-13' ? retail.code.slice(-13) : retail.code.slice(-12);
      const c = { sku, retail: printed, internal: internal.code };
      codes.set(sku, c);
      return c;
    };
    for (const row of list.rows) {
      const o = await answer<OrderDetail>(core.handle('orders.get', { id: row.id }));
      orders.push({
        id: o.id, number: o.number, customerName: o.customerName, countryCode: o.shipTo.countryCode,
        lines: o.lines.map((l) => ({ ...codesOf(l.sku), quantity: l.quantity, title: l.title })),
      });
    }
    for (const v of ws.repos.catalog.findVariants('')) codesOf(v.sku);
    return { dataDir, orders, codes };
  } finally {
    core.close();
  }
}

/** A SKU of the catalog that is not on this order: the "wrong item" a packer picks up by mistake. */
export function skuNotIn(data: DemoData, order: DemoOrder): SkuCodes {
  const onOrder = new Set(order.lines.map((l) => l.sku));
  const other = [...data.codes.values()].find((c) => !onOrder.has(c.sku));
  if (!other) throw new Error('every demo SKU is on this order');
  return other;
}

/**
 * Adds one order of a single line big enough for a long run of scans to a data folder (before the
 * station starts on it), with the printed EAN-13 of its SKU, as a scanner reads it.
 */
export function addBigOrder(dataDir: string, units: number, orderNumber = 'LOAD-1'): { orderNumber: string; sku: string; ean: string } {
  const core = createCore({ dataDir, actor: 'e2e-seed' });
  try {
    const repos = core.workspace().repos;
    const variant = repos.catalog.findVariants('').find((v) => repos.catalog.barcodesOf(v.variantId).some((b) => b.symbology === 'ean-13'));
    if (!variant) throw new Error('the demo catalog has no EAN-13');
    const ean = repos.catalog.barcodesOf(variant.variantId).find((b) => b.symbology === 'ean-13')!.code.slice(-13);
    const shipTo = { name: 'Load Test', company: '', line1: '1 Scan Street', line2: '', line3: '', city: 'Leeds', region: '', postalCode: 'LS1 1AA', countryCode: 'GB', phone: '', email: '' };
    core.workspace().orders.importOrders([{
      channelId: repos.catalog.channels()[0]!.id, externalId: `e2e-${orderNumber}`, number: orderNumber, locationId: repos.catalog.defaultLocationId()!,
      customerName: shipTo.name, shipTo, currency: 'GBP', subtotalMinor: 100 * units, shippingMinor: 0, taxMinor: 0, totalMinor: 100 * units,
      createdAt: new Date().toISOString(), lines: [{ sku: variant.sku, title: variant.title, quantity: units, unitPriceMinor: 100 }],
    }], 'the e2e tests');
    return { orderNumber, sku: variant.sku, ean };
  } finally {
    core.close();
  }
}
