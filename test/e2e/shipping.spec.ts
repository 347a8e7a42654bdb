import { rmSync } from 'node:fs';
import { renderZplToPng } from '../../electron/core/labels/render-zpl';
import { startEasyPostEmulator, type EasyPostEmulator } from '../emulators/easypost-emulator';
import { startWooEmulator } from '../emulators/woocommerce/woo-emulator';
import { startZplPrinterEmulator, type ZplPrinterEmulator } from '../emulators/zpl-printer-emulator';
import { decodeBarcodesFromPng } from '../support/barcodes';
import { AppShell } from './page-models/app-shell';
import { CarriersSettings } from './page-models/carriers-settings';
import { ChannelsSettings } from './page-models/channels-settings';
import { PackPage } from './page-models/pack-page';
import { PrintersSettings } from './page-models/printers-settings';
import { expect, startStation, test as stationTest, type Station } from './station';
import { prepareDemoData, type DemoData, type DemoOrder } from './support/pack-demo';
import { connectStationClient } from './support/station-client';

const test = stationTest.extend<{ demo: DemoData; printer: ZplPrinterEmulator; easypost: EasyPostEmulator }>({
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
  printer: async ({}, use) => {
    const printer = await startZplPrinterEmulator();
    await use(printer);
    await printer.stop();
  },
  easypost: async ({}, use) => {
    const easypost = await startEasyPostEmulator();
    await use(easypost);
    await easypost.stop();
  },
});

function unitCodes(order: DemoOrder): Array<{ sku: string; code: string; n: number }> {
  return order.lines.flatMap((l) => Array.from({ length: l.quantity }, (_, i) => ({ sku: l.sku, code: i % 2 === 0 ? l.retail : l.internal, n: i + 1 })));
}

async function setUp(shell: AppShell, printer: ZplPrinterEmulator, easypost: EasyPostEmulator) {
  await shell.go('settings');
  await new PrintersSettings(shell.page).addNetworkPrinter({ name: 'Bench Zebra', host: '127.0.0.1', port: printer.port });
  const carriers = new CarriersSettings(shell.page);
  await carriers.addAccount({ kind: 'easypost', name: 'EasyPost', apiKey: 'EZTKe2e', baseUrl: easypost.url });
  await carriers.buyLabels();
}

async function packAtBench(pack: PackPage, order: DemoOrder) {
  await pack.focusNothing();
  await pack.scan(order.number);
  await pack.expectOpen(order.number);
  // the packer's hands are on the scanner, not in a field
  await pack.focusNothing();
  for (const u of unitCodes(order)) {
    await pack.scan(u.code);
    await pack.expectCount(u.sku, u.n);
  }
  await pack.page.keyboard.press('Enter');
  await expect(pack.done).toContainText(`${order.number} packed`);
}

