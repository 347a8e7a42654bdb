import { startZplPrinterEmulator } from '../emulators/zpl-printer-emulator';
import { AppShell } from './page-models/app-shell';
import { PackPage } from './page-models/pack-page';
import { PrintersSettings } from './page-models/printers-settings';
import { SettingsPage } from './page-models/settings-page';
import { expect, HUMAN_KEY_MS, orderWith, test, units, unitScans } from './support/demo-station';
import type { DemoOrder } from './support/pack-demo';

// Issue #13, items 5, 6 and 8: what the bench says after a split, what "start empty" keeps, a label
// that failed, a printer address that is not one, and Enter after a click on a tab.

async function packAll(pack: PackPage, order: DemoOrder): Promise<void> {
  for (const u of unitScans(order)) {
    await pack.scan(u.code);
    await pack.expectCount(u.sku, u.n);
  }
}

test('putting back parcel 2 of a split order says parcel 1 stays packed, not that nothing was packed', async ({ page, station, demo }) => {
  const shell = new AppShell(page);
  const pack = new PackPage(page);
  await shell.open(station);
  const order = orderWith(demo, (o) => o.lines.length >= 2);
  const first = unitScans(order)[0]!;
  await pack.focusNothing();
  await pack.scan(order.number);
  await pack.expectOpen(order.number);
  await pack.scan(first.code);
  await pack.expectCount(first.sku, 1);

  await page.keyboard.press('Alt+S');
  const split = page.getByTestId('pack-split');
  await expect(split).toContainText('1 item goes in this parcel');
  await page.keyboard.type('back-ordered', { delay: HUMAN_KEY_MS });
  await page.keyboard.press('Enter');
  await expect(pack.done).toContainText('parcel 1 closed');

  await pack.focusNothing();
  await pack.scan(order.number);
  await pack.expectOpen(order.number);
  await expect(page.getByTestId('pack-parcel')).toHaveText('Parcel 2');
  await expect(page.getByTestId('pack-earlier')).toContainText('parcel 1 of this order is already packed');
  await page.keyboard.press('Alt+B');
  const abandon = page.getByTestId('pack-abandon');
  await expect(page.getByTestId('pack-abandon-words')).toContainText('Parcel 1 stays packed');
  await expect(abandon).not.toContainText('nothing is packed');
  await abandon.getByTestId('pack-dialog-submit').click();
  await expect(page.getByRole('status').filter({ hasText: 'was put back' })).toHaveText(`Parcel 2 of order ${order.number} was put back: parcel 1 stays packed, and the rest of the order waits to be packed.`);
  expect(shell.pageErrors).toEqual([]);
});

test('"Start an empty workspace" says what goes and what stays, and keeps the printers and scanner settings', async ({ page, station }) => {
  const shell = new AppShell(page);
  const settings = new SettingsPage(page);
  const printers = new PrintersSettings(page);
  await shell.open(station);
  await shell.go('settings');
  await printers.addNetworkPrinter({ name: 'Bench Zebra', host: '127.0.0.1', port: 9100 });
  await page.getByTestId('scanner-min-length').fill('6');
  await page.getByTestId('scanner-save').click();
  await expect(shell.notice).toContainText(/saved/i);

  await settings.startEmpty.click();
  await expect(page.getByTestId('replace-goes')).toContainText('Every order, product, stock count and movement');
  await expect(page.getByTestId('replace-kept')).toContainText('Kept: your label printers (Virtual label printer, Bench Zebra) and the scanner settings.');
  await settings.confirm();
  await expect(shell.badge).toHaveText('Empty workspace');
  await expect(shell.notice).toContainText('Your printers and scanner settings were kept; the workspace before it is kept under Backups.');
  await printers.expectDefault('Bench Zebra');
  await expect(page.getByTestId('scanner-min-length')).toHaveValue('6');
  expect(shell.pageErrors).toEqual([]);
});

