// The returns bench in the real browser station: a WooCommerce order (emulator over loopback) is shipped,
// the customer returns 2 of its 3 items, and the packer receives the parcel by scanning its RMA, scans the
// items (by scanner and by hand at 150 ms a key), grades one as new and one as damaged with one key each,
// puts them away and refunds. The ledger shows one restock to the SKU's bin location and one to quarantine;
// the shop has exactly one refund of the right amount.

import { rmSync } from 'node:fs';
import { startWooEmulator, type WooEmulator } from '../emulators/woocommerce/woo-emulator';
import { formatMoney } from '../../shared/domain/money';
import { AppShell } from './page-models/app-shell';
import { OrdersPage } from './page-models/orders-page';
import { ReturnsPage } from './page-models/returns-page';
import { SyncPage } from './page-models/sync-page';
import { expect, startStation, test as stationTest, type Station } from './station';
import { prepareDemoData, type DemoData } from './support/pack-demo';
import { connectStationClient } from './support/station-client';

const test = stationTest.extend<{ demo: DemoData; shop: WooEmulator }>({
  demo: async ({}, use) => {
    const demo = await prepareDemoData();
    await use(demo);
    rmSync(demo.dataDir, { recursive: true, force: true });
  },
  station: async ({ demo }, use) => {
    const station: Station = await startStation({ dataDir: demo.dataDir });
    await use(station);
    await station.stop();
  },
  shop: async ({}, use) => {
    const shop = await startWooEmulator();
    await use(shop);
    await shop.stop();
  },
});

// simple demo SKUs (no sizes), each with stock at the main workshop
const SKUS = ['WRAP-BEE', 'POUR-CER', 'PEN-BRS'];

