import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { renderZplToPng } from '../../electron/core/labels/render-zpl';
import { startEasyPostEmulator, type EasyPostEmulator } from '../emulators/easypost-emulator';
import { startZplPrinterEmulator, type ZplPrinterEmulator } from '../emulators/zpl-printer-emulator';
import { decodeBarcodesFromPng } from '../support/barcodes';
import { AppShell } from './page-models/app-shell';
import { CarriersSettings } from './page-models/carriers-settings';
import { PackPage } from './page-models/pack-page';
import { PrintersSettings } from './page-models/printers-settings';
import { expect, startStation, test as stationTest, type Station } from './station';
import { prepareDemoData, type DemoData, type DemoOrder } from './support/pack-demo';

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

test('pack → rate → buy → the carrier label on the TCP printer, its barcode is the tracking number, the fulfilment carries it', async ({ page, station, demo, printer, easypost }, testInfo) => {
  const shell = new AppShell(page);
  const pack = new PackPage(page);
  await shell.open(station);
  await setUp(shell, printer, easypost);
  const order = demo.orders.find((o) => o.customerName === 'James Carter')!;
  await shell.go('pack');
  await packAtBench(pack, order);

  const status = page.getByTestId('shipment-status');
  await expect(status).toHaveAttribute('data-status', 'bought', { timeout: 20_000 });
  expect(easypost.purchases).toHaveLength(1);
  const tracking = easypost.purchases[0]!.tracking;
  await expect(page.getByTestId('shipment-status-words')).toContainText(tracking);
  await pack.expectLabel('done', /Sent to Bench Zebra/);
  const [received] = await printer.waitForJobs(1, 15_000);
  const decoded = await decodeBarcodesFromPng(await renderZplToPng(received!.text));
  expect(decoded).toContainEqual({ format: 'Code128', text: tracking });
  // the preview is drawn from the same bytes the printer got
  await page.keyboard.press('Alt+V');
  await expect(pack.labelPreview).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await page.screenshot({ path: testInfo.outputPath('carrier-label-bought.png') });

  // Shipments screen: today's label with its tracking; reprint sends the same bytes again
  await shell.go('shipments');
  const row = page.getByTestId('shipment-row').filter({ hasText: order.number });
  await expect(row).toHaveAttribute('data-status', 'bought');
  await expect(row.getByTestId('shipment-tracking')).toHaveText(tracking);
  await row.getByTestId('shipment-reprint').click();
  const jobs = await printer.waitForJobs(2, 15_000);
  expect(jobs[1]!.text).toBe(jobs[0]!.text);
  // end of day: the manifest is made and printed
  await page.getByTestId('manifest-create').filter({ hasText: 'EasyPost' }).click();
  await expect(page.getByTestId('manifest-row').first()).toContainText('1 label(s)');
  const withManifest = await printer.waitForJobs(3, 15_000);
  expect(withManifest[2]!.text).toContain(tracking);
  expect(easypost.scanForms).toHaveLength(1);
  await page.screenshot({ path: testInfo.outputPath('shipments-screen.png') });
  expect(shell.pageErrors).toEqual([]);
  expect(shell.cspViolations).toEqual([]);

  // the channel sync is not on main yet: the fulfilment waits in the outbox, with the tracking
  await station.stop();
  const db = new Database(join(demo.dataDir, 'packbench.db'), { readonly: true });
  try {
    const rows = (db.prepare("SELECT payload FROM outbox WHERE topic = 'order.fulfilled'").all() as Array<{ payload: string }>).map((r) => JSON.parse(r.payload));
    const mine = rows.filter((p) => p.orderId === order.id);
    expect(mine).toHaveLength(1);
    expect(mine[0].tracking).toMatchObject({ number: tracking, company: 'USPS' });
  } finally {
    db.close();
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
