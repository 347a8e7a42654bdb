import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { gs1CheckDigit } from '../../shared/codes/check-digit';
import { renderZplToPng } from '../../electron/core/labels/render-zpl';
import { startZplPrinterEmulator, type ZplPrinterEmulator } from '../emulators/zpl-printer-emulator';
import { decodeBarcodesFromPng } from '../support/barcodes';
import { mismatchedDots, pngDots, zplPictures } from '../support/zpl-graphics';
import { AppShell } from './page-models/app-shell';
import { PackPage, PhysicalKeyboard, usScannerKeys } from './page-models/pack-page';
import { PrintersSettings } from './page-models/printers-settings';
import { PrintingPage } from './page-models/printing-page';
import { expect, startStation, test as stationTest, type Station } from './station';
import { prepareDemoData, skuNotIn, type DemoData, type DemoOrder } from './support/pack-demo';

/** Each test: a demo data folder whose barcodes are known, a station on it, a TCP label printer emulator. */
const test = stationTest.extend<{ demo: DemoData; printer: ZplPrinterEmulator }>({
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
});

/** Every unit of the order, each as the code a scanner reads: the retail and internal barcodes in turn. */
function unitScans(order: DemoOrder): Array<{ sku: string; code: string; n: number }> {
  return order.lines.flatMap((l) => Array.from({ length: l.quantity }, (_, i) => ({ sku: l.sku, code: i % 2 === 0 ? l.retail : l.internal, n: i + 1 })));
}

function orderWith(demo: DemoData, fits: (o: DemoOrder) => boolean, skip: DemoOrder[] = []): DemoOrder {
  const found = demo.orders.find((o) => fits(o) && !skip.includes(o));
  if (!found) throw new Error('no demo order fits this test');
  return found;
}

const units = (o: DemoOrder) => o.lines.reduce((n, l) => n + l.quantity, 0);

async function useEmulatorAsDefault(shell: AppShell, printer: ZplPrinterEmulator): Promise<void> {
  await shell.go('settings');
  const printers = new PrintersSettings(shell.page);
  await printers.addNetworkPrinter({ name: 'Bench Zebra', host: '127.0.0.1', port: printer.port });
  await printers.expectDefault('Bench Zebra');
}

/** The printer hangs (takes the connection, never reads); the order is packed by scanning, its label goes there. */
async function packOntoHungPrinter(shell: AppShell, pack: PackPage, printer: ZplPrinterEmulator, order: DemoOrder): Promise<void> {
  printer.setState({ acceptNeverRead: true });
  await shell.go('pack');
  await pack.focusNothing();
  await pack.scan(order.number);
  await pack.expectOpen(order.number);
  await packEverything(pack, order);
  await pack.page.keyboard.press('Enter');
  await expect(pack.done).toBeVisible();
}

async function packEverything(pack: PackPage, order: DemoOrder): Promise<void> {
  for (const u of unitScans(order)) {
    await pack.scan(u.code);
    await pack.expectCount(u.sku, u.n);
  }
}

