import { createCore } from '../../../electron/core/create-core';

/**
 * Fills a data folder with many extra orders before a station starts on it, through the same import
 * the channels use, so the queue can be tried at the scale of a busy shop.
 */
export function seedManyOrders(dataDir: string, count: number): void {
  const core = createCore({ dataDir, actor: 'e2e-seed' });
  try {
    const ws = core.workspace();
    const channel = ws.repos.catalog.channels()[0]!;
    const location = ws.repos.catalog.locations()[0]!;
    const base = Date.parse('2025-01-01T00:00:00.000Z');
    const batch = 5_000;
    for (let start = 0; start < count; start += batch) {
      const orders = Array.from({ length: Math.min(batch, count - start) }, (_, k) => {
        const i = start + k;
        const shipTo = {
          name: `Bulk Customer ${i}`, company: '', line1: `${i} Load Street`, line2: '', line3: '', city: 'Leeds',
          region: '', postalCode: 'LS1 1AA', countryCode: 'GB', phone: '', email: '',
        };
        return {
          channelId: channel.id, externalId: `bulk-${i}`, number: `BULK-${String(i).padStart(6, '0')}`, locationId: location.id,
          customerName: shipTo.name, shipTo, currency: 'GBP', subtotalMinor: 1000, shippingMinor: 0, taxMinor: 0, totalMinor: 1000,
          // older than the demo orders, in a known order: BULK-099999 is the newest of them
          createdAt: new Date(base + i * 1000).toISOString(),
          lines: [{ sku: `NOT-IN-CATALOG-${i % 7}`, title: 'Bulk item', quantity: 1, unitPriceMinor: 1000 }],
        };
      });
      ws.orders.importOrders(orders, 'the e2e seeder');
    }
  } finally {
    core.close();
  }
}
