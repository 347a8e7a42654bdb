import { rmSync } from 'node:fs';
import { AppShell } from './page-models/app-shell';
import { DevicesPage } from './page-models/devices-page';
import { PackPage } from './page-models/pack-page';
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

/** "Should weigh 1.234 kg ± 123 g" → grams */
function grams(text: string): number {
  const m = /Should weigh ([\d.]+) (kg|g)/.exec(text);
  if (!m) throw new Error(`no expected weight in "${text}"`);
  return Math.round(Number(m[1]) * (m[2] === 'kg' ? 1000 : 1));
}

test('a USB scale on the simulated bench: live weight on the pack screen, an unsteady or 20% heavy parcel stopped before its label, the right weight printed', async ({ page, station, demo }) => {
  const shell = new AppShell(page);
  const devices = new DevicesPage(page);
  const pack = new PackPage(page);
  await shell.open(station);

  await shell.go('devices');
  const scale = await devices.plugSimulated('scale');
  await expect(devices.scale).toHaveAttribute('data-state', 'stable');
  await expect(devices.scaleWeight).toHaveText('0 g');

  const order = demo.orders.find((o) => o.lines.length === 1 && o.lines[0]!.quantity === 1) ?? demo.orders[0]!;
  await pack.focusNothing();
  await pack.scan(order.number);
  await pack.expectOpen(order.number);
  for (const l of order.lines) for (let i = 1; i <= l.quantity; i++) { await pack.scan(l.retail); await pack.expectCount(l.sku, i); }
  const expected = page.getByTestId('weight-expected');
  await expect(expected).toContainText('Should weigh');
  const should = grams(await expected.innerText());

  const weighOnBench = async (g: number, moving = false) => {
    await shell.go('devices');
    await scale.getByTestId('simulate-grams').fill(String(g));
    const box = scale.getByTestId('simulate-moving');
    if ((await box.isChecked()) !== moving) await box.click();
    await scale.getByTestId('simulate-weigh').click();
    await expect(devices.scale).toHaveAttribute('data-grams', String(g));
    await expect(devices.scale).toHaveAttribute('data-state', moving ? 'settling' : 'stable');
    await shell.go('pack');
    await pack.expectOpen(order.number);
    await pack.focusNothing(); // Enter must reach the pack screen, not the nav button just clicked
  };

  // still moving: the weight is shown but not taken
  await weighOnBench(should, true);
  await expect(page.getByTestId('weight-panel').getByTestId('scale-card')).toHaveAttribute('data-state', 'settling');
  await page.keyboard.press('Enter');
  await pack.expectBlocked('error', /no steady weight yet/);
  await page.keyboard.press('Escape');

  // 20% too heavy: stopped with the numbers, no label
  await weighOnBench(Math.round(should * 1.2));
  await page.keyboard.press('Enter');
  await pack.expectBlocked('error', /Weight check: the parcel weighs .* but should weigh .*\(20%\) too heavy; no label was made/);
  await expect(pack.labelStatus).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('weight-accept')).toBeVisible();

  // the right weight: packed, and the label carries the weighed grams
  await weighOnBench(should + 4);
  await expect(page.getByTestId('weight-panel').getByTestId('scale-weight')).toHaveText(`${((should + 4) / 1000).toFixed(3)} kg`.replace(/^0\.(\d{3}) kg$/, (_m, g: string) => `${Number(g)} g`));
  await page.keyboard.press('Enter');
  await expect(pack.done).toContainText(`${order.number} packed`);
  await pack.expectLabel('done');

  // unplugged: said on the screen the packer is on
  await shell.go('devices');
  await scale.getByTestId('simulate-unplug').click();
  await expect(shell.notice).toContainText(/Scale .*M10.*: unplugged/);
  await expect(devices.scale).toHaveCount(0);
});