test('packs a demo order by scanner alone: a wrong item and an over-scan are refused, the label reaches the network printer with the order number', async ({ page, station, demo, printer }, testInfo) => {
  const shell = new AppShell(page);
  const pack = new PackPage(page);
  await shell.open(station);
  await useEmulatorAsDefault(shell, printer);

  const order = orderWith(demo, (o) => units(o) >= 3 && o.lines.some((l) => l.quantity >= 2));
  const scans = unitScans(order);
  const first = scans[0]!;

  // scanned on another screen with nothing focused: the order opens on the pack screen
  await shell.go('orders');
  await pack.focusNothing();
  await pack.scan(order.number);
  await expect(shell.nav('pack')).toHaveAttribute('aria-current', 'page');
  await pack.expectOpen(order.number);
  await expect(pack.manual).toHaveValue('');

  await pack.scan(first.code);
  await pack.expectCount(first.sku, 1);
  await expect(pack.feedback).toHaveAttribute('data-outcome', 'accepted');
  await expect(pack.blocked).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('pack-good-scan.png') });

  // a product that is not on the order: red, in words, and not counted
  const wrong = skuNotIn(demo, order);
  await pack.scan(wrong.retail);
  await pack.expectBlocked('wrong_item', /Wrong item/);
  await expect(pack.blockedMessage).toContainText(wrong.sku);
  await page.screenshot({ path: testInfo.outputPath('pack-blocked-scan.png') });
  await pack.expectCount(first.sku, 1);
  await expect(pack.line(wrong.sku)).toHaveCount(0);

  // the next right item clears the red screen by itself
  const second = scans[1]!;
  await pack.scan(second.code);
  await pack.expectCount(second.sku, second.n);
  await expect(pack.blocked).toHaveCount(0);
  for (const u of scans.slice(2)) {
    await pack.scan(u.code);
    await pack.expectCount(u.sku, u.n);
  }
  await expect(pack.next).toContainText('Press Enter');

  // one more of a complete line: refused, the count stays, Escape clears it
  const full = order.lines.find((l) => l.quantity >= 2)!;
  await pack.scan(full.internal);
  await pack.expectBlocked('over_scan', /Too many/);
  await pack.expectCount(full.sku, full.quantity);
  await expect(pack.recentScans.first()).toHaveAttribute('data-outcome', 'over_scan');
  await page.keyboard.press('Escape');
  await expect(pack.blocked).toHaveCount(0);
  await expect(page.locator('[data-testid="recent-scan"][data-outcome="wrong_item"]')).toHaveCount(1);

  // Enter closes the parcel; the label goes to the emulator on its own
  await page.keyboard.press('Enter');
  await expect(pack.done).toContainText(`${order.number} packed`);
  await pack.expectLabel('done', /Printed on Bench Zebra \(the printer confirmed it\)/);
  const [received] = await printer.waitForJobs(1);
  expect(received!.text).toContain('^XA');
  const decoded = await decodeBarcodesFromPng(await renderZplToPng(received!.text));
  expect(decoded).toContainEqual({ format: 'Code128', text: order.number });

  // the preview on screen is drawn from the bytes the printer got, under the app's CSP
  await page.keyboard.press('Alt+V');
  await expect(pack.labelPreview).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await expect(pack.labelPreview.getByRole('img')).toBeVisible();
  const size = await pack.labelPreview.getByRole('img').evaluate((img: HTMLImageElement) => ({ w: img.naturalWidth, h: img.naturalHeight }));
  expect(size).toEqual({ w: 812, h: 1218 }); // ^PW812 ^LL1218: 4x6 in at 8 dots/mm, as the printer lays it out
  await page.screenshot({ path: testInfo.outputPath('pack-completed.png') });
  await pack.labelPreview.screenshot({ path: testInfo.outputPath('pack-label-preview.png') });

  expect(shell.cspViolations).toEqual([]);
  expect(shell.pageErrors).toEqual([]);
});

