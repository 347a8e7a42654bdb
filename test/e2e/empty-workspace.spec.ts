import { AppShell } from './page-models/app-shell';
import { CatalogPage } from './page-models/catalog-page';
import { typeLikeAPerson } from './page-models/human';
import { ManualOrderForm } from './page-models/manual-order';
import { PackPage } from './page-models/pack-page';
import { TeamPage } from './page-models/team-page';
import { WarehousePage } from './page-models/warehouse-page';
import { expectNoSeriousAxeViolations } from './support/axe';
import { expect, startStation, test as stationTest, type Station } from './station';

/** A station that starts with nothing in it, as a new shop's does. */
const test = stationTest.extend<{ station: Station }>({
  station: async ({}, use) => {
    const station = await startStation({ args: ['--first-run', 'empty'] });
    await use(station);
    await station.stop();
  },
});

// a 1×1 PNG: enough for the picture to be stored, served back and shown at the bench
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

test('from an empty workspace: bins, a product with barcodes, stock received by scanning into a bin, a phone order, packed by a chosen packer', async ({ page, station }, testInfo) => {
  test.setTimeout(240_000);
  const shell = new AppShell(page);
  const warehouse = new WarehousePage(page);
  const catalog = new CatalogPage(page);
  const team = new TeamPage(page);
  const order = new ManualOrderForm(page);
  const pack = new PackPage(page);
  await shell.open(station);
  await expect(shell.badge).toContainText(/EMPTY/i);

  // where stock lives: a location and bins, typed at a person's speed
  await shell.go('warehouse');
  await warehouse.addLocation({ code: 'MAIN', name: 'Main workshop', country: 'GB', contact: 'Packbench Shop', street: '4 Mill Yard', city: 'Leeds', postcode: 'LS1 4AP' });
  await warehouse.addBin({ zone: 'A', aisle: '10', shelf: '1' });
  await warehouse.addBin({ zone: 'A', aisle: '2', shelf: '1' });
  await expect(warehouse.bins).toHaveCount(2);
  // walk order: aisle 2 before aisle 10
  expect(await warehouse.binCodes()).toEqual(['A-2-1', 'A-10-1']);
  await expectNoSeriousAxeViolations(page, 'warehouse: locations and bins');

  // a product with a retail barcode, an internal code and a case of 6, typed at a person's speed
  await shell.go('catalog');
  await expect(page.getByTestId('catalog-count')).toContainText('No products yet');
  await catalog.newProduct('Enamel Mug');
  await catalog.typeVariant({ sku: 'MUG-BLUE', title: 'Blue', price: '14.50', weight: '280', length: '110', width: '90', height: '90', hs: '6912.00' });
  await catalog.variant().getByTestId('variant-origin').selectOption('PT');
  await catalog.variant().getByTestId('variant-default-bin').selectOption({ label: 'A-2-1' });
  await catalog.setBarcode(0, '4006381333931', '1');
  await catalog.setBarcode(1, 'MUG-B', '1');
  await catalog.setBarcode(2, '14006381333938', '6');
  await page.getByTestId('product-picture-file').setInputFiles({ name: 'mug.png', mimeType: 'image/png', buffer: PNG });
  await expect(page.getByTestId('product-picture')).toBeVisible();
  // a weight that is not a whole number is refused in words, and nothing is saved
  await typeLikeAPerson(catalog.variant().getByTestId('variant-weight'), '2e1');
  await catalog.save();
  await expect(catalog.variant().getByTestId('variant-weight-error')).toHaveText('Weight in grams: type a whole number, e.g. 280 (you typed "2e1").');
  await typeLikeAPerson(catalog.variant().getByTestId('variant-weight'), '280');
  await catalog.save();
  await catalog.expectSaved('Enamel Mug');
  // what was typed is exactly what was stored
  const v = catalog.variant();
  await expect(v.getByTestId('variant-sku')).toHaveValue('MUG-BLUE');
  await expect(v.getByTestId('variant-weight')).toHaveValue('280');
  await expect(v.getByTestId('variant-hs')).toHaveValue('691200');
  await expect(v.getByTestId('barcode-code')).toHaveCount(3);
  expect(await v.getByTestId('barcode-code').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value).sort()))
    .toEqual(['14006381333938', '4006381333931', 'MUG-B']);
  await expectNoSeriousAxeViolations(page, 'catalog editor');

  // a packer with a PIN, chosen at this screen
  await shell.go('team');
  await team.addPacker('Anna', '4821');
  await expectNoSeriousAxeViolations(page, 'team and dashboard');
  await team.choosePacker('Anna', '4821');

  // receive a delivery: scan the bin label, then the items (one, one, a case of 6)
  await shell.go('warehouse');
  await warehouse.startDelivery('PO-77', 'Mugs & Co');
  await expectNoSeriousAxeViolations(page, 'warehouse: receiving');
  await pack.scan('A-2-1');
  await expect(warehouse.receiveBin).toContainText('A-2-1');
  await pack.scan('4006381333931');
  await expect(warehouse.receiveResult).toHaveText(/Received 1 × MUG-BLUE into A-2-1/);
  await pack.scan('MUG-B');
  await pack.scan('14006381333938');
  await expect(warehouse.receiveResult).toHaveText(/Received a case of 6: 6 × MUG-BLUE into A-2-1/);
  await expect(warehouse.received('MUG-BLUE')).toHaveText('8');
  await pack.scan('NOT-A-CODE');
  await expect(warehouse.receiveResult).toHaveAttribute('data-outcome', 'unknown');
  await expect(warehouse.received('MUG-BLUE')).toHaveText('8');

  // a phone order: the postcode is checked for the destination country
  await shell.go('orders');
  await order.open();
  await order.address({ country: 'US', name: 'James Carter', street: '1600 Amphitheatre Pkwy', city: 'Mountain View', region: 'CA', postcode: '9404' });
  await order.line('MUG-BLUE', '2', '14.50');
  await expectNoSeriousAxeViolations(page, 'manual order form');
  await order.save();
  await expect(order.field('manual-address-postcode-error')).toHaveText('"9404" is not a postcode of United States. Check it with the customer.');
  await typeLikeAPerson(order.field('manual-address-postcode'), '94043');
  await order.save();
  await expect(order.dialog).toHaveCount(0);
  await expect(shell.notice).toContainText('Order M-1001 saved');
  await page.screenshot({ path: testInfo.outputPath('manual-order-saved.png') });

  // packed at the bench by Anna: the picture shows big, the items scan in
  await pack.focusNothing();
  await pack.scan('M-1001');
  await pack.expectOpen('M-1001');
  await expect(page.getByTestId('pack-item-picture')).toBeVisible();
  await pack.scan('4006381333931');
  await pack.expectCount('MUG-BLUE', 1);
  await pack.scan('MUG-B');
  await pack.expectCount('MUG-BLUE', 2);
  await page.screenshot({ path: testInfo.outputPath('pack-with-picture.png') });
  await page.keyboard.press('Enter');
  await expect(pack.done).toContainText('M-1001 packed');

  // the dashboard counts the order for Anna
  await shell.go('team');
  await expect(team.packerRow('Anna').getByTestId('dashboard-orders')).toHaveText('1');
  expect(shell.cspViolations).toEqual([]);
});

