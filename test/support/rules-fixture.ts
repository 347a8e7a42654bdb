import fc from 'fast-check';
import { createCore, type Core } from '../../electron/core/create-core';
import { createInMemoryClient } from '../../electron/core/hosts/in-memory-transport';
import type { IncomingOrder } from '../../electron/core/services/orders-service';
import type { ApiClient } from '../../shared/rpc/client';
import { tempDir } from './temp-dir';
import { COUNTRIES, NOTES, SKUS, TAGS } from './rule-arbitraries';

export const fixedClock = { now: () => new Date('2026-11-27T10:00:00.000Z') };

export type RulesBench = { core: Core; client: ApiClient; locations: number[]; channels: number[]; close(): void };

/**
 * An empty workspace with 3 channels, 2 locations and the SKUs the rule generators name (with weights and
 * stock), so generated rules and orders meet. Channel and location ids are 1..3 and 1..2, as the generators use.
 */
export function rulesBench(): RulesBench {
  const dir = tempDir();
  const core = createCore({ dataDir: dir.path, clock: fixedClock, actor: 'tester', firstRun: 'empty' });
  const { repos } = core.workspace();
  const at = fixedClock.now().toISOString();
  repos.transaction(() => {
    const address = { name: 'Shop', company: '', line1: '1 Yard', line2: '', line3: '', city: 'Leeds', region: '', postalCode: 'LS1 1AA', countryCode: 'GB', phone: '', email: '' };
    repos.catalog.insertLocation('MAIN', 'Main', address);
    repos.catalog.insertLocation('BER', 'Berlin', { ...address, city: 'Berlin', postalCode: '10435', countryCode: 'DE' });
    for (const [kind, name] of [['shopify', 'Shop A'], ['woocommerce', 'Shop B'], ['manual', 'Phone orders']]) repos.catalog.insertChannel(kind!, name!);
    const product = repos.catalog.insertProduct('Things');
    SKUS.forEach((sku, i) => {
      const id = repos.catalog.insertVariant({ productId: product, sku, title: sku, weightGrams: 100 + i * 150, lengthMm: 0, widthMm: 0, heightMm: 0 });
      for (const locationId of [1, 2]) repos.inventory.record({ variantId: id, locationId, kind: 'receive', quantity: 1000, reason: 'stock', actor: 'tester', reference: 'fixture', at });
    });
  });
  const client = createInMemoryClient(core);
  return { core, client, locations: [1, 2], channels: [1, 2, 3], close() { client.close(); core.close(); dir.remove(); } };
}

/** Orders over the fixture's channels, SKUs, countries, tags, notes and risks. */
export const incomingOrdersArb = (count: number): fc.Arbitrary<IncomingOrder[]> => fc.array(fc.record({
  channelId: fc.constantFrom(1, 2, 3),
  country: fc.constantFrom(...COUNTRIES),
  lines: fc.uniqueArray(fc.record({ sku: fc.constantFrom(...SKUS), quantity: fc.integer({ min: 1, max: 3 }), unitPriceMinor: fc.integer({ min: 100, max: 5000 }) }), { minLength: 1, maxLength: 3, selector: (l) => l.sku }),
  tags: fc.uniqueArray(fc.constantFrom(...TAGS), { maxLength: 2 }),
  note: fc.constantFrom(...NOTES),
  risk: fc.constantFrom('low', 'medium', 'high', 'unknown' as const),
  currency: fc.constantFrom('EUR', 'GBP'),
}), { minLength: count, maxLength: count }).map((rows) => rows.map((r, i) => orderFrom(i, r)));

export function orderFrom(i: number, r: { channelId: number; country: string; lines: Array<{ sku: string; quantity: number; unitPriceMinor: number }>; tags?: string[]; note?: string; risk?: IncomingOrder['risk']; currency?: string }): IncomingOrder {
  const subtotal = r.lines.reduce((s, l) => s + l.quantity * l.unitPriceMinor, 0);
  return {
    channelId: r.channelId, externalId: `ext-${i}`, number: `#${5000 + i}`, locationId: 1, customerName: `Customer ${i}`,
    shipTo: { name: `Customer ${i}`, company: '', line1: `${i} Road`, line2: '', line3: '', city: 'Town', region: '', postalCode: '12345', countryCode: r.country, phone: '', email: '' },
    currency: r.currency ?? 'EUR', subtotalMinor: subtotal, shippingMinor: 0, taxMinor: 0, totalMinor: subtotal,
    createdAt: new Date(Date.parse('2026-11-27T08:00:00.000Z') + i * 60_000).toISOString(),
    lines: r.lines.map((l) => ({ ...l, title: l.sku })), tags: r.tags ?? [], note: r.note ?? '', risk: r.risk ?? 'unknown',
  };
}
