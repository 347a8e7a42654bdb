import { AppShell } from './page-models/app-shell';
import { InventoryPage } from './page-models/inventory-page';
import { OrderDetailPage } from './page-models/order-detail';
import { OrdersPage } from './page-models/orders-page';
import { PackPage, PhysicalKeyboard, usScannerKeys } from './page-models/pack-page';
import { WarehousePage } from './page-models/warehouse-page';
import { expect, HUMAN_KEY_MS, orderWith, test, units, unitScans } from './support/demo-station';

// Issue #13, items 1-3: fields where a person types get exactly what was typed, at a person's speed
// and at a fast typist's; a scan goes to the focused field; Enter acts on what is in the box now.

test('a shelf count gets exactly what was typed, at human speed and faster: "-5", "1.5" and "2e1" are refused in words, never recorded as 5, 5 or 1', async ({ page, station, demo }) => {
  const shell = new AppShell(page);
  const inventory = new InventoryPage(page);
  await shell.open(station);
  await shell.go('inventory');
  const { sku, location, onHand } = await inventory.firstRowSku();
  await inventory.select(sku, location);
  const adjustments = inventory.movements.and(page.locator('[data-kind="adjust"]'));

  for (const [typed, words] of [['-5', /cannot be below zero/], ['1.5', /whole units/], ['2e1', /digits only/]] as const) {
    await inventory.counted.click();
    await page.keyboard.type(typed, { delay: HUMAN_KEY_MS });
    await expect(inventory.counted).toHaveValue(typed);
    await inventory.reason.click();
    await page.keyboard.type('recount', { delay: HUMAN_KEY_MS });
    await expect(inventory.reason).toHaveValue('recount');
    await inventory.submit.click();
    await expect(page.getByTestId('adjust-counted-error')).toHaveText(words);
    await expect(inventory.panelOnHand).toHaveText(String(onHand));
    await expect(adjustments).toHaveCount(0);
    await inventory.reason.fill('');
  }

  // a fast typist (keys 25 ms apart, as close as a scanner's) still gets exactly what was typed
  await inventory.counted.click();
  await page.keyboard.type('-7', { delay: 25 });
  await expect(inventory.counted).toHaveValue('-7');

  const counted = onHand + 12;
  await page.keyboard.press('Control+a');
  await page.keyboard.type(String(counted), { delay: HUMAN_KEY_MS });
  await expect(page.getByTestId('adjust-effect')).toHaveText(`Records +12 (${onHand} → ${counted}).`);
  await inventory.reason.click();
  await page.keyboard.type('found a box', { delay: HUMAN_KEY_MS });
  await page.keyboard.press('Enter');
  await expect(inventory.panelOnHand).toHaveText(String(counted));
  await expect(adjustments).toHaveCount(1);
  await expect(adjustments.first()).toContainText('+12');

  // a barcode scanned while the count has the focus never becomes a count: it finds its product
  const other = [...demo.codes.values()].find((c) => c.sku !== sku)!;
  await inventory.counted.click();
  await inventory.counted.fill('3');
  const keyboard = await PhysicalKeyboard.attach(page);
  await keyboard.type(usScannerKeys(other.retail, 'us'));
  await expect(inventory.panel).toContainText(other.sku);
  await expect(inventory.row(other.sku).first()).toHaveAttribute('aria-current', 'true');
  await expect(adjustments).toHaveCount(0); // the new row's history: nothing recorded for it
  await shell.go('inventory');
  await inventory.search.fill(sku);
  await inventory.select(sku, location);
  await expect(inventory.panelOnHand).toHaveText(String(counted));
  expect(shell.pageErrors).toEqual([]);
});

test('Enter in the queue search opens what the box holds now, typed at human speed or scanned, never the previous results', async ({ page, station }) => {
  const shell = new AppShell(page);
  const orders = new OrdersPage(page);
  const detail = new OrderDetailPage(page);
  await shell.open(station);
  await orders.expectTotal(60);
  const newest = (await orders.rows.first().locator('.col-number').innerText()).trim();
  expect(newest).not.toBe('WC-1056');

  // Enter right after the last key, well inside the search's pause
  await page.keyboard.press('/');
  await page.keyboard.type('WC-1056', { delay: HUMAN_KEY_MS });
  await page.keyboard.press('Enter');
  await detail.expectOpen('WC-1056');

  await page.keyboard.press('Escape');
  await expect(detail.root).toHaveCount(0);
  await page.keyboard.press('/');
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Backspace');
  // a scanner into the focused search box: the code goes into the box and its Enter opens that order
  const keyboard = await PhysicalKeyboard.attach(page);
  await keyboard.type(usScannerKeys('MP-1045', 'us'));
  await detail.expectOpen('MP-1045');
  await page.keyboard.press('Escape');
  await expect(orders.search).toHaveValue('MP-1045');

  // nothing matches: said in words, nothing opens
  await page.keyboard.press('/');
  await page.keyboard.type('ZZ-404', { delay: HUMAN_KEY_MS });
  await page.keyboard.press('Enter');
  await expect(shell.notice).toContainText('No order matches “ZZ-404”');
  await expect(detail.root).toHaveCount(0);
  expect(shell.pageErrors).toEqual([]);
});