test('a shop\'s order: pack → rate → buy → the label on the TCP printer scans as the tracking → WooCommerce shows it shipped with that tracking; void, buy again, manifest', async ({ page, station, demo, printer, easypost }, testInfo) => {
  test.setTimeout(180_000);
  // numbered apart from the demo's own #10xx orders: a shared number opens neither order (pack-flow.test covers that)
  const shop = await startWooEmulator({ firstId: 7000 });
  try {
    const shell = new AppShell(page);
    const pack = new PackPage(page);
    await shell.open(station);
    await setUp(shell, printer, easypost);
    expect(await new ChannelsSettings(page).connectWooCommerce({ name: 'Garage WooCommerce', url: shop.url, key: shop.consumerKey, secret: shop.consumerSecret }))
      .toMatch(/Connected to Emulated WooCommerce/);
    // a customer in the US orders on the shop; customs come from the catalog (the shop is in GB)
    const codes = demo.codes.get('PEN-BRS')!;
    const wooId = shop.store.addOrder({
      billing: { first_name: 'James', last_name: 'Carter', email: 'james@example.com', phone: '+1 650 555 0100' },
      shipping: { first_name: 'James', last_name: 'Carter', address_1: '1600 Amphitheatre Pkwy', city: 'Mountain View', state: 'CA', postcode: '94043', country: 'US', phone: '+1 650 555 0100' },
      line_items: [{ sku: codes.sku, quantity: 2 }],
    }).id;
    const client = await connectStationClient(station);
    let order: DemoOrder;
    try {
      const channelId = (await client.call('channels.settings', {})).find((c) => c.name === 'Garage WooCommerce')!.channelId;
      await expect.poll(async () => (await client.call('orders.list', { q: '', channelId, limit: 10 })).total, { timeout: 30_000 }).toBe(1);
      const row = (await client.call('orders.list', { q: '', channelId, limit: 10 })).rows[0]!;
      order = { id: row.id, number: row.number, customerName: 'James Carter', countryCode: 'US', lines: [{ ...codes, quantity: 2, title: codes.sku }] };
    } finally {
      client.dispose();
    }
    await shell.go('pack');
    await packAtBench(pack, order);

    const status = page.getByTestId('shipment-status');
    await expect(status).toHaveAttribute('data-status', 'bought', { timeout: 20_000 });
    expect(easypost.purchases).toHaveLength(1);
    const tracking = easypost.purchases[0]!.tracking;
    await expect(page.getByTestId('shipment-status-words')).toContainText(tracking);
    await pack.expectLabel('done', /Printed on Bench Zebra/);
    const [received] = await printer.waitForJobs(1, 15_000);
    const decoded = await decodeBarcodesFromPng(await renderZplToPng(received!.text));
    expect(decoded).toContainEqual({ format: 'Code128', text: tracking });
    // bought means shipped: still the whole order, never "parcel 1 closed, the rest waits"
    await expect(pack.done).toContainText(`${order.number} packed`);
    await expect(pack.done).not.toContainText('the rest of the order');
    // the preview is drawn from the same bytes the printer got
    await page.keyboard.press('Alt+V');
    await expect(pack.labelPreview).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
    await page.screenshot({ path: testInfo.outputPath('carrier-label-bought.png') });

    // the shop heard: the order is completed there and the customer got a note with that tracking number
    const notes = () => (shop.store.notes.get(wooId) ?? []).filter((n) => n.customer_note).map((n) => n.note);
    await expect.poll(() => shop.store.effectsFor('order.status', wooId).map((e) => 'to' in e && e.to), { timeout: 30_000 }).toEqual(['completed']);
    expect(notes()).toEqual([expect.stringContaining(`Tracking number: ${tracking}.`)]);

    // Shipments screen: today's label with its tracking; reprint sends the same bytes again; where the parcel is
    await shell.go('shipments');
    const rows = page.getByTestId('shipment-row').filter({ hasText: order.number });
    const row = rows.and(page.locator('[data-status="bought"]'));
    await expect(row.getByTestId('shipment-tracking')).toHaveText(tracking);
    await row.getByTestId('shipment-reprint').click();
    const jobs = await printer.waitForJobs(2, 15_000);
    expect(jobs[1]!.text).toBe(jobs[0]!.text);
    // each question to the carrier emulator moves the parcel one step (the station's own poller may ask too)
    const journey = ['pre_transit', 'in_transit', 'out_for_delivery', 'delivered'];
    const where = row.getByTestId('shipment-where');
    await row.getByTestId('shipment-track').click();
    await expect(where).toHaveText(/^(Label made, not handed over yet|On its way|Out for delivery).*, checked/);
    const before = journey.indexOf((await where.getAttribute('data-tracking'))!);
    await row.getByTestId('shipment-track').click();
    await expect.poll(async () => journey.indexOf((await where.getAttribute('data-tracking'))!)).toBeGreaterThan(before);

    // the label was wrong (say, the box changed): void it, buy again; the shop gets the new tracking only
    // a label on a parcel is voided only when the packer says so twice: "keep" leaves it bought
    await row.getByTestId('shipment-void').click();
    const ask = page.getByRole('dialog', { name: /^Void the .* label / });
    await expect(ask).toContainText('A parcel already carrying it must not be handed over');
    await ask.getByRole('button', { name: 'Keep things as they are' }).click();
    await expect(ask).toHaveCount(0);
    await expect(row).toHaveCount(1);
    expect(easypost.refunds).toHaveLength(0);
    await row.getByTestId('shipment-void').click();
    await ask.getByRole('button', { name: 'Void the label' }).click();
    const voided = rows.and(page.locator('[data-status="voided"]'));
    await expect(voided).toHaveCount(1, { timeout: 15_000 });
    await voided.getByTestId('shipment-buy-again').click();
    await expect(rows.and(page.locator('[data-status="bought"]'))).toHaveCount(1, { timeout: 20_000 });
    await expect(voided.getByTestId('shipment-buy-again')).toHaveCount(0);
    expect(easypost.purchases).toHaveLength(2);
    const second = easypost.purchases[1]!;
    expect(second.reference).not.toBe(easypost.purchases[0]!.reference);
    await expect(row.getByTestId('shipment-tracking')).toContainText(second.tracking);
    const third = await printer.waitForJobs(3, 15_000);
    expect(await decodeBarcodesFromPng(await renderZplToPng(third[2]!.text))).toContainEqual({ format: 'Code128', text: second.tracking });
    await expect.poll(notes, { timeout: 30_000 }).toHaveLength(2);
    // newest first, as WooCommerce lists notes: the customer reads the new number and the one it replaces
    expect(notes()[0]).toContain(`tracking number ${second.tracking} (instead of ${easypost.purchases[0]!.tracking})`);

    // end of day: the manifest holds the live label only, and is printed
    await page.getByTestId('manifest-create').filter({ hasText: 'EasyPost' }).click();
    await expect(page.getByTestId('manifest-row').first()).toContainText('1 label(s)');
    const withManifest = await printer.waitForJobs(4, 15_000);
    expect(withManifest[3]!.text).toContain(second.tracking);
    expect(withManifest[3]!.text).not.toContain(tracking);
    expect(easypost.scanForms).toHaveLength(1);
    await page.screenshot({ path: testInfo.outputPath('shipments-screen.png') });
    expect(shell.pageErrors).toEqual([]);
    expect(shell.cspViolations).toEqual([]);
  } finally {
    await shop.stop();
  }
});