test('a return of 2 of 3 items: received by its RMA, graded new and damaged by key, put away, refunded once on the shop', async ({ page, station, demo, shop }) => {
  test.setTimeout(120_000);
  const client = await connectStationClient(station);
  try {
    for (const sku of SKUS) shop.store.addProduct({ name: sku, sku, price: '12.50', stock: 100 });
    const { channelId } = await client.call('channels.connect', {
      kind: 'woocommerce', name: 'Garage WooCommerce', baseUrl: shop.url, credentials: { consumerKey: shop.consumerKey, consumerSecret: shop.consumerSecret }, pollSeconds: 2, pushStock: false,
    });
    const w = shop.store.addOrder({
      billing: { first_name: 'Zoë', last_name: 'Müller', email: 'zoe@example.de' },
      shipping: { first_name: 'Zoë', last_name: 'Müller', address_1: 'Königstraße 12', city: 'Stuttgart', postcode: '70173', country: 'DE' },
      line_items: SKUS.map((sku) => ({ sku, quantity: 1 })),
    }).id;
    await expect.poll(async () => (await client.call('orders.list', { q: '', channelId, limit: 10 })).total, { timeout: 30_000 }).toBe(1);
    const orderId = (await client.call('orders.list', { q: '', channelId, limit: 10 })).rows[0]!.id;
    // packed and shipped at the bench
    const session = await client.call('pack.open', { orderId });
    for (const l of session.lines) await client.call('pack.scan', { sessionId: session.sessionId, code: demo.codes.get(l.sku)!.retail });
    await client.call('pack.complete', { sessionId: session.sessionId });
    if ((await client.call('orders.get', { id: orderId })).status === 'packed') await client.call('orders.transition', { id: orderId, to: 'shipped' });
    await expect.poll(() => shop.store.order(w).status, { timeout: 30_000 }).toBe('completed');

    // the owner announces the return from the order: 2 of the 3 items, each with its reason
    const order = await client.call('orders.get', { id: orderId });
    const [a, b, c] = SKUS.map((sku) => order.lines.find((l) => l.sku === sku)!);
    const expectedRefund = a!.unitPriceMinor + b!.unitPriceMinor + order.shippingMinor; // the damaged item refunds the shipping
    const shell = new AppShell(page);
    await shell.open(station);
    const orders = new OrdersPage(page);
    await orders.searchFor(order.number);
    await orders.openRow(order.number);
    // a shipped order's status is final, but it is not "nothing more can happen": it can come back
    await expect(page.getByTestId('order-actions')).toHaveText(/^This order has shipped; .* announce a return below\.$/);
    const panel = page.getByTestId('order-returns');
    await panel.getByTestId('announce-return').click();
    const announceLine = (sku: string) => panel.getByTestId('announce-line').and(page.locator(`[data-sku="${sku}"]`));
    await announceLine(a!.sku).getByTestId('announce-quantity').fill('1');
    await announceLine(a!.sku).getByTestId('announce-reason').selectOption('wrong_size');
    await announceLine(b!.sku).getByTestId('announce-quantity').fill('1');
    await announceLine(b!.sku).getByTestId('announce-reason').selectOption('arrived_damaged');
    await panel.getByTestId('announce-customer').check();
    await expect(panel.getByTestId('announce-preview')).toContainText(formatMoney(expectedRefund, order.currency));
    await panel.getByTestId('announce-submit').click();
    await expect(panel.getByTestId('order-return')).toHaveCount(1);
    const rma = (await panel.getByTestId('order-return').getAttribute('data-rma'))!;
    const announced = (await client.call('returns.list', { view: 'expected', q: rma, limit: 5 })).find((r) => r.number === rma)!;
    expect((await client.call('returns.get', { id: announced.id })).lines.map((l) => [l.sku, l.expected])).toEqual([[a!.sku, 1], [b!.sku, 1]]);
    const historyOf = async (variantId: number) => (await client.call('inventory.history', { variantId, limit: 50 })).filter((m) => m.reference === `return:${announced.id}`);

    await page.keyboard.press('Escape'); // back to the queue
    await page.keyboard.press('Alt+0');
    const bench = new ReturnsPage(page);
    await expect(bench.root).toBeVisible();
    await expect(shell.nav('returns')).toHaveAttribute('aria-current', 'page');

    // the parcel arrives: its RMA slip is scanned
    await bench.scan(announced.number);
    await expect(bench.number).toHaveText(announced.number);
    await expect(bench.status).toHaveText('Received');

    // the order's third item is not on this return: refused in words, nothing counted
    await bench.scan(demo.codes.get(c!.sku)!.retail);
    await expect(bench.blocked).toBeVisible();
    await expect(bench.blockedMessage).toContainText(`is not on return ${announced.number}`);
    await page.keyboard.press('Escape');
    await expect(bench.blocked).toBeHidden();
    await expect(bench.progress).toHaveText('0 of 2 items in');

    // first item by scanner, graded "as new" with key 1
    await bench.scan(demo.codes.get(a!.sku)!.retail);
    await expect(bench.gradeKeys).toBeVisible();
    await expect(bench.next).toHaveText(`Grade the ${a!.sku}: press 1 to 5.`);
    await page.keyboard.press('1');
    await expect(bench.gradeKeys).toBeHidden();
    await expect(bench.feedback).toContainText(`${a!.sku}: as new, back on the shelf`);
    await expect(bench.line(a!.sku)).toHaveAttribute('data-graded', '1');

    // second item: its label will not scan, so the packer types it at human speed; graded "damaged" with key 2
    await bench.typeByHand(demo.codes.get(b!.sku)!.retail);
    await bench.expectReceived(b!.sku, 1);
    await expect(bench.gradeKeys).toBeVisible();
    await page.keyboard.press('2');
    await expect(bench.line(b!.sku)).toHaveAttribute('data-graded', '1');
    await expect(bench.line(b!.sku)).toContainText('Damaged: Quarantine');
    await expect(bench.next).toHaveText('Everything announced is in. Press Enter to put it away.');

    // Enter puts everything away
    await page.keyboard.press('Enter');
    await expect(bench.status).toHaveText('Inspected');
    await expect(bench.refundTotal).toHaveText(formatMoney(expectedRefund, order.currency));
    const inspected = await client.call('returns.get', { id: announced.id });
    expect(inspected.preview.totalMinor).toBe(expectedRefund);

    // the ledger: one restock to the SKU's own location (sellable), one to quarantine (not for sale)
    const movesA = await historyOf(a!.variantId!);
    const movesB = await historyOf(b!.variantId!);
    expect(movesA.map((m) => [m.kind, m.locationName, m.onHandDelta])).toEqual([['return', 'Main workshop', 1]]);
    expect(movesB.map((m) => [m.kind, m.locationName, m.onHandDelta])).toEqual([['return', 'Quarantine (returns)', 1]]);

    // Alt+R: the refund dialog; a scan while it is open is said there and not used
    await page.keyboard.press('Alt+r');
    await expect(bench.refundDialog).toBeVisible();
    await bench.scan(announced.number);
    await expect(bench.dialogNote).toContainText(`A scan (${announced.number}) arrived while this window is open, so it was not used.`);
    await expect(bench.refundDialog).toBeVisible();
    expect((await client.call('returns.get', { id: announced.id })).refund).toBeNull();
    // Enter refunds the amount the rules computed
    await page.keyboard.press('Enter');
    await expect(bench.refundDialog).toBeHidden();
    await expect(bench.status).toHaveText('Refunded');
    await expect(bench.refundPush).toHaveAttribute('data-status', 'sent', { timeout: 30_000 });
    await expect(bench.refundPush).toContainText('refunded');

    // the shop has one refund, of the right amount, with the two lines
    const refunds = shop.store.refunds.get(w)!;
    expect(refunds).toHaveLength(1);
    expect(refunds[0]).toMatchObject({ amount: (expectedRefund / 100).toFixed(2), reason: expect.stringContaining(announced.number) });
    expect(refunds[0]!.line_items.map((l) => [l.sku, l.quantity])).toEqual([[a!.sku, -1], [b!.sku, -1]]);
    expect(shop.store.effectsFor('refund.created', w)).toHaveLength(1);
    expect(shell.pageErrors).toEqual([]);
  } finally {
    client.dispose();
  }
});

