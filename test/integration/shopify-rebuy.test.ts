// A label voided after Shopify already showed it, bought again: through the whole app (real SQLite file,
// EasyPost and Shopify emulators on loopback), the same Shopify fulfillment ends with the new tracking
// number, once, and the customer gets Shopify's shipping-update e-mail. Before this, Shopify refused the
// second fulfillment (nothing left to fulfil) and the shop kept the voided number.

import { afterEach, describe, expect, it } from 'vitest';
import { gid } from '../emulators/shopify/views';
import { packOrder, settle, until, useShippingBench } from '../support/shipping-bench';
import { shopifyEmulator, stopShopifyEmulators } from '../support/shopify';

afterEach(async () => { await stopShopifyEmulators(); });

describe('Shopify after a void and a new label', () => {
  const bench = useShippingBench();

  /** a Shopify order in the queue, packed, its label bought and its fulfillment on Shopify; then the label voided and bought again */
  async function packedShippedAndRebought(beforeRebuy: (shop: Awaited<ReturnType<typeof shopifyEmulator>>, remoteId: number) => void = () => {}) {
    const shop = await shopifyEmulator();
    const repos = bench.core.workspace().repos;
    const skus = repos.db.$client.prepare('SELECT sku, title FROM variants ORDER BY id').all() as Array<{ sku: string; title: string }>;
    for (const v of skus) shop.state.addProduct({ title: v.title, variants: [{ sku: v.sku, price: '12.50', available: 500 }] });
    const { channelId } = await bench.client.call('channels.connect', { kind: 'shopify', name: 'Test Shopify', baseUrl: shop.url, credentials: { accessToken: shop.accessToken }, pollSeconds: 2, pushStock: false });
    const remote = shop.state.createOrder({
      email: 'sam@example.com', lines: [{ sku: skus[0]!.sku, quantity: 1 }],
      shippingAddress: { firstName: 'Sam', lastName: 'Taylor', address1: '221 King St', city: 'Portland', provinceCode: 'OR', zip: '97205', countryCode: 'US', phone: '+1 503 555 0100' },
    });
    const orderId = await until('the Shopify order in the queue', () => repos.sync.version(channelId, gid('Order', remote.id))?.orderId);
    await packOrder(bench, orderId);
    const first = await until('label bought', async () => (await bench.client.call('shipments.list', { orderId })).find((s) => s.status === 'bought'));
    const fulfilments = () => [...shop.state.fulfillments.values()].filter((f) => f.orderId === remote.id);
    await until('Shopify shows the first tracking', () => fulfilments()[0]?.tracking[0]?.number === first.trackingNumber);

    await bench.client.call('shipments.void', { id: first.id });
    await until('voided', async () => (await bench.client.call('shipments.get', { id: first.id })).status === 'voided');
    beforeRebuy(shop, remote.id);
    const again = await bench.client.call('shipments.buyAgain', { id: first.id });
    const second = await until('bought again', async () => { const s = await bench.client.call('shipments.get', { id: again.id }); return s.status === 'bought' && s; });
    return { shop, repos, channelId, remote, orderId, first, second, fulfilments };
  }

  it('gets the new tracking on the fulfillment it already has, and never a second fulfillment', async () => {
    const { shop, repos, channelId, remote, orderId, first, second, fulfilments } = await packedShippedAndRebought();
    await until('Shopify shows the new tracking', () => fulfilments()[0]?.tracking[0]?.number === second.trackingNumber);
    await settle(bench.core);

    expect(fulfilments()).toHaveLength(1);
    expect(shop.state.applied.filter((a) => a.mutation.startsWith('fulfillment')).map((a) => a.mutation)).toEqual(['fulfillmentCreate', 'fulfillmentTrackingInfoUpdate']);
    expect(shop.state.emails.filter((e) => e.orderId === remote.id).map((e) => e.kind)).toEqual(['shipping_confirmation', 'shipping_update']);
    // the order's timeline says what the shop now shows, and nothing waits or failed
    await until('the timeline says so', async () => (await bench.client.call('orders.get', { id: orderId })).events
      .some((e) => e.message.includes(`now has tracking USPS ${second.trackingNumber} instead of ${first.trackingNumber}`)));
    const stuck = repos.db.$client.prepare(`SELECT count(*) AS n FROM outbox o JOIN outbox_delivery d ON d.outbox_id = o.id
      WHERE o.topic = 'order.fulfilled' AND o.channel_id = ? AND d.state NOT IN ('done', 'skipped')`).get(channelId) as { n: number };
    expect(stuck.n).toBe(0);
  });

  it('when someone removed the old number in Shopify, the refusal is said once, in words, naming the shop once', async () => {
    const { orderId } = await packedShippedAndRebought((shop, remoteId) => {
      for (const f of shop.state.fulfillments.values()) if (f.orderId === remoteId) f.tracking = [];
    });
    const refusal = await until('the refusal on the timeline', async () => (await bench.client.call('orders.get', { id: orderId })).events
      .find((e) => e.kind === 'sync_failed')?.message);
    expect(refusal).toMatch(/^The shipment of order #\d+ \(parcel 1\) was not accepted: Shopify store Test Shopify has fewer than 1 × .* left to ship .* It waits for Retry on the Sync screen\.$/);
    expect(refusal.split('Test Shopify')).toHaveLength(2);
  });
});
