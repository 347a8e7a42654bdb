import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, startStation, test } from './station';
import { AppShell } from './page-models/app-shell';
import { OrdersPage } from './page-models/orders-page';
import { seedManyOrders } from './support/seed-orders';

type ListRequest = { offset: number; limit: number; q: string };

test('scrolls a queue of 100,060 orders, fetching pages by offset only as they come into view', async ({ page }) => {
  test.setTimeout(180_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'packbench-e2e-100k-'));
  seedManyOrders(dataDir, 100_000);
  const station = await startStation({ dataDir });
  try {
    const requests: ListRequest[] = [];
    page.on('websocket', (socket) => socket.on('framesent', ({ payload }) => {
      const m = JSON.parse(String(payload)) as { method?: string; input?: Partial<ListRequest> };
      if (m.method === 'orders.list') requests.push({ offset: m.input?.offset ?? 0, limit: m.input?.limit ?? 0, q: m.input?.q ?? '' });
    }));
    const shell = new AppShell(page);
    const orders = new OrdersPage(page);
    await shell.open(station);
    await expect(orders.count).toHaveText(/^100,060 orders/);
    await expect(orders.rows.first()).not.toHaveAttribute('aria-busy', 'true');
    // only what is on screen is in the page
    expect(await orders.rows.count()).toBeLessThan(60);

    // to the far end: the last row arrives by its own offset (the core decides the order; any order will do here)
    await page.keyboard.press('End');
    await expect(orders.selected).toHaveAttribute('aria-posinset', '100060');
    await expect(orders.selected).not.toHaveAttribute('aria-busy', 'true');
    await expect(orders.selected.locator('.col-number')).toHaveText(/^(BULK-\d{6}|#1001)$/);
    await expect(orders.selected).toBeInViewport();

    // a jump to the middle by the scrollbar
    await orders.list.evaluate((el) => { el.scrollTop = el.scrollHeight / 2; });
    await expect(orders.rows.filter({ hasText: /BULK-0[45]\d{4}/ }).first()).toBeVisible();
    await expect(orders.list.locator('[aria-busy="true"][role="option"]')).toHaveCount(0);

    const browsing = requests.filter((r) => r.q === '');
    const offsets = browsing.map((r) => r.offset);
    expect(offsets).toContain(0);
    expect(offsets.some((o) => o >= 99_900)).toBe(true);
    expect(offsets.some((o) => o >= 45_000 && o <= 55_000)).toBe(true);
    // pages flown past are not fetched, and nothing loaded is fetched twice
    expect(browsing.length).toBeLessThan(12);
    expect(new Set(offsets).size).toBe(offsets.length);
    expect(browsing.every((r) => r.limit <= 500)).toBe(true);

    // back to the top, already cached: no new request for it
    const before = requests.length;
    await page.keyboard.press('Home');
    await expect(orders.selected).toHaveAttribute('aria-posinset', '1');
    await expect(orders.selected).toBeInViewport();
    expect(requests.length).toBe(before);

    // a search narrows the huge queue; only the last answer counts
    await orders.search.click();
    await page.keyboard.type('Bulk Customer 4242', { delay: 20 });
    await orders.expectAnswered('Bulk Customer 4242');
    await expect(orders.rows.first()).toContainText('Bulk Customer 4242');
  } finally {
    await station.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