test('the shop sets its return rules in Settings: restocking fee, who pays the label, a reason of its own; they are kept', async ({ page, station }) => {
  const client = await connectStationClient(station);
  try {
    const shell = new AppShell(page);
    await shell.open(station);
    await shell.go('settings');
    const section = page.getByTestId('returns-section');
    await section.getByTestId('returns-fee').fill('150');
    await section.getByTestId('returns-save').click();
    await expect(section).toContainText('A whole percent from 0 to 100.');
    await section.getByTestId('returns-fee').fill('15');
    await section.getByTestId('returns-paid-by').selectOption('customer');
    await section.getByTestId('returns-new-reason').fill('Wrong colour');
    await section.getByRole('button', { name: 'Add' }).click();
    await section.getByRole('checkbox', { name: 'Wrong colour charges the restocking fee' }).check();
    await section.getByTestId('returns-save').click();
    await expect(shell.notice).toContainText('Return rules saved');
    const rules = await client.call('returns.rules', {});
    expect(rules).toMatchObject({ restockingFeePercent: 15, returnShippingPaidBy: 'customer' });
    expect(rules.reasons.at(-1)).toEqual({ code: 'wrong_colour', label: 'Wrong colour', refundsShipping: false, chargesFee: true });
    await page.reload();
    await expect(shell.connection).toHaveText(/Connected/);
    await shell.go('settings');
    await expect(page.getByTestId('returns-fee')).toHaveValue('15');
  } finally {
    client.dispose();
  }
});

