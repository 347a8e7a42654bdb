import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { AppShell } from './page-models/app-shell';
import { OrderDetailPage } from './page-models/order-detail';
import { OrdersPage } from './page-models/orders-page';
import { PackPage } from './page-models/pack-page';
import { PrintingPage } from './page-models/printing-page';
import { expect, orderWith, test, units, unitScans } from './support/demo-station';

// Issue #13: axe on every screen (and the states a packer meets: a dialog, the red refusal, a parcel
// closed), with no serious or critical violation.

type Finding = { screen: string; id: string; impact: string; help: string; targets: string[] };

async function audit(page: Page, screen: string, findings: Finding[]): Promise<void> {
  // the label preview worker and animations must not leave a half-drawn page behind
  await page.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 1000 })));
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  if (process.env.AXE_DEBUG) console.log(screen, 'passes', result.passes.length, 'violations', result.violations.map((v) => `${v.id}:${v.impact}`).join(' '));
  for (const v of result.violations) {
    if (v.impact !== 'serious' && v.impact !== 'critical') continue;
    findings.push({ screen, id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) });
  }
}

test.setTimeout(180_000);

test('every screen, and the states a packer meets, has no serious or critical axe violation', async ({ page, station, demo }) => {
  const shell = new AppShell(page);
  const orders = new OrdersPage(page);
  const detail = new OrderDetailPage(page);
  const pack = new PackPage(page);
  const printing = new PrintingPage(page);
  const findings: Finding[] = [];
  await shell.open(station);

  await orders.expectTotal(60);
  await audit(page, 'orders: queue', findings);
  await orders.rows.first().click();
  await detail.expectOpen();
  await audit(page, 'orders: detail', findings);
  await page.keyboard.press('Escape');

  await shell.go('pack');
  await audit(page, 'pack: idle', findings);
  const order = orderWith(demo, (o) => units(o) >= 2);
  const [a, ...rest] = unitScans(order);
  await pack.focusNothing();
  await pack.scan(a!.code);
  await expect(page.getByTestId('pack-found-product')).toBeVisible();
  await audit(page, 'pack: a product scanned with no order open', findings);
  await pack.scan(order.number);
  await pack.expectOpen(order.number);
  await pack.scan(a!.code);
  await pack.expectCount(a!.sku, 1);
  await audit(page, 'pack: packing an order', findings);
  await pack.scan('9999999999994');
  await expect(pack.blocked).toBeVisible();
  await audit(page, 'pack: a refused scan (red)', findings);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Alt+O');
  await expect(page.getByTestId('pack-override')).toBeVisible();
  await audit(page, 'pack: supervisor dialog', findings);
  await page.keyboard.press('Escape');
  for (const u of rest) {
    await pack.scan(u.code);
    await pack.expectCount(u.sku, u.n);
  }
  await page.keyboard.press('Enter');
  await expect(pack.done).toBeVisible();
  await pack.expectLabel('done');
  await audit(page, 'pack: parcel closed', findings);

  await shell.go('inventory');
  await page.getByTestId('stock-row').first().click();
  await expect(page.getByTestId('stock-panel')).toBeVisible();
  await audit(page, 'inventory: stock and a count', findings);

  await shell.go('settings');
  await page.getByTestId('printer-add').click();
  await audit(page, 'settings: with the printer form open', findings);
  await page.getByRole('button', { name: 'Never mind' }).click();
  await page.getByTestId('start-empty').click();
  await expect(page.getByTestId('replace-kept')).toBeVisible();
  await audit(page, 'settings: start over question', findings);
  await page.getByRole('button', { name: 'Keep things as they are' }).click();

  await shell.go('printing');
  await printing.rows.first().click();
  await audit(page, 'printing: a job chosen', findings);

  // the everyday screens of a workspace, in the states an owner meets
  await shell.go('catalog');
  await page.getByTestId('catalog-row').first().click();
  await expect(page.getByTestId('product-editor')).toBeVisible();
  await audit(page, 'catalog: a product open', findings);
  await shell.go('warehouse');
  await audit(page, 'warehouse: locations and bins', findings);
  await page.getByTestId('tab-receive').click();
  await page.getByTestId('delivery-reference').fill('PO-AXE');
  await page.getByTestId('delivery-create').click();
  await expect(page.getByTestId('receive-panel')).toBeVisible();
  await audit(page, 'warehouse: receiving a delivery', findings);
  await shell.go('team');
  await audit(page, 'team: packers and the dashboard', findings);
  await shell.go('orders');
  await page.getByTestId('orders-new').click();
  await expect(page.getByTestId('manual-order')).toBeVisible();
  await audit(page, 'orders: the new order form', findings);
  await page.keyboard.press('Escape');
  await shell.go('import');
  await page.getByTestId('import-kind-orders').click();
  await page.getByTestId('import-file').setInputFiles({ name: 'o.csv', mimeType: 'text/csv', buffer: Buffer.from('Order number,Shipping name,Street,Country,Currency,SKU,Qty\r\nX-1,Ann,1 Road,DE,EUR,NOPE,x\r\n') });
  await expect(page.getByTestId('import-mapping')).toBeVisible();
  await audit(page, 'import: column mapping', findings);
  await expect(page.getByTestId('import-check')).toBeEnabled();
  await page.getByTestId('import-check').click();
  await expect(page.getByTestId('import-summary')).toBeVisible();
  await audit(page, 'import: rows with errors', findings);

  // every screen the top bar offers, including ones added later, is audited at least once
  const audited = new Set(findings.map((f) => f.screen.split(':')[0]));
  for (const nav of await page.getByRole('navigation', { name: 'Screens' }).getByRole('button').all()) {
    const name = (await nav.innerText()).split('\n')[0]!.trim().toLowerCase();
    if (['orders', 'pack', 'inventory', 'settings', 'printing'].includes(name) || audited.has(name)) continue;
    await nav.click();
    await expect(nav).toHaveAttribute('aria-current', 'page');
    await audit(page, `${name}: as it opens`, findings);
  }

  expect(findings, JSON.stringify(findings, null, 2)).toEqual([]);
});
