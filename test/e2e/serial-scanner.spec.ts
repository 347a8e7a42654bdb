import { rmSync } from 'node:fs';
import { startPtyPair, type PtyPair } from '../support/pty-pair';
import { AppShell } from './page-models/app-shell';
import { DevicesPage } from './page-models/devices-page';
import { PackPage } from './page-models/pack-page';
import { expect, startStation, test as stationTest, type Station } from './station';
import { prepareDemoData, type DemoData } from './support/pack-demo';

/** A demo data folder, a station on it, and a serial scanner: a real pseudo-terminal pair from socat. */
const test = stationTest.extend<{ demo: DemoData; pty: PtyPair }>({
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
  pty: async ({ demo }, use) => {
    const pty = await startPtyPair(demo.dataDir);
    await use(pty);
    await pty.stop();
  },
});

test('a serial scanner scans into the pack station without using the keyboard, and its unplug and replug are noticed in words', async ({ page, station, demo, pty }) => {
  const shell = new AppShell(page);
  const devices = new DevicesPage(page);
  const pack = new PackPage(page);
  await shell.open(station);

  await shell.go('devices');
  await devices.addSerialScanner(pty.device);
  const id = `serial:${pty.device}`;
  await devices.expectState(id, 'ready', /scans go straight to the screen/);

  const order = demo.orders.find((o) => o.lines.length >= 2 && o.lines[0]!.quantity >= 2) ?? demo.orders.find((o) => o.lines.length >= 2)!;
  await shell.go('orders');
  pty.write(`${order.number}\r\n`);
  await expect(shell.nav('pack')).toHaveAttribute('aria-current', 'page');
  await pack.expectOpen(order.number);

  const first = order.lines[0]!;
  pty.write(`]E0${first.retail.padStart(13, '0')}\r\n`);
  await pack.expectCount(first.sku, 1);
  await expect(pack.feedback).toHaveAttribute('data-outcome', 'accepted');

  // the keyboard stays the packer's: typing in the manual field while the scanner scans
  await pack.manual.click();
  await page.keyboard.type('abc', { delay: 150 });
  const second = order.lines[1]!;
  pty.write(`${second.internal}\r`);
  await pack.expectCount(second.sku, 1);
  await expect(pack.manual).toHaveValue('abc');

  // the cable is pulled: every screen says so within seconds; plugged back, it scans again
  await pty.stop();
  await expect(shell.notice).toContainText(/Serial scanner on .*: unplugged/, { timeout: 5000 });
  await pty.start();
  await expect(shell.notice).toContainText(/plugged back in and ready/, { timeout: 5000 });
  await pack.manual.fill('');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  pty.write(`${first.internal}\n`);
  await pack.expectCount(first.sku, Math.min(2, first.quantity));
});
