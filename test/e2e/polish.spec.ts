import { AppShell } from './page-models/app-shell';
import { OrdersPage } from './page-models/orders-page';
import { expect, test } from './station';

// Issue #13, "Polish seen": the queue at 1280 x 800, key help for every screen, searches a shop types,
// and a demo whose filters all show something.

test('at 1280 x 800 the queue shows every column whole, and its key help names every screen', async ({ page, station }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const shell = new AppShell(page);
  const orders = new OrdersPage(page);
  await shell.open(station);
  await orders.expectTotal(60);
  const list = await orders.list.boundingBox();
  for (const cell of await page.locator('.order-row .col-created, .order-header .col-created').all()) {
    const box = (await cell.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(list!.x + list!.width);
    expect(await cell.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  }
  const buttons = await shell.page.getByRole('navigation', { name: 'Screens' }).getByRole('button').all();
  const screens = await Promise.all(buttons.map((b) => b.getAttribute('title')));
  const help = await page.getByTestId('orders-key-help').innerText();
  // the key each nav button names in its tooltip (Alt+1 … Alt+9, Alt+0, then Alt+Shift+1 …) is the key the help names for that screen
  for (const title of screens) {
    const [, label, key] = /^(.+) \((.+)\)$/.exec(title ?? '') ?? [];
    expect(key).toMatch(/^Alt\+(Shift\+)?[0-9]$/);
    expect(help).toContain(`${key} ${label}`);
  }
  // the screens take at most two rows of the top bar at 1280 × 800 and at 1024 × 768
  for (const width of [1280, 1024]) {
    await page.setViewportSize({ width, height: width === 1280 ? 800 : 768 });
    const tops = new Set(await Promise.all(buttons.map(async (b) => Math.round((await b.boundingBox())!.y))));
    expect(tops.size, `nav rows at ${width} px`).toBeLessThanOrEqual(2);
    expect((await page.locator('.top-bar').boundingBox())!.height, `top bar height at ${width} px`).toBeLessThanOrEqual(200);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await shell.go('settings');
  await expect(page.getByTestId('key-help-screen')).toHaveCount(screens.length);
});

test('the queue search: a SKU fragment, a title, a number without its dash, and an emoji that matches nothing', async ({ page, station }) => {
  const shell = new AppShell(page);
  const orders = new OrdersPage(page);
  await shell.open(station);
  await orders.searchFor('MUG');
  await expect(orders.count).toHaveText(/^\d+ orders? found/);
  await expect(page.getByTestId('orders-empty')).toHaveCount(0);
  await orders.searchFor('mp1060');
  await orders.expectTotal(1, true);
  await expect(orders.rows.first()).toContainText('MP-1060');
  await orders.searchFor('MP-1060');
  await orders.expectTotal(1, true);
  await orders.searchFor('🙂');
  await orders.expectTotal(0, true);
  await expect(page.getByTestId('orders-empty')).toContainText('No orders match');
  // every status filter shows something in the demo
  await orders.searchFor('');
  for (const status of ['picking', 'packed', 'shipped', 'on_hold', 'cancelled']) {
    await orders.statusFilter.selectOption(status);
    await expect(orders.count).toHaveText(/^\d+ orders? found/);
    await expect(orders.rows.first().getByTestId('status-badge')).toBeVisible();
  }
});
