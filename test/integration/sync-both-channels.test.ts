import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCore } from '../../electron/core/create-core';
import { createInMemoryClient } from '../../electron/core/hosts/in-memory-transport';
import { gid } from '../emulators/shopify/views';
import { shopifyEmulator, stopShopifyEmulators } from '../support/shopify';
import { startSyncStation, type SyncStation } from '../support/sync-station';
import { tempDir } from '../support/temp-dir';

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => { vi.restoreAllMocks(); while (cleanup.length) await cleanup.pop()!(); await stopShopifyEmulators(); });

describe('WooCommerce and Shopify at once', () => {
  it('orders created in both shops land in one queue with stock reserved; packing one from each sends each fulfilment exactly once', async () => {
    const s: SyncStation = await startSyncStation();
    cleanup.push(() => s.close());
    const shop = await shopifyEmulator();
    const repos = s.core.workspace().repos;
    const [wooSku, shopSku] = (repos.db.$client.prepare('SELECT sku, title FROM variants ORDER BY id LIMIT 2').all() as Array<{ sku: string; title: string }>);
    shop.state.addProduct({ title: shopSku!.title, variants: [{ sku: shopSku!.sku, price: '12.50', available: 100 }] });
    const shopify = await s.client.call('channels.connect', { kind: 'shopify', name: 'Test Shopify', baseUrl: shop.url, credentials: { accessToken: shop.accessToken }, pollSeconds: 2 });
    const committed = (sku: string) => repos.inventory.balance(repos.catalog.variantBySku(sku)!.id, 1).committed;
    const before = [committed(wooSku!.sku), committed(shopSku!.sku)];

    const w = s.placeOrder([{ sku: wooSku!.sku, quantity: 2 }]);
    const remote = shop.state.createOrder({ email: 'sam@example.com', lines: [{ sku: shopSku!.sku, quantity: 3 }], shippingAddress: { firstName: 'Sam', lastName: 'Taylor', address1: '221 King St', city: 'Portland', provinceCode: 'OR', zip: '97205', countryCode: 'US' } });
    const wooId = await s.waitFor('the WooCommerce order', () => s.localId(w));
    const shopId = await s.waitFor('the Shopify order', () => repos.sync.version(shopify.channelId, gid('Order', remote.id))?.orderId);
    expect([committed(wooSku!.sku) - before[0]!, committed(shopSku!.sku) - before[1]!]).toEqual([2, 3]);
    const queue = await s.client.call('orders.list', { q: '', limit: 500 });
    expect(queue.rows.filter((r) => r.id === wooId || r.id === shopId).map((r) => r.channelName).sort()).toEqual(['Test Shopify', 'Test WooCommerce']);

    await s.pack(wooId);
    await s.pack(shopId);
    await s.waitFor('both shipments', () => s.emu.store.order(w).status === 'completed' && shop.state.fulfillmentStatus(shop.state.orders.get(remote.id)!) === 'FULFILLED');
    await s.client.call('sync.now', {});
    await s.core.workspace().sync.settled();
    expect(s.emu.store.effectsFor('order.status', w).map((e) => 'to' in e && e.to)).toEqual(['completed']);
    expect(shop.state.orders.get(remote.id)!.fulfillmentIds).toHaveLength(1);
    const status = await s.client.call('sync.status', {});
    expect(status.channels.filter((c) => c.state !== 'not_connected').map((c) => [c.name, c.state, c.failed])).toEqual([['Test WooCommerce', 'online', 0], ['Test Shopify', 'online', 0]]);
  });

  it('the demo shops start in the demo workspace only, connected, and their orders arrive', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const dir = tempDir();
    cleanup.push(() => dir.remove());
    const core = createCore({ dataDir: dir.path, actor: 't', sync: { timing: { idleCheckMs: 40 } } });
    const client = createInMemoryClient(core);
    cleanup.push(() => { client.close(); core.close(); });
    const r = await client.call('sync.startDemoChannels', {});
    expect(r.words).toMatch(/WooCommerce demo shop \(emulated\).*Shopify demo store \(emulated\)/);
    const channels = await client.call('channels.settings', {});
    expect(channels.map((c) => [c.kind, c.connected, c.demo])).toEqual([['woocommerce', true, true], ['shopify', true, true]]);
    for (const c of channels) {
      await expect.poll(async () => (await client.call('orders.list', { q: '', channelId: c.channelId })).total, { timeout: 20_000 }).toBe(6);
    }
    // started again in the same station: the same shops, no second set of channels
    await client.call('sync.startDemoChannels', {});
    expect(await client.call('channels.settings', {})).toHaveLength(2);
    await client.call('workspace.startEmpty', { confirm: true });
    await expect(client.call('sync.startDemoChannels', {})).rejects.toMatchObject({ message: expect.stringMatching(/only in the demo workspace/) });
  });

  it('the station started again with the demo shops: their new orders never repeat a number already in the queue', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const dir = tempDir();
    cleanup.push(() => dir.remove());
    const run = async () => {
      const core = createCore({ dataDir: dir.path, actor: 't', sync: { timing: { idleCheckMs: 40 } } });
      const client = createInMemoryClient(core);
      await client.call('sync.startDemoChannels', {});
      const shops = (await client.call('channels.settings', {})).filter((c) => c.connected);
      for (const c of shops) await expect.poll(async () => (await client.call('orders.list', { q: '', channelId: c.channelId })).total, { timeout: 20_000 }).toBe(6);
      return { core, client };
    };
    const first = await run();
    first.client.close();
    first.core.close();
    await new Promise((r) => setTimeout(r, 1100)); // the shops number from the clock's seconds
    const second = await run();
    cleanup.push(() => { second.client.close(); second.core.close(); });
    const repeated = second.core.workspace().repos.db.$client.prepare('SELECT number, count(*) AS n FROM orders GROUP BY number HAVING n > 1').all();
    expect(repeated).toEqual([]);
    expect((await second.client.call('orders.list', { q: '', limit: 200 })).total).toBeGreaterThanOrEqual(24 + 60);
  });
});