test('import and export screen: a broken file gets words and nothing is imported; the screen passes axe', async ({ page, station }) => {
  const shell = new AppShell(page);
  await shell.open(station);
  await shell.go('import');
  await expectNoSeriousAxeViolations(page, 'import screen');
  await page.getByTestId('import-kind-catalog').click();
  const file = 'Product;SKU;Barcodes;Weight (g)\r\nMug;MUG-1;4006381333931;280\r\nBowl;"BOWL-1;5;1\r\n';
  await page.getByTestId('import-file').setInputFiles({ name: 'catalog.csv', mimeType: 'text/csv', buffer: Buffer.from(file, 'latin1') });
  await expect(page.getByTestId('import-delimiter')).toContainText('semicolons');
  await expect(page.getByTestId('mapping-row')).toHaveCount(4);
  await expectNoSeriousAxeViolations(page, 'import mapping');
  await page.getByTestId('import-check').click();
  await expect(page.getByTestId('import-summary-title')).toContainText('2 row(s) read: 1 ready');
  await expect(page.locator('[data-testid="import-error"][data-row="3"]')).toContainText('never closes');
  await expectNoSeriousAxeViolations(page, 'import summary');
  await page.getByTestId('import-confirm').click();
  await expect(shell.notice).toContainText('1 product row(s) imported');
  await shell.go('catalog');
  await expect(page.getByTestId('catalog-row')).toHaveCount(1);
});