test('packs an order to a Japanese or Korean address: the pack screen writes the address as its country does, the label prints the name as a picture, and the preview shows exactly those dots', async ({ page, station, demo, printer }, testInfo) => {
  const shell = new AppShell(page);
  const pack = new PackPage(page);
  await shell.open(station);
  await useEmulatorAsDefault(shell, printer);
  const order = orderWith(demo, (o) => o.countryCode === 'JP' || o.countryCode === 'KR');
  const country = order.countryCode === 'JP' ? 'Japan' : 'South Korea';

  await shell.go('pack');
  await pack.focusNothing();
  await pack.scan(order.number);
  await pack.expectOpen(order.number);
  await expect(page.getByTestId('pack-country')).toHaveText(country);
  await expect(page.getByTestId('pack-address')).toContainText(order.customerName);
  await expect(page.getByTestId('pack-address')).toContainText(country.toUpperCase());

  await packEverything(pack, order);
  await page.keyboard.press('Enter');
  await pack.expectLabel('done', /Printed on Bench Zebra/);
  const [received] = await printer.waitForJobs(1);
  const pictures = zplPictures(received!.text);
  expect(pictures.length).toBeGreaterThanOrEqual(2); // the name and the street at least
  expect(received!.text).toContain(`^FD${country.toUpperCase()}^FS`);

  await page.keyboard.press('Alt+V');
  await expect(pack.labelPreview).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  // drawn from the very bytes the printer received
  await expect(pack.labelPreview.locator('figcaption')).toContainText(`${Buffer.byteLength(received!.text).toLocaleString('en-US')} bytes`);
  const src = await pack.labelPreview.getByRole('img').getAttribute('src');
  const preview = pngDots(Buffer.from(src!.replace(/^data:image\/png;base64,/, ''), 'base64'));
  for (const picture of pictures) expect(mismatchedDots(picture, preview)).toBe(0);
  await page.screenshot({ path: testInfo.outputPath('pack-cjk-completed.png') });
  // the bundled font is served under the app's CSP, so a station without CJK fonts shows no boxes
  // (loaded last: parsing a few MB of font must not compete with the scans above)
  const bundled = await page.evaluate(async (face) => (await document.fonts.load(`20px "${face}"`, '山김')).length, order.countryCode === 'JP' ? 'Packbench CJK JP' : 'Packbench CJK KR');
  expect(bundled).toBe(1);
  expect(shell.cspViolations).toEqual([]);
  expect(shell.pageErrors).toEqual([]);
});

test('with the printer off the label fails in words, the next order still packs, and Retry prints it once the printer is back', async ({ page, station, demo, printer }) => {
  const shell = new AppShell(page);
  const pack = new PackPage(page);
  const printing = new PrintingPage(page);
  await shell.open(station);
  await useEmulatorAsDefault(shell, printer);
  await printer.stop();

  const order = orderWith(demo, (o) => units(o) >= 1);
  const next = orderWith(demo, (o) => units(o) >= 2, [order]);
  await shell.go('pack');
  await pack.focusNothing();
  await pack.scan(order.number);
  await pack.expectOpen(order.number);
  await packEverything(pack, order);
  await page.keyboard.press('Enter');
  await expect(pack.done).toBeVisible();
  await pack.expectLabel('failed', /^Printing failed: .*Bench Zebra.*refused the connection on port \d+/);
  await expect(pack.labelStatus.getByTestId('label-retry')).toBeEnabled();

  // a failed label never holds up the bench: the next slip opens and counts
  const firstOfNext = unitScans(next)[0]!;
  await pack.scan(next.number);
  await pack.expectOpen(next.number);
  await pack.scan(firstOfNext.code);
  await pack.expectCount(firstOfNext.sku, 1);
  await pack.expectLabel('failed');

  await page.keyboard.press('Alt+5');
  const failedRow = printing.row(`Label ${order.number}`);
  await expect(failedRow).toHaveAttribute('data-status', 'failed');
  await failedRow.click();
  await expect(printing.words).toHaveText(/^Printing failed: .*refused the connection/);
  expect(printer.jobs).toHaveLength(0);

  await printer.restart();
  await printing.retry.click();
  const [received] = await printer.waitForJobs(1, 10_000);
  await expect(failedRow).toHaveAttribute('data-status', 'done');
  await expect(printing.words).toHaveText('Printed on Bench Zebra (the printer confirmed it)');
  const decoded = await decodeBarcodesFromPng(await renderZplToPng(received!.text));
  expect(decoded).toContainEqual({ format: 'Code128', text: order.number });

  // back on the bench the next order is where it was
  await page.keyboard.press('Alt+2');
  await pack.expectOpen(next.number);
  await pack.expectCount(firstOfNext.sku, 1);
  expect(shell.pageErrors).toEqual([]);
});

