import { expect, test } from './station';
import { AppShell } from './page-models/app-shell';
import { InventoryPage } from './page-models/inventory-page';
import { OrderDetailPage } from './page-models/order-detail';
import { OrdersPage } from './page-models/orders-page';
import { SettingsPage } from './page-models/settings-page';

test('shows the demo queue of 60 orders under a DEMO WORKSPACE marker', async ({ page, station }) => {
  const shell = new AppShell(page);
  const orders = new OrdersPage(page);
  await shell.open(station);
  await expect(shell.badge).toHaveText('DEMO WORKSPACE');
  await expect(shell.badge).toBeVisible();
  await orders.expectTotal(60);
  await expect(orders.list).toHaveAttribute('aria-busy', 'false');
  await expect(orders.rows.first()).toContainText(/\d/);
  // virtualised: only the rows in view (plus a few) are in the page, not all 60
  expect(await orders.rows.count()).toBeLessThan(60);
  await expect(shell.alert).toHaveCount(0);
  expect(shell.cspViolations).toEqual([]);
  expect(shell.pageErrors).toEqual([]);
});

test('finds Zoë Müller typed with the accent and without it, and opens her address and timeline', async ({ page, station }) => {
  const shell = new AppShell(page);
  const orders = new OrdersPage(page);
  const detail = new OrderDetailPage(page);
  await shell.open(station);
  await orders.expectTotal(60);

  await orders.searchFor('Zoë');
  await expect(orders.rows.first()).toContainText('Zoë Müller');
  const accented = await orders.visibleCustomers();
  expect(accented.length).toBeGreaterThan(0);
  expect(new Set(accented)).toEqual(new Set(['Zoë Müller']));

  await orders.searchFor('Zoe Muller');
  await expect(orders.rows.first()).toContainText('Zoë Müller');
  expect(new Set(await orders.visibleCustomers())).toEqual(new Set(['Zoë Müller']));
  const found = await orders.count.innerText();
  expect(found).toMatch(/^\d+ orders? found/);

  await orders.openRow(/Zoë Müller/);
  await detail.expectOpen();
  await expect(detail.shipTo).toContainText('Zoë Müller');
  await expect(detail.shipTo).toContainText('Königstraße 12');
  await expect(detail.shipTo).toContainText('70173 Stuttgart');
  // the country by name, as the post office wants it on the last line; never the bare code
  await expect(detail.shipTo.locator('div').last()).toHaveText('GERMANY');
  await expect(detail.events.first()).toContainText(/received from/);
  await expect(detail.timeline).toContainText('Stock reserved');
  await expect(detail.events.first()).toContainText(/by \S+/);
  expect(await detail.lines.count()).toBeGreaterThan(0);
  await expect(detail.totals).toContainText('Total');

  // Escape comes back to the same search
  await page.keyboard.press('Escape');
  await expect(detail.root).toHaveCount(0);
  await expect(orders.search).toHaveValue('Zoe Muller');
  await orders.expectAnswered('Zoe Muller');
});

test('shows a Japanese address exactly as the customer typed it, in the order the post office writes it', async ({ page, station }) => {
  const shell = new AppShell(page);
  const orders = new OrdersPage(page);
  const detail = new OrderDetailPage(page);
  await shell.open(station);
  await orders.searchFor('東京');
  await orders.openRow(/山田 花子/);
  await detail.expectOpen();
  await expect(detail.shipTo.locator('div')).toHaveText(['山田 花子', '千代田区丸の内1-9-1', 'グラントウキョウ 12F', '東京, 東京都 100-0005', 'JAPAN']);
  await expect(detail.shipTo).toHaveAttribute('lang', 'ja');
});