test('a label that failed turns the packed banner red; a printer address that is not one is refused in words, never saved, never made the default', async ({ page, station, demo }) => {
  const shell = new AppShell(page);
  const pack = new PackPage(page);
  const printers = new PrintersSettings(page);
  const printer = await startZplPrinterEmulator();
  await printer.stop(); // a loopback port that refuses: a printer switched off
  await shell.open(station);
  await shell.go('settings');

  // a new printer is not the default until asked
  await printers.section.getByTestId('printer-add').click();
  await expect(printers.section.getByTestId('printer-default-check')).not.toBeChecked();
  await printers.section.getByTestId('printer-name').fill('Typo');
  await printers.section.getByTestId('printer-host').fill('not a host!!');
  await printers.section.getByTestId('printer-save').click();
  await expect(page.getByTestId('printer-host-error')).toHaveText(/not a printer address/);
  await expect(shell.alert).not.toContainText(/\(host\)|\[printers|Too small|expected/);
  await page.getByRole('button', { name: 'Never mind' }).click();
  await expect(printers.row('Typo')).toHaveCount(0);

  await printers.addNetworkPrinter({ name: 'Bench Zebra', host: '127.0.0.1', port: printer.port });
  await printers.row('Bench Zebra').getByTestId('printer-check').click();
  const status = printers.row('Bench Zebra').getByTestId('printer-status');
  await expect(status).toContainText(/offline|not responding|refused/i);
  // every sentence once: the status names each problem in its own words already
  const sentences = (await status.innerText()).split(/(?<=\.)\s+/).filter(Boolean);
  expect(new Set(sentences).size).toBe(sentences.length);

  const order = orderWith(demo, (o) => units(o) >= 1);
  await shell.go('pack');
  await pack.focusNothing();
  await pack.scan(order.number);
  await pack.expectOpen(order.number);
  await packAll(pack, order);
  await page.keyboard.press('Enter');
  await pack.expectLabel('failed');
  await expect(pack.done).toHaveAttribute('data-label', 'failed');
  await expect(pack.done).toHaveClass(/is-label-failed/);
  await expect(pack.done).toHaveAttribute('role', 'alert');
  await expect(pack.done).toContainText(`Label not printed — ${order.number} is packed`);
  const red = await pack.done.evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(red).toBe('rgb(176, 0, 18)');
  expect(shell.pageErrors).toEqual([]);
});

test('after clicking the Pack tab, Enter closes the parcel as the screen says', async ({ page, station, demo }) => {
  const shell = new AppShell(page);
  const pack = new PackPage(page);
  await shell.open(station);
  const order = orderWith(demo, (o) => units(o) >= 1);
  await pack.focusNothing();
  await pack.scan(order.number);
  await pack.expectOpen(order.number);
  await packAll(pack, order);
  await expect(pack.next).toContainText('Press Enter');

  await shell.nav('orders').click();
  await shell.nav('pack').click();
  await expect(shell.nav('pack')).toHaveAttribute('aria-current', 'page');
  await page.keyboard.press('Enter');
  await expect(pack.done).toContainText(`${order.number} packed`);
  // a good label has nothing to retry: no loud, dead Retry button
  await pack.expectLabel('done');
  await expect(page.getByTestId('label-retry')).toHaveCount(0);
  expect(shell.pageErrors).toEqual([]);
});

test('words for people: a mistyped quantity is refused in words and never offered as a barcode; typed codes ignore case; the own slip is not a "wrong item"; undo names the item', async ({ page, station, demo }) => {
  const shell = new AppShell(page);
  const pack = new PackPage(page);
  await shell.open(station);
  const order = orderWith(demo, (o) => units(o) >= 3 && o.lines.length >= 2);
  const [a, b] = unitScans(order);
  await pack.focusNothing();
  await pack.scan(order.number);
  await pack.expectOpen(order.number);
  await pack.scan(a!.code);
  await pack.expectCount(a!.sku, 1);
  const recorded = await pack.recentScans.count();

  for (const [typed, words] of [['x-3', /negative quantity/], ['x1.5', /not a whole number/], ['x', /no number after the x/]] as const) {
    await pack.focusNothing();
    await page.keyboard.type(typed, { delay: HUMAN_KEY_MS });
    await expect(pack.manual).toHaveValue(typed);
    await page.keyboard.press('Enter');
    await pack.expectBlocked('error', words);
    await expect(page.getByTestId('pack-assign-open')).toHaveCount(0);
    await expect(pack.blocked).not.toContainText(/\[pack\.|\(quantity\)|Too small|expected number/);
    await page.keyboard.press('Escape');
  }
  await expect(pack.recentScans).toHaveCount(recorded);
  await pack.expectCount(a!.sku, 1);

  // an internal code typed in lower case is the same code
  const second = order.lines.find((l) => l.sku === b!.sku)!;
  await pack.focusNothing();
  await page.keyboard.type(second.internal.toLowerCase(), { delay: HUMAN_KEY_MS });
  await page.keyboard.press('Enter');
  await pack.expectCount(b!.sku, b!.sku === a!.sku ? 2 : 1);
  await expect(pack.feedback).toHaveAttribute('data-outcome', 'accepted');

  // the order's own packing slip
  await pack.scan(order.number);
  await expect(page.getByTestId('pack-blocked-title')).toHaveText('✗ Packing slip — not an item');
  await page.keyboard.press('Escape');

  // undo says what it took back
  await pack.focusNothing();
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('pack-feedback-message')).toContainText(`Took back 1 × ${b!.sku}`);
  expect(shell.pageErrors).toEqual([]);
});

test('a product scanned on the idle Pack screen shows the product and the open orders that contain it; on Inventory it opens its stock', async ({ page, station, demo }) => {
  const shell = new AppShell(page);
  const pack = new PackPage(page);
  await shell.open(station);
  const order = orderWith(demo, (o) => units(o) >= 1);
  const line = order.lines[0]!;
  await shell.go('pack');
  await pack.focusNothing();
  await pack.scan(line.retail);
  const found = page.getByTestId('pack-found-product');
  await expect(found).toHaveAttribute('data-sku', line.sku);
  await expect(found).toContainText('a product, not a packing slip');
  await expect(page.getByTestId('pack-found-count')).toContainText(/still to pack contain/);
  await expect(found.getByTestId('pack-found-order').filter({ hasText: order.number })).toHaveCount(1);
  await expect(pack.blocked).toHaveCount(0);
  await found.getByTestId('pack-found-order').filter({ hasText: order.number }).click();
  await pack.expectOpen(order.number);
  await page.keyboard.press('Alt+B');
  await page.getByTestId('pack-dialog-submit').click();

  await shell.go('inventory');
  await pack.focusNothing();
  await pack.scan(line.internal);
  await expect(page.getByTestId('stock-panel')).toContainText(line.sku);
  await expect(page.getByTestId('inventory-search')).toHaveValue(line.sku);
  expect(shell.pageErrors).toEqual([]);
});