test('a refund the shop refuses is shown in its words on the Sync screen and on the return', async ({ page, station, demo, shop }) => {
  const client = await connectStationClient(station);
  try {
    for (const sku of SKUS) shop.store.addProduct({ name: sku, sku, price: '12.50', stock: 100 });
    const { channelId } = await client.call('channels.connect', {
      kind: 'woocommerce', name: 'Garage WooCommerce', baseUrl: shop.url, credentials: { consumerKey: shop.consumerKey, consumerSecret: shop.consumerSecret }, pollSeconds: 2, pushStock: false,
    });
    const w = shop.store.addOrder({
      billing: { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com' },
      shipping: { first_name: 'Ada', last_name: 'Lovelace', address_1: '12 Return Road', city: 'Leeds', postcode: 'LS2 7EW', country: 'GB' },
      line_items: SKUS.map((sku) => ({ sku, quantity: 1 })),
    }).id;
    await expect.poll(async () => (await client.call('orders.list', { q: '', channelId, limit: 10 })).total, { timeout: 30_000 }).toBe(1);
    const orderId = (await client.call('orders.list', { q: '', channelId, limit: 10 })).rows[0]!.id;
    const session = await client.call('pack.open', { orderId });
    for (const l of session.lines) await client.call('pack.scan', { sessionId: session.sessionId, code: demo.codes.get(l.sku)!.retail });
    await client.call('pack.complete', { sessionId: session.sessionId });
    if ((await client.call('orders.get', { id: orderId })).status === 'packed') await client.call('orders.transition', { id: orderId, to: 'shipped' });
    // most of the order was already refunded in the WooCommerce admin
    shop.store.addRefund(w, { amount: '30.00', reason: 'Goodwill, in the shop admin', api_refund: false });
    const order = await client.call('orders.get', { id: orderId });
    const created = await client.call('returns.create', { orderId, shipping: 'customer', lines: order.lines.slice(0, 2).map((l) => ({ orderLineId: l.id, quantity: 1, reasonCode: 'arrived_damaged' })) });
    await client.call('returns.receive', { returnId: created.id });
    for (const l of order.lines.slice(0, 2)) {
      await client.call('returns.scan', { returnId: created.id, code: demo.codes.get(l.sku)!.retail });
      await client.call('returns.grade', { returnId: created.id, grade: 'damaged' });
    }
    await client.call('returns.finish', { returnId: created.id });
    await client.call('returns.refund', { returnId: created.id });

    const shell = new AppShell(page);
    await shell.open(station);
    await shell.go('sync');
    const sync = new SyncPage(page);
    await expect(sync.errors('Garage WooCommerce')).toContainText('refused refunding order', { timeout: 30_000 });
    await expect(sync.errors('Garage WooCommerce')).toContainText('"Invalid refund amount." Nothing was refunded there.');
    await expect(sync.errors('Garage WooCommerce')).not.toContainText('woocommerce_rest');
    await shell.go('returns');
    await page.getByTestId('returns-tab-done').click();
    await page.getByTestId('returns-row').and(page.locator(`[data-rma="${created.number}"]`)).click();
    const bench = new ReturnsPage(page);
    await expect(bench.refundPush).toHaveAttribute('data-status', 'failed');
    await expect(bench.refundPush).toContainText('Invalid refund amount');
    expect(shop.store.refunds.get(w)).toHaveLength(1);
  } finally {
    client.dispose();
  }
});

test('an exchange is announced from the order: the form takes the SKU to send instead, refuses one not in the catalog in words, and the return carries it', async ({ page, station }) => {
  const client = await connectStationClient(station);
  try {
    const shipped = (await client.call('orders.list', { q: '', status: 'shipped', limit: 10 })).rows[0]!;
    const order = await client.call('orders.get', { id: shipped.id });
    const line = order.lines[0]!;
    const other = (await client.call('orders.list', { q: '', status: 'open', limit: 20 })).rows.length; // the queue before
    const shell = new AppShell(page);
    await shell.open(station);
    const orders = new OrdersPage(page);
    await orders.searchFor(order.number);
    await orders.openRow(order.number);
    const panel = page.getByTestId('order-returns');
    await panel.getByTestId('announce-return').click();
    const announceLine = panel.getByTestId('announce-line').and(page.locator(`[data-sku="${line.sku}"]`));
    await announceLine.getByTestId('announce-quantity').fill('1');
    await announceLine.getByTestId('announce-exchange').pressSequentially('NO-SUCH-SKU', { delay: 150 }); // typed by a person
    await panel.getByTestId('announce-customer').check();
    await panel.getByTestId('announce-submit').click();
    await expect(announceLine).toContainText('SKU NO-SUCH-SKU is not in the catalog.');
    await expect(panel.getByTestId('order-return')).toHaveCount(0);

    await announceLine.getByTestId('announce-exchange').fill(line.sku); // the same item again, in a working size
    await panel.getByTestId('announce-submit').click();
    await expect(panel.getByTestId('order-return')).toHaveCount(1);
    const rma = (await panel.getByTestId('order-return').getAttribute('data-rma'))!;
    const announced = (await client.call('returns.list', { view: 'expected', q: rma, limit: 5 })).find((r) => r.number === rma)!;
    const view = await client.call('returns.get', { id: announced.id });
    expect(view.lines.map((l) => [l.sku, l.expected, l.exchangeSku])).toEqual([[line.sku, 1, line.sku]]);
    expect((await client.call('orders.list', { q: '', status: 'open', limit: 20 })).rows.length).toBe(other); // the new order comes when the parcel is received
  } finally {
    client.dispose();
  }
});