test('with the carrier down the packer sees "label pending" and goes on; the label prints by itself once the carrier is back', async ({ page, station, demo, printer, easypost }) => {
  const shell = new AppShell(page);
  const pack = new PackPage(page);
  await shell.open(station);
  await setUp(shell, printer, easypost);
  await easypost.down();
  const order = demo.orders.find((o) => o.customerName === 'Zoë Müller')!;
  await shell.go('pack');
  await packAtBench(pack, order);
  const status = page.getByTestId('shipment-status');
  await expect(status).toHaveAttribute('data-status', /pending|buying/);
  await expect(page.getByTestId('shipment-status-words')).toHaveText(/Label pending: EasyPost could not be reached.*Nothing was bought yet/, { timeout: 15_000 });

  await page.keyboard.press('Alt+5');
  await expect(page.getByTestId('pending-label').filter({ hasText: order.number })).toContainText('Label pending');
  expect(printer.jobs).toHaveLength(0);

  await easypost.up();
  const [received] = await printer.waitForJobs(1, 30_000);
  await expect(page.getByTestId('pending-label')).toHaveCount(0, { timeout: 15_000 });
  expect(easypost.purchases).toHaveLength(1);
  const decoded = await decodeBarcodesFromPng(await renderZplToPng(received!.text));
  expect(decoded).toContainEqual({ format: 'Code128', text: easypost.purchases[0]!.tracking });
  expect(shell.pageErrors).toEqual([]);
});

test('a newcomer with --demo-carriers buys a label with no account anywhere', async ({ page, demo, printer }) => {
  const station = await startStation({ dataDir: demo.dataDir, env: { PACKBENCH_DEMO_CARRIERS: '1' } });
  try {
    const shell = new AppShell(page);
    const pack = new PackPage(page);
    await shell.open(station);
    await shell.go('settings');
    await new PrintersSettings(page).addNetworkPrinter({ name: 'Bench Zebra', host: '127.0.0.1', port: printer.port });
    await expect(page.getByTestId('carrier-row').filter({ hasText: 'Demo EasyPost (emulator)' })).toContainText('key stored');
    await shell.go('pack');
    await packAtBench(pack, demo.orders.find((o) => o.customerName === 'James Carter')!);
    await expect(page.getByTestId('shipment-status')).toHaveAttribute('data-status', 'bought', { timeout: 20_000 });
    const words = await page.getByTestId('shipment-status-words').innerText();
    const tracking = /tracking (\S+)\./.exec(words)![1]!;
    const [received] = await printer.waitForJobs(1, 15_000);
    expect(await decodeBarcodesFromPng(await renderZplToPng(received!.text))).toContainEqual({ format: 'Code128', text: tracking });
  } finally {
    await station.stop();
  }
});
