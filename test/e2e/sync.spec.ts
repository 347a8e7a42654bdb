import { startShopifyEmulator, type ShopifyEmulator } from '../emulators/shopify/server';
import { startWooEmulator, type WooEmulator } from '../emulators/woocommerce/woo-emulator';
import { AppShell } from './page-models/app-shell';
import { ChannelsSettings } from './page-models/channels-settings';
import { OrdersPage } from './page-models/orders-page';
import { SyncPage } from './page-models/sync-page';
import { connectStationClient } from './support/station-client';
import { expect, test } from './station';

// simple demo SKUs (no sizes), each with stock at the main workshop
const SKUS = ['WRAP-BEE', 'POUR-CER', 'PEN-BRS', 'SPN-OLV', 'MTCH-040', 'SHRP-PKT', 'PNCL-6', 'DBRS-WD', 'TWN-HMP'];
const SHOP = 'Garage WooCommerce';
const STORE = 'Garage Shopify';

let emu: WooEmulator | null = null;
let store: ShopifyEmulator | null = null;
test.afterEach(async () => { await emu?.stop(); await store?.stop(); emu = null; store = null; });

test('both shops go offline while 50 orders are packed: Sync shows it and the queue; back online, every shipment arrives once', async ({ page, station }) => {
  test.setTimeout(300_000);
  emu = await startWooEmulator();
  store = await startShopifyEmulator();
  const shop = emu;
  const shopify = store;
  for (const sku of SKUS) shopify.state.addProduct({ title: sku, variants: [{ sku, price: '9.50', available: 100 }] });
  const shell = new AppShell(page);
  await shell.open(station);
  await shell.go('settings');
  const settings = new ChannelsSettings(page);
  expect(await settings.connectWooCommerce({ name: SHOP, url: shop.url, key: shop.consumerKey, secret: shop.consumerSecret })).toMatch(/Connected to Emulated WooCommerce/);
  expect(await settings.connectShopify({ name: STORE, url: shopify.url, token: shopify.accessToken })).toMatch(/Connected to Packbench Demo Shop/);

  const woo = Array.from({ length: 25 }, (_, i) => shop.store.addOrder({
    billing: { first_name: 'Zoë', last_name: `Müller ${i}`, email: 'zoe@example.de' },
    shipping: { first_name: 'Zoë', last_name: `Müller ${i}`, address_1: 'Königstraße 12', city: 'Stuttgart', postcode: '70173', country: 'DE' },
    line_items: [{ sku: SKUS[i % SKUS.length]!, quantity: 1 }],
  }).id);
  const shopOrders = Array.from({ length: 25 }, (_, i) => shopify.state.createOrder({
    email: 'sam@example.com', lines: [{ sku: SKUS[(i + 4) % SKUS.length]!, quantity: 1 }],
    shippingAddress: { firstName: 'Søren', lastName: `Kierkegård ${i}`, address1: 'Nørrebrogade 45', city: 'København N', zip: '2200', countryCode: 'DK' },
  }).id);
  const client = await connectStationClient(station);
  try {
    const channels = await client.call('channels.settings', {});
    const channelIds = [SHOP, STORE].map((n) => channels.find((c) => c.name === n)!.channelId);
    for (const channelId of channelIds) {
      await expect.poll(async () => (await client.call('orders.list', { q: '', channelId, limit: 100 })).total, { timeout: 30_000 }).toBe(25);
    }
    // the packer sees them in the queue like any other order
    await shell.go('orders');
    const orders = new OrdersPage(page);
    // (the Shopify store numbers from #1001 too: its order of the same number may be listed beside it)
    await orders.searchFor(`#${woo[0]}`);
    await expect(orders.rows.filter({ hasText: SHOP })).toHaveCount(1);

    // the internet goes: the bench packs on
    await shop.stop();
    await shopify.stop();
    const ids: number[] = [];
    for (const channelId of channelIds) ids.push(...(await client.call('orders.list', { q: '', channelId, limit: 100 })).rows.map((r) => r.id));
    for (const orderId of ids) {
      const view = await client.call('pack.open', { orderId });
      for (const line of view.lines) for (let n = 0; n < line.expected; n++) await client.call('pack.scan', { sessionId: view.sessionId, code: line.sku });
      await client.call('pack.complete', { sessionId: view.sessionId });
    }
    const sync = new SyncPage(page);
    await shell.go('sync');
    for (const name of [SHOP, STORE]) {
      await expect(sync.state(name)).toHaveText(/^Offline since \d\d?:\d\d( [AP]M)?$/, { timeout: 30_000 });
      // the queue depth is the 25 shipments: the bench's own progress (picking, packed) is not a change for the shop
      await expect.poll(async () => (await client.call('sync.status', {})).channels.find((c) => c.name === name)!.waiting).toBe(25);
      await expect(sync.waiting(name)).toHaveText('25');
      await expect(sync.card(name).getByTestId('sync-last-error')).toContainText(/could not be reached|did not answer|unreachable/);
    }
    await expect(sync.indicator).toHaveText(/Offline since \d\d?:\d\d( [AP]M)? — 50 changes waiting/);
    expect(shop.store.effectsFor('order.status')).toEqual([]);
    expect(shopify.state.fulfillments.size).toBe(0);

    // they come back: Sync now, and everything goes out once
    await shop.start();
    await shopify.restart();
    for (const name of [SHOP, STORE]) await sync.syncNow(name).click();
    for (const name of [SHOP, STORE]) {
      await expect(sync.state(name)).toHaveText('Online', { timeout: 60_000 });
      await expect(sync.waiting(name)).toHaveText('0', { timeout: 120_000 });
    }
    await expect(sync.indicator).toHaveText('Shops in sync');
    for (const w of woo) expect(shop.store.effectsFor('order.status', w).map((e) => 'to' in e && e.to)).toEqual(['completed']);
    for (const id of shopOrders) {
      const order = shopify.state.orders.get(id)!;
      expect([order.fulfillmentIds.length, shopify.state.fulfillmentStatus(order)]).toEqual([1, 'FULFILLED']);
    }
    expect(shell.pageErrors).toEqual([]);
  } finally {
    client.dispose();
  }
});