test('a printer that accepts the label and never reads it leaves it "not confirmed", and Retry prints it', async ({ page, station, demo, printer }) => {
  const shell = new AppShell(page);
  const pack = new PackPage(page);
  await shell.open(station);
  await useEmulatorAsDefault(shell, printer);
  await packOntoHungPrinter(shell, pack, printer, orderWith(demo, (o) => units(o) >= 1));
  // never shown as printed: the printer did not show it took the label
  await pack.expectLabel('unconfirmed', /^Not confirmed: Printer 'Bench Zebra' .*never showed that it read the label.*press Retry/);
  await expect(pack.labelStatus.getByTestId('label-retry')).toBeEnabled();

  printer.setState({ acceptNeverRead: false });
  await pack.labelStatus.getByTestId('label-retry').click();
  await pack.expectLabel('done', /Printed on Bench Zebra/);
  expect(printer.printed()).toBeGreaterThanOrEqual(1);
  expect(shell.pageErrors).toEqual([]);
});

test('a label stuck on a hung printer is sent to the spare printer from the bench, and prints there', async ({ page, station, demo, printer }) => {
  const spare = await startZplPrinterEmulator();
  try {
    const shell = new AppShell(page);
    const pack = new PackPage(page);
    await shell.open(station);
    await useEmulatorAsDefault(shell, printer);
    await new PrintersSettings(page).addNetworkPrinter({ name: 'Spare Zebra', host: '127.0.0.1', port: spare.port, makeDefault: false });
    const order = orderWith(demo, (o) => units(o) >= 1);
    await packOntoHungPrinter(shell, pack, printer, order);
    await pack.expectLabel('unconfirmed', /^Not confirmed: Printer 'Bench Zebra'/);

    const sendTo = pack.labelStatus.getByTestId('send-to-printer');
    await sendTo.getByTestId('send-to-printer-select').selectOption({ label: 'Spare Zebra' });
    await sendTo.getByTestId('send-to-printer-button').click();
    await pack.expectLabel('done', /Printed on Spare Zebra/);
    const [received] = await spare.waitForJobs(1, 10_000);
    const decoded = await decodeBarcodesFromPng(await renderZplToPng(received!.text));
    expect(decoded).toContainEqual({ format: 'Code128', text: order.number });
    expect(spare.printed()).toBe(1);
    // the bench goes on: the next scan opens the next order
    const next = orderWith(demo, (o) => units(o) >= 1, [order]);
    await pack.focusNothing();
    await pack.scan(next.number);
    await pack.expectOpen(next.number);
    expect(shell.pageErrors).toEqual([]);
  } finally {
    await spare.stop();
  }
});

test('a reload in the middle of an order resumes it with the same counts; x2 after a scan counts a pair', async ({ page, station, demo }) => {
  const shell = new AppShell(page);
  const pack = new PackPage(page);
  await shell.open(station);
  const order = orderWith(demo, (o) => o.lines.length >= 2 && o.lines.some((l) => l.quantity === 2));
  const pair = order.lines.find((l) => l.quantity === 2)!;
  const other = order.lines.find((l) => l !== pair)!;

  await pack.focusNothing();
  await pack.scan(order.number);
  await pack.expectOpen(order.number);
  await pack.scan(other.retail);
  await pack.expectCount(other.sku, 1);
  await pack.scan(skuNotIn(demo, order).internal);
  await pack.expectBlocked('wrong_item');
  await page.keyboard.press('Escape');
  const before = await pack.counts();
  const scansBefore = await pack.recentScans.count();

  await page.reload();
  await expect(shell.connection).toHaveText(/Connected/);
  await expect(shell.nav('pack')).toHaveAttribute('aria-current', 'page');
  await pack.expectOpen(order.number);
  await expect(pack.feedback).toContainText('resumed');
  expect(await pack.counts()).toEqual(before);
  await expect(pack.recentScans).toHaveCount(scansBefore);

  // a case: scan one, then type x2 as a person would (slower than a scanner) and Enter
  await pack.scan(pair.internal);
  await pack.expectCount(pair.sku, 1);
  await page.keyboard.type('x2', { delay: 80 });
  await expect(pack.manual).toHaveValue('x2');
  await page.keyboard.press('Enter');
  await pack.expectCount(pair.sku, 2);
  await expect(pack.manual).toHaveValue('');

  // undo takes the case back
  await pack.focusNothing();
  await page.keyboard.press('Control+z');
  await pack.expectCount(pair.sku, 1);

  // the packing slip is saved as a standalone HTML file (inside the app it would lose its styles to the CSP)
  const download = page.waitForEvent('download');
  await page.keyboard.press('Alt+P');
  const slip = await download;
  expect(slip.suggestedFilename()).toMatch(/^packing-slip-.*\.html$/);
  const html = await readFile((await slip.path())!, 'utf8');
  expect(html).toContain(order.number);
  expect(html).toContain(pair.sku);
  expect(shell.pageErrors).toEqual([]);
});