test('records a stock count with a reason in the history, and refuses a missing or short reason in words', async ({ page, station }) => {
  const shell = new AppShell(page);
  const inventory = new InventoryPage(page);
  await shell.open(station);
  await shell.go('inventory');
  const { sku, location, onHand } = await inventory.firstRowSku();
  await inventory.select(sku, location);

  await inventory.adjust(onHand + 3, '');
  await expect(shell.alert).toContainText(/at least 3 characters/);
  await expect(inventory.reasonError).toHaveText(/at least 3 characters/);
  await expect(inventory.reason).toHaveAttribute('aria-invalid', 'true');

  await inventory.adjust(onHand + 3, 'ab');
  await expect(inventory.reasonError).toHaveText(/Say why the count changed/);
  await expect(shell.alert).not.toContainText(/\.ts:\d+|at Object\./);
  await expect(inventory.movements.filter({ hasText: 'Count adjusted' })).toHaveCount(0);

  await inventory.adjust(onHand + 3, 'found a box behind the shelf');
  await expect(shell.notice).toContainText(`now has ${onHand + 3} on hand (+3)`);
  await expect(shell.alert).toHaveCount(0);
  const newest = inventory.movements.first();
  await expect(newest).toHaveAttribute('data-kind', 'adjust');
  await expect(newest).toContainText('found a box behind the shelf');
  await expect(newest).toContainText('+3');
  await expect(inventory.panelOnHand).toHaveText(String(onHand + 3));
  await expect(inventory.row(sku, location).getByTestId('stock-on-hand')).toHaveText(String(onHand + 3));
  await expect(inventory.reasonError).toHaveCount(0);
});

test('moves through the queue with the keyboard: / searches, arrows select, Enter opens, Escape returns', async ({ page, station }) => {
  const shell = new AppShell(page);
  const orders = new OrdersPage(page);
  const detail = new OrderDetailPage(page);
  await shell.open(station);
  await orders.expectTotal(60);
  await expect(orders.rows.first()).toHaveAttribute('aria-selected', 'true');

  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(orders.selected).toHaveAttribute('aria-posinset', '3');
  await page.keyboard.press('ArrowUp');
  await expect(orders.selected).toHaveAttribute('aria-posinset', '2');
  const number = (await orders.selected.locator('.col-number').innerText()).trim();

  await page.keyboard.press('Enter');
  await detail.expectOpen(number);
  await page.keyboard.press('Escape');
  await expect(detail.root).toHaveCount(0);
  await expect(orders.selected).toHaveAttribute('aria-posinset', '2');

  // far down the list: the selection scrolls into view
  for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowDown');
  await expect(orders.selected).toHaveAttribute('aria-posinset', '42');
  await expect(orders.selected).toBeInViewport();

  await page.keyboard.press('/');
  await expect(orders.search).toBeFocused();
  await page.keyboard.type('Søren', { delay: 150 }); // a person's typing speed
  await orders.expectAnswered('Søren');
  await page.keyboard.press('Enter');
  await detail.expectOpen();
  await expect(detail.shipTo).toContainText('Nørrebrogade 45, 2. th.');

  // "/" in a detail is the queue's search too: back to the box, what was in it selected for the next words
  await page.keyboard.press('/');
  await expect(detail.root).toHaveCount(0);
  await expect(orders.search).toBeFocused();
  await expect(orders.search).toHaveValue('Søren');
  await page.keyboard.type('Kierkegård', { delay: 150 });
  await expect(orders.search).toHaveValue('Kierkegård');
  expect(shell.pageErrors).toEqual([]);
  expect(shell.cspViolations).toEqual([]);
});

