import { rmSync } from 'node:fs';
import { AppShell } from './page-models/app-shell';
import { DevicesPage } from './page-models/devices-page';
import { PackPage } from './page-models/pack-page';
import { PrintingPage } from './page-models/printing-page';
import { expect, startStation, test as stationTest, type Station } from './station';
import { prepareDemoData, type DemoData } from './support/pack-demo';

const test = stationTest.extend<{ demo: DemoData }>({
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
});

test('the Devices screen: a HID POS scanner scans into the pack station, a USB label printer prints a test label and becomes the label printer, unplugging is said in words', async ({ page, station, demo }) => {
  const shell = new AppShell(page);
  const devices = new DevicesPage(page);
  const pack = new PackPage(page);
  await shell.open(station);
  await shell.go('devices');
  await expect(devices.root.getByTestId('devices-scanner')).toContainText('No scanner in HID POS or serial mode');

  // a scanner in HID POS mode: its reports go through the drivers and the first screen claims the scan
  const scanner = await devices.plugSimulated('scanner');
  await expect(scanner.getByTestId('device-words')).toHaveText(/scans go straight to the screen/);
  await expect(scanner).toContainText('report layout from its descriptor');
  const order = demo.orders[0]!;
  await scanner.getByTestId('simulate-code').fill(order.number);
  await scanner.getByTestId('simulate-scan').click();
  await pack.expectOpen(order.number);
  await expect(shell.nav('pack')).toHaveAttribute('aria-current', 'page');

  // a USB label printer: found with its model and language, test label, then the label printer
  await shell.go('devices');
  const printer = await devices.plugSimulated('printer');
  await expect(printer.getByTestId('device-name')).toHaveText('Zebra Technologies ZD421');
  await expect(printer).toContainText('ZPL (from its device id)');
  await printer.getByTestId('device-test-print').click();
  await expect(shell.notice).toContainText(/calibration label was sent to Zebra Technologies ZD421/);
  await printer.getByTestId('device-make-label-printer').click();
  await expect(shell.notice).toContainText('now prints every label');
  await expect(printer.getByTestId('device-label-printer')).toBeVisible();
  await expect(printer).toHaveAttribute('data-state', 'ready');
  await shell.go('printing');
  const printing = new PrintingPage(page);
  await expect(printing.row('Zebra Technologies ZD421').first()).toBeVisible();

  // pulled out: every screen says so, and the row says how to get it back
  await shell.go('devices');
  await scanner.getByTestId('simulate-unplug').click();
  await expect(shell.notice).toContainText(/Scanner .*: unplugged\. Plug it back in/);
  await expect(scanner).toHaveAttribute('data-state', 'unplugged');
});