test('a scan while a dialog is open goes into the focused field, and never to the order behind the dialog', async ({ page, station, demo }) => {
  const shell = new AppShell(page);
  const pack = new PackPage(page);
  await shell.open(station);
  const order = orderWith(demo, (o) => units(o) >= 2);
  const first = unitScans(order)[0]!;
  await pack.focusNothing();
  await pack.scan(order.number);
  await pack.expectOpen(order.number);
  await pack.scan(first.code);
  await pack.expectCount(first.sku, 1);
  const scansBefore = await pack.recentScans.count();

  await page.keyboard.press('Alt+O');
  const dialog = page.getByTestId('pack-override');
  await expect(dialog).toBeVisible();
  const supervisor = dialog.getByTestId('pack-override-supervisor');
  await supervisor.click();
  // a supervisor badge scanned at scanner speed lands in the focused field; its Enter does not submit
  await pack.scan('SUP-ANNA-07');
  await expect(supervisor).toHaveValue('SUP-ANNA-07');
  await expect(dialog).toBeVisible();
  await expect(pack.blocked).toHaveCount(0);
  await expect(dialog.getByRole('alert')).toHaveCount(0);

  // typed at human speed, the reason is exactly what was typed
  await dialog.getByTestId('pack-override-reason').click();
  await page.keyboard.type('label torn off', { delay: HUMAN_KEY_MS });
  await expect(dialog.getByTestId('pack-override-reason')).toHaveValue('label torn off');

  // with no text field focused (the line picker), the scan is refused inside the dialog, in words
  await dialog.getByTestId('pack-override-line').focus();
  await pack.scan(first.code);
  await expect(dialog.getByTestId('dialog-scan-notice')).toContainText('was not used');
  await expect(supervisor).toHaveValue('SUP-ANNA-07');

  // a scan into the reason (it has the focus): taken back out, refused in words, the reason kept as typed
  await dialog.getByTestId('pack-override-reason').click();
  await pack.scan(first.code);
  await expect(dialog.getByTestId('dialog-scan-notice')).toContainText(`A scan (${first.code}) arrived while this window is open`);
  await expect(dialog.getByTestId('pack-override-reason')).toHaveValue('label torn off');

  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(pack.recentScans).toHaveCount(scansBefore);
  await pack.expectCount(first.sku, 1);

  // Put back opens with its reason focused: the next item scanned is neither counted nor the reason,
  // and the Enter that ends it does not put the order back
  await page.keyboard.press('Alt+B');
  const putBack = page.getByTestId('pack-abandon');
  await expect(putBack).toBeVisible();
  await expect(putBack.getByTestId('pack-abandon-reason')).toBeFocused();
  await pack.scan(first.code);
  await expect(putBack.getByTestId('dialog-scan-notice')).toContainText('was not used');
  await expect(putBack.getByTestId('pack-abandon-reason')).toHaveValue('');
  await expect(putBack).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(putBack).toHaveCount(0);
  await pack.expectOpen(order.number);
  await expect(pack.recentScans).toHaveCount(scansBefore);
  await pack.expectCount(first.sku, 1);
  expect(shell.pageErrors).toEqual([]);
});

test('receiving at scanner speed: an item scanned right after a bin goes into that bin, and scans back to back are all counted', async ({ page, station, demo }) => {
  const shell = new AppShell(page);
  const pack = new PackPage(page);
  const warehouse = new WarehousePage(page);
  await shell.open(station);
  await shell.go('warehouse');
  const [first, second] = await warehouse.binCodes();
  const item = demo.orders[0]!.lines[0]!;
  await warehouse.startDelivery('PO-FAST', 'Speedy Supplies');
  await pack.scan(first!);
  await expect(warehouse.receiveBin).toContainText(first!);

  // the second bin's label and three items in one burst, as a scanner reads them off a shelf
  const keyboard = await PhysicalKeyboard.attach(page);
  await keyboard.type([item.retail, item.internal, item.retail].reduce((keys, code) => [...keys, ...usScannerKeys(code, 'us')], usScannerKeys(second!, 'us')));
  await expect(warehouse.received(item.sku)).toHaveText('3');
  await expect(warehouse.receiveBin).toContainText(second!);
  const into = page.locator(`[data-testid="receive-line"][data-sku="${item.sku}"] td`).nth(4);
  await expect(into).toContainText(second!);
  await expect(into).not.toContainText(first!);
  expect(shell.pageErrors).toEqual([]);
});
