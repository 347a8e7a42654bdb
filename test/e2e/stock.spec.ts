import { readFileSync } from 'node:fs';
import { startShopifyEmulator, type ShopifyEmulator } from '../emulators/shopify/server';
import { startWooEmulator, type WooEmulator } from '../emulators/woocommerce/woo-emulator';
import { AppShell } from './page-models/app-shell';
import { OrderDetailPage } from './page-models/order-detail';
import { OrdersPage } from './page-models/orders-page';
import { PackPage } from './page-models/pack-page';
import { StockPage } from './page-models/stock-page';
import { SyncPage } from './page-models/sync-page';
import { connectStationClient } from './support/station-client';
import { expect, test } from './station';

let emu: WooEmulator | null = null;
let store: ShopifyEmulator | null = null;
test.afterEach(async () => { await emu?.stop(); await store?.stop(); emu = null; store = null; });

test('the owner sees what each shop may sell, finds a drift on Shopify and pushes ours back, and exports the report', async ({ page, station }) => {
  test.setTimeout(120_000);
  emu = await startWooEmulator();
  store = await startShopifyEmulator();
  const client = await connectStationClient(station);
  try {
    const skus = (await client.call('inventory.list', { q: '', offset: 0, limit: 200 })).rows.map((r) => r.sku);
    const unique = [...new Set(skus)];
    for (const sku of unique) {
      emu.store.addProduct({ name: sku, sku, stock: 0 });
      store.state.addProduct({ title: sku, variants: [{ sku, price: '9.50', available: 0 }] });
    }
    await client.call('channels.connect', { kind: 'woocommerce', name: 'Garage WooCommerce', baseUrl: emu.url, credentials: { consumerKey: emu.consumerKey, consumerSecret: emu.consumerSecret }, pollSeconds: 2, pushStock: true });
    await client.call('channels.connect', { kind: 'shopify', name: 'Garage Shopify', baseUrl: store.url, credentials: { accessToken: store.accessToken }, pollSeconds: 2, pushStock: true });
    const sku = unique[0]!;
    await expect.poll(async () => (await client.call('stockSync.overview', { q: sku, offset: 0, limit: 1 })).channels.every((c) => c.waiting === 0 && c.budgetUnits > 0), { timeout: 60_000 }).toBe(true);

    const shell = new AppShell(page);
    await shell.open(station);
    // the Sync screen says what each shop may still sell
    await shell.go('sync');
    const sync = new SyncPage(page);
    await expect(sync.card('Garage Shopify').getByTestId('sync-budget')).toHaveText(/\d+ units/);

    await shell.go('stock');
    const stock = new StockPage(page);
    await expect(stock.budget('Garage WooCommerce')).toContainText(/may sell \d+ units/);

    // someone edits the count in the Shopify admin
    const item = store.state.variantForSku(sku)!.inventoryItemId;
    const told = store.state.availableOf(sku);
    store.state.setQuantity(item, store.state.defaultLocation().id, 'available', told + 5);
    await stock.reconcile.click();
    await expect(stock.report).toContainText(/1 drift found/);
    await expect(stock.drifts).toHaveCount(1);
    await expect(stock.drifts.first()).toContainText(sku);
    await expect(stock.drifts.first()).toContainText('+5');
    await stock.pushOurs.click();
    await expect(stock.drifts.first()).toContainText(`Pushed ours: Garage Shopify is set back from ${told + 5} to ${told}`);
    await expect.poll(() => store!.state.availableOf(sku), { timeout: 15_000 }).toBe(told);

    const download = page.waitForEvent('download');
    await stock.exportCsv.click();
    const csv = readFileSync(await (await download).path(), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('sku,channel,told,shows,drift,available,fix,what was done');
    expect(csv).toContain(`${sku},Garage Shopify,${told},${told + 5},5,`);
    expect(shell.pageErrors).toEqual([]);
  } finally {
    client.close();
  }
});

test('an order that arrives after the last unit was sold shows a banner; the packer back-orders it and the timeline says so', async ({ page, station }) => {
  test.setTimeout(120_000);
  emu = await startWooEmulator();
  const client = await connectStationClient(station);
  try {
    const rows = (await client.call('inventory.list', { q: '', offset: 0, limit: 200 })).rows;
    // channel orders reserve at the first location
    const first = Math.min(...(await client.call('locations.list', {})).map((l) => l.id));
    const row = rows.find((r) => r.locationId === first && r.available > 0 && r.available < 50)!;
    emu.store.addProduct({ name: row.sku, sku: row.sku, stock: 0 });
    await client.call('channels.connect', { kind: 'woocommerce', name: 'Garage WooCommerce', baseUrl: emu.url, credentials: { consumerKey: emu.consumerKey, consumerSecret: emu.consumerSecret }, pollSeconds: 2, pushStock: false });
    const customer = { first_name: 'Zoë', last_name: 'Müller', address_1: 'Königstraße 12', city: 'Stuttgart', postcode: '70173', country: 'DE', email: 'zoe@example.de' };
    const w = emu.store.addOrder({ billing: customer, shipping: customer, line_items: [{ sku: row.sku, quantity: row.available + 2 }] });
    await expect.poll(async () => (await client.call('orders.list', { q: `#${w.id}`, limit: 5 })).total, { timeout: 30_000 }).toBe(1);

    const shell = new AppShell(page);
    await shell.open(station);
    await shell.go('orders');
    const orders = new OrdersPage(page);
    await orders.searchFor(`#${w.id}`);
    await orders.openRow(/Müller/);
    const banner = page.getByTestId('shortage-banner');
    await expect(banner).toContainText(`2 of ${row.available + 2} × ${row.sku} missing`);
    // cancelling needs a reason the customer can read
    await expect(page.getByTestId('shortage-cancel')).toBeDisabled();
    await page.getByTestId('shortage-backorder').click();
    await expect(banner).toHaveCount(0);
    await expect(new OrderDetailPage(page).events.filter({ hasText: /Back-ordered: the order waits for 2 × / })).toHaveCount(1);
    await expect(new OrderDetailPage(page).events.filter({ hasText: /Arrived short: 2 of / })).toHaveCount(1);

    // at the bench the packer scans its packing slip (the order number) and reads why to wait
    await shell.go('pack');
    const pack = new PackPage(page);
    await pack.scan(`#${w.id}`);
    await pack.expectOpen(`#${w.id}`);
    await expect(page.getByTestId('pack-short')).toHaveText(`Back-ordered: it waits for 2 × ${row.sku}. Pack it only once they are here.`);
    expect(shell.pageErrors).toEqual([]);
  } finally {
    client.close();
  }
});