test('a US-programmed scanner on a French (AZERTY) computer still scans right: keys are read by position', async ({ page, station, demo }) => {
  const shell = new AppShell(page);
  const pack = new PackPage(page);
  await shell.open(station);
  const order = orderWith(demo, (o) => /^[A-Z]+-\d+$/.test(o.number) && units(o) >= 2);
  const [a, b] = unitScans(order);
  const keyboard = await PhysicalKeyboard.attach(page);
  await pack.settle();

  const orderKeys = usScannerKeys(order.number, 'fr');
  // the OS would have typed something else entirely: Z for W, ) for -, &àà... for 1002
  expect(orderKeys.map((k) => k.key).join('')).not.toContain(order.number);
  await pack.focusNothing();
  await keyboard.type(orderKeys);
  await pack.expectOpen(order.number);

  await pack.settle();
  await keyboard.type(usScannerKeys(a!.code, 'fr'));
  await pack.expectCount(a!.sku, a!.n);
  await pack.settle();
  await keyboard.type(usScannerKeys(b!.code, 'fr'));
  await pack.expectCount(b!.sku, b!.n);
  await expect(pack.blocked).toHaveCount(0);
  await expect(pack.manual).toHaveValue('');
  expect(shell.pageErrors).toEqual([]);
});

test('an unknown code is refused, assigned to a SKU with a reason, and counts when scanned again', async ({ page, station, demo }) => {
  const shell = new AppShell(page);
  const pack = new PackPage(page);
  await shell.open(station);
  const order = orderWith(demo, (o) => units(o) >= 1);
  const target = order.lines[0]!;
  const body = '400638133393';
  const unknown = body + gs1CheckDigit(body);

  await pack.focusNothing();
  await pack.scan(order.number);
  await pack.expectOpen(order.number);
  await pack.scan(unknown);
  await pack.expectBlocked('unknown_code', /Unknown code/);
  await pack.expectCount(target.sku, 0);

  await page.keyboard.press('Alt+A');
  const dialog = page.getByTestId('pack-assign');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('pack-assign-code')).toContainText(unknown);
  await dialog.getByTestId('pack-assign-search').fill(target.sku);
  await expect(dialog.getByTestId('pack-assign-result').first()).toHaveAttribute('data-sku', target.sku);
  await dialog.getByTestId('pack-assign-search').press('Enter');
  await expect(dialog.getByTestId('pack-assign-chosen')).toContainText(target.sku);
  await expect(dialog.getByTestId('pack-assign-reason')).toBeFocused();

  // the reason is required, and the refusal says so on the field
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('alert')).toContainText(/at least 3 characters|reason/i);
  await dialog.getByTestId('pack-assign-reason').fill('supplier relabelled this batch');
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(pack.blocked).toHaveCount(0);
  await expect(pack.feedback).toContainText(`now belongs to ${target.sku}`);

  await pack.focusNothing();
  await pack.scan(unknown);
  await pack.expectCount(target.sku, 1);
  await expect(pack.recentScans.first()).toHaveAttribute('data-outcome', 'accepted');
  expect(shell.pageErrors).toEqual([]);
});
