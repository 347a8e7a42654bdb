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

let emu: WooEmulator | null = null;
test.afterEach(async () => { await emu?.stop(); emu = null; });

test('the shop goes offline while 50 orders are packed: Sync shows it and the queue; back online, every shipment arrives once', async ({ page, station }) => {
  test.setTimeout(240_000);
  emu = await startWooEmulator();
  const shop = emu;
  const shell = new AppShell(page);
  await shell.open(station);
  await shell.go('settings');
  const tested = await new ChannelsSettings(page).connectWooCommerce({ name: SHOP, url: shop.url, key: shop.consumerKey, secret: shop.consumerSecret });
  expect(tested).toMatch(/Connected to Emulated WooCommerce/);

  const woo = Array.from({ length: 50 }, (_, i) => shop.store.addOrder({
    billing: { first_name: 'Zoë', last_name: `Müller ${i}`, email: 'zoe@example.de' },
    shipping: { first_name: 'Zoë', last_name: `Müller ${i}`, address_1: 'Königstraße 12', city: 'Stuttgart', postcode: '70173', country: 'DE' },
    line_items: [{ sku: SKUS[i % SKUS.length]!, quantity: 1 }],
  }).id);
  const client = await connectStationClient(station);
  try {
    const channelId = (await client.call('channels.settings', {})).find((c) => c.name === SHOP)!.channelId;
    await expect.poll(async () => (await client.call('orders.list', { q: '', channelId, limit: 100 })).total, { timeout: 30_000 }).toBe(50);
    // the packer sees them in the queue like any other order
    await shell.go('orders');
    const orders = new OrdersPage(page);
    await orders.searchFor(`#${woo[0]}`);
    await expect(orders.rows.first()).toContainText(SHOP);

    // the internet goes: the bench packs on
    await shop.stop();
    const ids = (await client.call('orders.list', { q: '', channelId, limit: 100 })).rows.map((r) => r.id);
    for (const orderId of ids) {
      const view = await client.call('pack.open', { orderId });
      for (const line of view.lines) for (let n = 0; n < line.expected; n++) await client.call('pack.scan', { sessionId: view.sessionId, code: line.sku });
      await client.call('pack.complete', { sessionId: view.sessionId });
    }
    const sync = new SyncPage(page);
    await shell.go('sync');
    await expect(sync.state(SHOP)).toHaveText(/^Offline since \d\d?:\d\d( [AP]M)?$/, { timeout: 30_000 });
    // the queue depth is the 50 shipments: the bench's own progress (picking, packed) is not a change for the shop
    await expect.poll(async () => (await client.call('sync.status', {})).channels.find((c) => c.name === SHOP)!.waiting).toBe(50);
    const waiting = 50;
    await expect(sync.waiting(SHOP)).toHaveText(waiting.toLocaleString('en'));
    await expect(sync.indicator).toHaveText(new RegExp(`Offline since \\d\\d?:\\d\\d( [AP]M)? — ${waiting} changes waiting`));
    await expect(sync.card(SHOP).getByTestId('sync-last-error')).toContainText(/could not be reached|did not answer/);
    expect(shop.store.effectsFor('order.status')).toEqual([]);

    // it comes back: one press of Sync now, and everything goes out once
    await shop.start();
    await sync.syncNow(SHOP).click();
    await expect(sync.state(SHOP)).toHaveText('Online', { timeout: 60_000 });
    await expect(sync.waiting(SHOP)).toHaveText('0', { timeout: 120_000 });
    await expect(sync.indicator).toHaveText('Shops in sync');
    for (const w of woo) expect(shop.store.effectsFor('order.status', w).map((e) => 'to' in e && e.to)).toEqual(['completed']);
    expect(shell.pageErrors).toEqual([]);
  } finally {
    client.dispose();
  }
});
