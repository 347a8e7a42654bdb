import { devices } from '@playwright/test';
import { AppShell } from './page-models/app-shell';
import { PickingPage } from './page-models/picking-page';
import { expect, test } from './station';

/**
 * The office makes a batch of 10 on the desk screen; a picker walks it on a phone-sized screen, the
 * phone's scanner app typing each bin and item into the scan field; one bin is short. The picked
 * orders then wait at the pack bench and the short one is marked short.
 */
test('a batch of 10 orders picked on a phone by scanning bins and items in path order, one short pick, then ready at the pack station', async ({ browser, page, station }) => {
  const desk = new AppShell(page);
  await desk.open(station);
  // the demo already has a short order of its own
  await page.getByTestId('orders-status-filter').selectOption('short');
  await expect(page.getByTestId('order-row')).toHaveCount(1);
  const shortBefore = 1;
  await page.getByTestId('orders-status-filter').selectOption('');
  await desk.go('picking');
  const office = new PickingPage(page);
  await office.makeBatch(10);

  const { defaultBrowserType: _browser, ...pixel } = devices['Pixel 7'];
  const phoneContext = await browser.newContext(pixel);
  const phonePage = await phoneContext.newPage();
  const phone = new PickingPage(phonePage);
  await phonePage.goto(`${station.url}#picker`);
  await expect(phonePage.getByTestId('picker-app')).toBeVisible();
  expect(phonePage.viewportSize()!.width).toBeLessThan(500);
  await phonePage.getByTestId('pick-open-list').tap();

  // big touch targets: the scan field and its buttons are at least 48 px tall, nothing runs off the screen
  for (const target of [phone.scanInput, phone.shortButton]) expect((await target.boundingBox())!.height).toBeGreaterThanOrEqual(48);
  const scroll = await phonePage.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(scroll).toBeLessThanOrEqual(0);

  // an item before its bin, and a bin that is not the next stop, are refused
  const first = await phone.currentStop();
  await phone.scanIntoField(first.sku);
  await expect(phone.feedback).toHaveAttribute('data-tone', 'bad');
  await expect(phone.feedback).toContainText(`Scan the bin first: ${first.bin}.`);

  const bins: string[] = [];
  let stops = 0;
  let shortSku = '';
  while (!(await phone.finished.isVisible())) {
    const stop = await phone.currentStop();
    stops++;
    if (stops === 3) {
      // the third bin is empty
      await phone.markShort(/bin is empty/i);
      await expect(phone.feedback).toContainText(`Short: ${stop.qty} × ${stop.sku} missing at ${stop.bin}`);
      shortSku = stop.sku;
      continue;
    }
    // every stop starts with its bin's label, also when it is the bin of the stop before
    await phone.scanIntoField(stop.bin);
    await expect(phone.feedback).toContainText(`Bin ${stop.bin}: take ${stop.qty} × ${stop.sku}`);
    bins.push(stop.bin);
    if (stops === 2) {
      await phone.scanIntoField(first.bin === stop.bin ? 'PB99999' : first.bin);
      await expect(phone.feedback).toHaveAttribute('data-tone', 'bad');
      // a wrong bin undoes the bin scanned before it: the right one is scanned again
      await phone.scanIntoField(stop.bin);
      await expect(phone.feedback).toContainText(`Bin ${stop.bin}: take ${stop.qty} × ${stop.sku}`);
    }
    for (let n = 1; n <= stop.qty; n++) {
      await phone.scanIntoField(stop.sku);
      await expect(phone.feedback).toContainText(`${stop.sku}: ${n} of ${stop.qty}.`);
    }
  }
  expect(shortSku).not.toBe('');
  // the walk followed the bins in path order (zone, aisle, shelf, level)
  expect(bins).toEqual([...bins].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })));
  await phoneContext.close();

  // at the desk: the short order(s) in "short", the others waiting at the bench in their totes
  await desk.go('orders');
  await page.getByTestId('orders-status-filter').selectOption('short');
  const shortRows = page.getByTestId('order-row');
  await expect.poll(() => shortRows.count()).toBeGreaterThan(shortBefore);
  const shortCount = (await shortRows.count()) - shortBefore;
  expect(shortCount).toBeGreaterThanOrEqual(1);
  await desk.go('pack');
  await expect(page.getByTestId('ready-order')).toHaveCount(10 - shortCount);
  await page.getByTestId('ready-order').first().click();
  await expect(page.getByTestId('pack-screen')).toHaveAttribute('data-session', 'active');
  expect(desk.pageErrors).toEqual([]);
});
