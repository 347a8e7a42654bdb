import { AppShell } from './page-models/app-shell';
import { PackPage } from './page-models/pack-page';
import { expect, orderWith, test, unitScans, units } from './support/demo-station';

// Issue #13, item 4: a station that stops answering (its process stopped, the socket still open) is
// said in words within a second or two, and each scan made meanwhile shows as waiting until confirmed.

test('with the station not answering the header says so within two seconds, scans wait in sight, and count once it answers', async ({ page, station, demo }) => {
  const shell = new AppShell(page);
  const pack = new PackPage(page);
  const waiting = page.getByTestId('pack-waiting-scan');
  await shell.open(station);
  const order = orderWith(demo, (o) => units(o) >= 3);
  const [a, b, c] = unitScans(order);
  await pack.focusNothing();
  await pack.scan(order.number);
  await pack.expectOpen(order.number);
  await pack.scan(a!.code);
  await pack.expectCount(a!.sku, a!.n);
  const pid = station.process.pid!;

  process.kill(pid, 'SIGSTOP');
  try {
    // idle: the header notices by itself
    const stoppedAt = Date.now();
    await expect(shell.connection).toHaveAttribute('data-state', 'unresponsive', { timeout: 2500 });
    await expect(shell.connection).toHaveText(/Station not answering/);
    expect(Date.now() - stoppedAt).toBeLessThan(2500);

    await pack.scan(b!.code);
    await pack.scan(c!.code);
    await expect(waiting).toHaveText([b!.code, c!.code]);
    await expect(page.getByTestId('pack-waiting')).toContainText('not counted yet');
    await expect(shell.connection).toContainText('2 scans waiting');
    await pack.expectCount(a!.sku, a!.n); // nothing counted behind the packer's back
    await page.waitForTimeout(4000); // a long stall: still waiting, still in sight
    await expect(waiting).toHaveCount(2);
  } finally {
    process.kill(pid, 'SIGCONT');
  }

  await expect(shell.connection).toHaveText(/Connected/, { timeout: 5000 });
  await expect(waiting).toHaveCount(0);
  // both waiting scans counted once, in order, on top of the one before the stall
  const counts = await pack.counts();
  for (const sku of new Set([a!.sku, b!.sku, c!.sku])) {
    expect(counts[sku]).toBe(String([a, b, c].filter((u) => u!.sku === sku).length));
  }
  expect(shell.pageErrors).toEqual([]);
});