test('switches screens with Alt+number and F-keys, as the top bar says', async ({ page, station }) => {
  const shell = new AppShell(page);
  await shell.open(station);
  await expect(shell.nav('orders')).toContainText('Alt+1');
  await page.keyboard.press('Alt+3');
  await expect(shell.nav('inventory')).toHaveAttribute('aria-current', 'page');
  await page.keyboard.press('Alt+2');
  await expect(page.getByRole('heading', { name: 'Pack station' })).toBeVisible();
  await page.keyboard.press('F4');
  await expect(shell.nav('settings')).toHaveAttribute('aria-current', 'page');
  // the tenth screen (Returns) is Alt+0 and F10; past ten the digits run again with Shift
  await page.keyboard.press('Alt+0');
  await expect(shell.nav('returns')).toHaveAttribute('aria-current', 'page');
  await expect(shell.nav('returns')).toContainText('Alt+0');
  await page.keyboard.press('Alt+Shift+1');
  await expect(shell.nav('rules')).toHaveAttribute('aria-current', 'page');
  await page.keyboard.press('Alt+Shift+4');
  await expect(shell.nav('team')).toHaveAttribute('aria-current', 'page');
  await expect(shell.nav('team')).toContainText('Alt+Shift+4');
  await page.keyboard.press('Alt+Shift+5');
  await expect(shell.nav('import')).toHaveAttribute('aria-current', 'page');
  await page.keyboard.press('F10');
  await expect(shell.nav('returns')).toHaveAttribute('aria-current', 'page');
  await page.keyboard.press('Alt+1');
  await expect(new OrdersPage(page).list).toBeVisible();
});

test('asks for a reason before putting an order on hold and records it on the timeline', async ({ page, station }) => {
  const shell = new AppShell(page);
  const orders = new OrdersPage(page);
  const detail = new OrderDetailPage(page);
  await shell.open(station);
  await orders.statusFilter.selectOption('open');
  await expect(orders.count).toHaveText(/found/);
  await orders.rows.first().click();
  await detail.expectOpen();

  await detail.action('Put on hold').click();
  await detail.actions.locator('form').getByRole('button', { name: 'Put on hold' }).click();
  await expect(detail.actions).toContainText('Say why the order is put on hold.');
  await detail.confirmWithReason('address needs checking', 'Put on hold');
  await expect(detail.title).toContainText('On hold');
  await expect(detail.events.last()).toContainText('Open → On hold: address needs checking');
  await expect(detail.action('Back to open')).toBeVisible();
});

test('starts an empty workspace and resets the demo, each after a confirmation', async ({ page, station }) => {
  const shell = new AppShell(page);
  const orders = new OrdersPage(page);
  const settings = new SettingsPage(page);
  await shell.open(station);
  await shell.go('settings');
  await expect(settings.dataDir).toHaveText(station.dataDir);
  await expect(settings.kind).toContainText('Demo');

  await settings.startEmpty.click();
  await settings.keep();
  await expect(settings.dialog).toHaveCount(0);
  await expect(shell.badge).toHaveText('DEMO WORKSPACE');

  await settings.startEmpty.click();
  await settings.confirm();
  await expect(shell.badge).toHaveText('Empty workspace');
  await expect(settings.kind).toContainText('Empty');
  await shell.go('orders');
  await orders.expectTotal(0);
  await expect(page.getByTestId('orders-empty')).toBeVisible();

  await shell.go('settings');
  await settings.resetDemo.click();
  await settings.confirm();
  await expect(shell.badge).toHaveText('DEMO WORKSPACE');
  await shell.go('orders');
  await orders.expectTotal(60);
});

test('a change made on another screen shows in the queue without a reload', async ({ page, context, station }) => {
  const shell = new AppShell(page);
  const orders = new OrdersPage(page);
  await shell.open(station);
  await orders.expectTotal(60);
  const first = orders.rows.first();
  const number = (await first.locator('.col-number').innerText()).trim();
  await expect(first.getByTestId('status-badge')).toHaveText('Open');

  const other = await context.newPage();
  const otherShell = new AppShell(other);
  const otherOrders = new OrdersPage(other);
  const otherDetail = new OrderDetailPage(other);
  await otherShell.open(station);
  await otherOrders.searchFor(number);
  await otherOrders.rows.first().click();
  await otherDetail.expectOpen(number);
  await otherDetail.action('Start picking').click();
  await expect(otherDetail.title).toContainText('Picking');

  await expect(first.getByTestId('status-badge')).toHaveText('Picking');
  await other.close();
});

test('says so when the station goes away', async ({ page, station }) => {
  const shell = new AppShell(page);
  await shell.open(station);
  station.process.kill('SIGTERM');
  await expect(shell.connection).toHaveText(/Connection lost/);
});
