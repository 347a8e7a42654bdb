import { afterEach, describe, expect, it, vi } from 'vitest';
import { shopifyEmulator, stopShopifyEmulators } from '../support/shopify';
import { startSyncStation, type SyncStation } from '../support/sync-station';

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => { vi.restoreAllMocks(); while (cleanup.length) await cleanup.pop()!(); await stopShopifyEmulators(); });

const address = { firstName: 'Sam', lastName: 'Taylor', address1: '221 King St', city: 'Portland', provinceCode: 'OR', zip: '97205', countryCode: 'US' };

async function twoShops(options: { pollSeconds?: number; notOnWoo?: string[] } = {}) {
  vi.spyOn(console, 'log').mockImplementation(() => {});
  const s: SyncStation = await startSyncStation({ pushStock: true, pollSeconds: options.pollSeconds ?? 2, notOnWoo: options.notOnWoo ?? [] });
  cleanup.push(() => s.close());
  const shop = await shopifyEmulator();
  const repos = s.core.workspace().repos;
  const skus = (repos.db.$client.prepare('SELECT sku, title FROM variants ORDER BY id').all() as Array<{ sku: string; title: string }>);
  for (const v of skus) shop.state.addProduct({ title: v.title, variants: [{ sku: v.sku, price: '12.50', available: 500 }] });
  const shopify = await s.client.call('channels.connect', { kind: 'shopify', name: 'Test Shopify', baseUrl: shop.url, credentials: { accessToken: shop.accessToken }, pollSeconds: options.pollSeconds ?? 2, pushStock: true });
    // the shops' orders reserve at the default location: their counts come from there
  const pool = repos.catalog.defaultLocationId()!;
  const ledger = (sku: string) => { const b = repos.stockSync.balance(sku, pool); return b.onHand - b.committed; };
  const published = (channelId: number, sku: string) => repos.stockSync.published(channelId, sku)?.quantity;
  const remote = { woo: (sku: string) => s.emu.store.stockOf(sku), shopify: (sku: string) => shop.state.availableOf(sku) };
  /** every channel shows what it was told, and the shares fit in the ledger */
  const converged = (sku: string) => {
    const w = published(s.channelId, sku);
    const p = published(shopify.channelId, sku);
    return w !== undefined && p !== undefined && remote.woo(sku) === w && remote.shopify(sku) === p && w + p <= Math.max(0, ledger(sku)) && repos.stockSync.dirtyCount(s.channelId) + repos.stockSync.dirtyCount(shopify.channelId) === 0;
  };
  /** a stock count that leaves exactly n available (over all locations) */
  const setAvailable = async (sku: string, n: number) => {
    const v = repos.catalog.variantBySku(sku)!;
    const locationId = pool;
    const b = repos.inventory.balance(v.id, locationId);
    const countedOnHand = b.onHand + (n - ledger(sku));
    if (countedOnHand < 0) throw new Error(`test setup: ${sku} cannot be counted down to ${n} available`);
    if (countedOnHand !== b.onHand) await s.client.call('inventory.adjust', { variantId: v.id, locationId, countedOnHand, reason: 'test count' });
  };
  /** inventorySetQuantities calls Shopify accepted (not refused as stale) that named this SKU's item */
  const setInventoryApplied = (sku: string) => shop.state.applied.filter((m) => m.mutation === 'inventorySetQuantities'
    && JSON.stringify(m.variables).includes(`InventoryItem/${shop.state.variantForSku(sku)!.inventoryItemId}"`)).length;
  return { s, shop, repos, skus: skus.map((v) => v.sku), shopifyId: shopify.channelId, ledger, published, remote, converged, setAvailable, setInventoryApplied };
}

describe('available counts on every channel (#7)', () => {
  it('splits what is available between both shops, and a sale on Shopify changes WooCommerce within the poll interval + 1 s', async () => {
    const t = await twoShops({ pollSeconds: 2 });
    const sku = t.skus[0]!;
    await t.s.waitFor('both shops told', () => t.converged(sku), 20_000);
    const before = t.remote.woo(sku)!;
    expect(before + t.remote.shopify(sku)).toBeLessThanOrEqual(t.ledger(sku));
    expect(before).toBeGreaterThan(0);

    const sold = Math.min(3, t.remote.shopify(sku));
    const started = Date.now();
    expect(t.shop.state.checkout({ email: 'a@example.com', lines: [{ sku, quantity: sold }], shippingAddress: address })).not.toBeNull();
    await t.s.waitFor('WooCommerce lowered', () => t.remote.woo(sku) !== before, 3_000);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThanOrEqual(3_000);
    await t.s.waitFor('both converge again', () => t.converged(sku), 10_000);
    // the history says why each number was published
    const history = await t.s.client.call('stockSync.history', { sku });
    expect(history.rows.filter((h) => /^order .* reserved stock$/.test(h.cause)).length).toBeGreaterThan(0);
  });
});

describe('offline budgets (#7)', () => {
  it('a day offline with sales on both shops sells no more than was available; a shop that used its budget shows 0; after reconnect every channel converges to the ledger', async () => {
    const t = await twoShops({ pollSeconds: 2 });
    const sku = t.skus[1]!;
    await t.setAvailable(sku, 9);
    await t.s.waitFor('both shops told', () => t.converged(sku) && t.published(t.s.channelId, sku)! + t.published(t.shopifyId, sku)! === 9, 20_000);
    const budgets = { woo: t.remote.woo(sku)!, shopify: t.remote.shopify(sku) };
    expect(budgets.woo + budgets.shopify).toBeLessThanOrEqual(9);

    // the bench loses the internet: neither shop can be reached, both keep selling on their own
    await t.s.emu.stop();
    await t.shop.stop();
    await expect.poll(async () => (await t.s.client.call('sync.status', {})).channels.filter((c) => c.state === 'offline').length, { timeout: 15_000 }).toBe(2);
    const status = await t.s.client.call('sync.status', {});
    expect(status.channels.map((c) => c.budgetLeft?.units ?? 0).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);

    let sold = 0;
    let refused = 0;
    for (let i = 0; i < 40; i++) {
      const qty = 1 + (i % 2);
      const ok = i % 3 === 0
        ? t.s.emu.store.checkout({ billing: { first_name: 'A', last_name: 'B', address_1: 'x', city: 'y', postcode: '1', country: 'DE' }, shipping: { first_name: 'A', last_name: 'B', address_1: 'x', city: 'y', postcode: '1', country: 'DE' }, line_items: [{ sku, quantity: qty }] })
        : t.shop.state.checkout({ email: `c${i}@example.com`, lines: [{ sku, quantity: qty }], shippingAddress: address });
      if (ok) sold += qty; else refused++;
    }
    expect(sold).toBeLessThanOrEqual(9);
    expect(refused).toBeGreaterThan(0);
    // a shop that sold its whole budget shows 0 and refuses the next customer
    expect([t.remote.woo(sku), t.remote.shopify(sku)]).toContain(0);

    await t.s.emu.start();
    await t.shop.restart();
    await t.s.client.call('sync.now', {});
    await t.s.waitFor('every shop back in line with the ledger', () => t.converged(sku) && t.ledger(sku) === 9 - sold, 30_000);
    expect(t.ledger(sku)).toBeGreaterThanOrEqual(0);
    expect(t.published(t.s.channelId, sku)! + t.published(t.shopifyId, sku)!).toBeLessThanOrEqual(9 - sold);
    // the reconnect is followed by a reconciliation of every shop, kept in the history
    await expect.poll(async () => (await t.s.client.call('stockSync.reports', {})).filter((r) => r.trigger === 'reconnect' && r.finishedAt).length, { timeout: 20_000 }).toBeGreaterThan(0);
  });
});

describe('crash between push and answer (#7)', () => {
  it('a count that reached Shopify but whose answer was lost (the app stopped) is recognised after restart, never set twice', async () => {
    const t = await twoShops({ pollSeconds: 2 });
    const sku = t.skus[2]!;
    await t.s.waitFor('both shops told', () => t.converged(sku), 20_000);
    const before = t.remote.shopify(sku);
    const setsBefore = t.setInventoryApplied(sku);
    // Shopify applies the next stock set and never answers; the app stops while it waits
    t.shop.faults.script({ kind: 'timeout', after: true, operation: 'inventorySetQuantities' });
    await t.setAvailable(sku, t.ledger(sku) - 4);
    await t.s.waitFor('the set applied on Shopify', () => t.remote.shopify(sku) !== before, 10_000);
    const arrived = t.remote.shopify(sku);
    const setsAtCrash = t.setInventoryApplied(sku);
    expect(setsAtCrash - setsBefore).toBe(1);
    expect(t.repos.stockSync.published(t.shopifyId, sku)?.quantity).toBe(before);
    // and the shelf is counted again before the stop: after the restart Packbench wants another number than the one that arrived
    await t.setAvailable(sku, t.ledger(sku) - 6);
    const { createCore } = await import('../../electron/core/create-core');
    const { createInMemoryClient } = await import('../../electron/core/hosts/in-memory-transport');
    t.s.client.close();
    t.s.core.close();
    const core = createCore({ dataDir: t.s.dataDir, actor: 'packer-1', sync: { timing: { idleCheckMs: 40, retryBaseMs: 40, retryMaxMs: 600, offlineProbeMaxMs: 400 }, requestTimeoutMs: 1500 } });
    const client = createInMemoryClient(core);
    cleanup.push(() => { client.close(); core.close(); });
    const repos = core.workspace().repos;
    await t.s.waitFor('the restarted station agrees with Shopify', () => repos.stockSync.dirtyCount(t.shopifyId) === 0
      && repos.stockSync.published(t.shopifyId, sku)?.quantity === t.remote.shopify(sku), 15_000);
    // the count that arrived unanswered was never sent again; a later set may follow only with another number
    const later = t.shop.state.applied.slice().filter((m) => m.mutation === 'inventorySetQuantities' && JSON.stringify(m.variables).includes(`InventoryItem/${t.shop.state.variantForSku(sku)!.inventoryItemId}"`)).slice(setsAtCrash - setsBefore + setsBefore);
    expect(later.filter((m) => JSON.stringify(m.variables).includes(`"quantity":${arrived},`))).toEqual([]);
    const recognised = repos.stockSync.history(sku, 50).filter((h) => h.channelId === t.shopifyId && h.quantity === arrived);
    expect(recognised).toHaveLength(1);
    expect(recognised[0]!.cause).toMatch(/sent before Packbench stopped; Test Shopify shows it/);
    // the newer count went out after it, set from the number that arrived
    expect(t.remote.shopify(sku)).not.toBe(arrived);
    const item = `InventoryItem/${t.shop.state.variantForSku(sku)!.inventoryItemId}`;
    const ofThisItem = (m: { variables: unknown }) => (m.variables as { input: { quantities: Array<{ inventoryItemId: string; changeFromQuantity: number | null }> } })
      .input.quantities.find((q) => q.inventoryItemId.endsWith(item));
    expect(ofThisItem(later[0]!)).toMatchObject({ changeFromQuantity: arrived });
  });
});

describe('reconciliation (#7)', () => {
  it('finds exactly the drifts injected into the shops, pushes ours or accepts theirs, and keeps the report with a CSV', async () => {
    const t = await twoShops({ pollSeconds: 2 });
    await t.s.waitFor('every SKU told', () => t.skus.every((sku) => t.converged(sku)), 30_000);
    const [a, b, c] = t.skus;
    const item = (sku: string) => t.shop.state.variantForSku(sku)!.inventoryItemId;
    t.shop.state.setQuantity(item(a!), t.shop.state.defaultLocation().id, 'available', t.remote.shopify(a!) + 7);
    t.s.emu.store.setStock(t.s.emu.store.findBySku(b!)!, t.remote.woo(b!)! - 1 >= 0 ? t.remote.woo(b!)! - 1 : 3);
    t.shop.state.setQuantity(item(c!), t.shop.state.defaultLocation().id, 'available', t.remote.shopify(c!) + 2);
    const report = await t.s.client.call('stockSync.reconcile', {});
    expect(report.lines.map((l) => [l.sku, l.channelName]).sort()).toEqual([[a, 'Test Shopify'], [b, 'Test WooCommerce'], [c, 'Test Shopify']].sort());
    expect(report.report.summary).toMatch(/3 drifts found/);

    const lineA = report.lines.find((l) => l.sku === a)!;
    const lineB = report.lines.find((l) => l.sku === b)!;
    const lineC = report.lines.find((l) => l.sku === c)!;
    const pushed = await t.s.client.call('stockSync.fix', { lineIds: [lineA.id, lineB.id], action: 'push_ours', reason: '' });
    expect(pushed.words).toMatch(/2 drifts fixed/);
    await t.s.waitFor('ours back on both shops', () => t.remote.shopify(a!) === lineA.ours && t.remote.woo(b!) === lineB.ours, 10_000);

    const ledgerC = t.ledger(c!);
    await expect(t.s.client.call('stockSync.fix', { lineIds: [lineC.id], action: 'accept_theirs', reason: '' })).rejects.toThrow(/Say why/);
    const accepted = await t.s.client.call('stockSync.fix', { lineIds: [lineC.id], action: 'accept_theirs', reason: 'two found on the back shelf' });
    expect(accepted.lines.find((l) => l.id === lineC.id)!.fixWords).toMatch(/Accepted theirs.*raised by 2.*back shelf/);
    expect(t.ledger(c!)).toBe(ledgerC + 2);
    await t.s.waitFor('everything converges', () => t.skus.every((sku) => t.converged(sku)), 15_000);

    const again = await t.s.client.call('stockSync.reconcile', {});
    expect(again.lines).toEqual([]);
    const history = await t.s.client.call('stockSync.reports', {});
    expect(history.map((r) => [r.drifts, r.fixed])).toEqual([[0, 0], [3, 3]]);
    const csv = await t.s.client.call('stockSync.exportReport', { id: report.report.id });
    expect(csv.csv.split('\r\n').filter(Boolean)).toHaveLength(4);
    expect(csv.csv).toContain('accept_theirs');
  });
});

describe('reconciliation reads the shops\' latest sales first (#7)', () => {
  it('a sale on Shopify not yet pulled is not reported as drift (pushing ours would have undone it)', async () => {
    // a slow poll: without the reconciliation's own pull, the sale would still be only on Shopify
    const t = await twoShops({ pollSeconds: 60 });
    await t.s.waitFor('every SKU told', () => t.skus.every((sku) => t.converged(sku)), 30_000);
    const sku = t.skus[3]!;
    const committed = t.repos.stockSync.balance(sku, t.repos.catalog.defaultLocationId()!).committed;
    expect(t.shop.state.checkout({ email: 'b@example.com', lines: [{ sku, quantity: 2 }], shippingAddress: address })).not.toBeNull();
    const report = await t.s.client.call('stockSync.reconcile', {});
    expect(report.lines).toEqual([]);
    expect(report.report.summary).toMatch(/no drift found/);
    expect(report.report.summary).not.toMatch(/could not be read first/);
    // the sale is here, its stock reserved
    expect(t.repos.stockSync.balance(sku, t.repos.catalog.defaultLocationId()!).committed).toBe(committed + 2);
  });
});

describe('oversell (#7)', () => {
  it('an order that arrives after the last unit was sold is marked short, never dropped, and each way out is on its timeline', async () => {
    const t = await twoShops({ pollSeconds: 2 });
    // a SKU whose shelf count can leave exactly one available
    const sku = t.skus.find((x) => t.repos.stockSync.balance(x, t.repos.catalog.defaultLocationId()!).onHand >= t.ledger(x) - 1 && t.ledger(x) >= 1)!;
    await t.setAvailable(sku, 1);
    await t.s.waitFor('counts out', () => t.converged(sku), 20_000);
    // three customers get through anyway (a shop set to keep selling when out of stock): none is lost
    const placed = [t.s.placeOrder([{ sku, quantity: 1 }]), t.s.placeOrder([{ sku, quantity: 2 }]), t.s.placeOrder([{ sku, quantity: 1 }])];
    const ids = await Promise.all(placed.map((w) => t.s.waitFor('the order', () => t.s.localId(w))));
    const shortages = await Promise.all(ids.map((orderId) => t.s.client.call('stockSync.shortage', { orderId })));
    // the first took the last unit; the two after it are short
    expect(shortages.map((s) => s?.lines.map((l) => l.short))).toEqual([undefined, [2], [1]]);

    await expect(t.s.client.call('stockSync.resolveShortage', { orderId: ids[1]!, choice: 'cancel', reason: '' })).rejects.toThrow(/Say why/);
    const cancelled = await t.s.client.call('stockSync.resolveShortage', { orderId: ids[1]!, choice: 'cancel', reason: 'Sold out, sorry: refunded in full.' });
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.events.at(-1)!.message).toMatch(/Cancelled on the shop.*Sold out/);
    await t.s.waitFor('the shop cancelled it', () => t.s.emu.store.order(placed[1]!).status === 'cancelled', 15_000);

    // the packer sees it at the bench too, before anything is scanned
    expect((await t.s.client.call('pack.open', { orderId: ids[0]! })).shortWords).toBe('');
    expect((await t.s.client.call('pack.open', { orderId: ids[2]! })).shortWords)
      .toBe(`Arrived short: 1 × ${sku} was not in stock when this order came in. Pack it only if you have every item in hand; if not, put it back and choose Back-order, Cancel or Adjust on the order.`);
    const before = t.repos.stockSync.balance(sku, t.repos.catalog.defaultLocationId()!).onHand;
    const adjusted = await t.s.client.call('stockSync.resolveShortage', { orderId: ids[2]!, choice: 'adjust', reason: 'one more found in returns' });
    expect(adjusted.events.at(-1)!.message).toMatch(/Stock adjusted: 1 × .*one more found in returns/);
    expect(t.repos.stockSync.balance(sku, t.repos.catalog.defaultLocationId()!).onHand).toBe(before + 1);
    expect(await t.s.client.call('stockSync.shortage', { orderId: ids[2]! })).toMatchObject({ status: 'resolved', choice: 'adjust' });
    expect((await t.s.client.call('pack.open', { orderId: ids[2]! })).shortWords).toBe('');
    await expect(t.s.client.call('stockSync.resolveShortage', { orderId: ids[2]!, choice: 'backorder', reason: '' })).rejects.toThrow(/already resolved/);
  });
});

describe('daily reconciliation (#7)', () => {
  it('runs once a day after the time set, and each report is kept in the history', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => {});
    const { createCore } = await import('../../electron/core/create-core');
    const { createInMemoryClient } = await import('../../electron/core/hosts/in-memory-transport');
    const { startWooEmulator } = await import('../emulators/woocommerce/woo-emulator');
    const { tempDir } = await import('../support/temp-dir');
    const dir = tempDir('packbench-stock-daily-');
    const emu = await startWooEmulator();
    let now = new Date('2026-12-01T06:00:00.000Z');
    const core = createCore({ dataDir: dir.path, actor: 't', clock: { now: () => now }, sync: { timing: { idleCheckMs: 40 }, requestTimeoutMs: 1500 } });
    const client = createInMemoryClient(core);
    cleanup.push(async () => { client.close(); core.close(); await emu.stop(); dir.remove(); });
    await client.call('channels.connect', { kind: 'woocommerce', name: 'Daily Woo', baseUrl: emu.url, credentials: { consumerKey: emu.consumerKey, consumerSecret: emu.consumerSecret }, pollSeconds: 2, pushStock: true });
    await client.call('stockSync.setSchedule', { dailyAt: '06:30' });
    const ws = core.workspace();
    expect(await ws.stockSync.tick()).toBe(false);
    now = new Date('2026-12-01T06:31:00.000Z');
    expect(await ws.stockSync.tick()).toBe(true);
    expect(await ws.stockSync.tick()).toBe(false);
    now = new Date('2026-12-02T06:29:00.000Z');
    expect(await ws.stockSync.tick()).toBe(false);
    now = new Date('2026-12-02T07:10:00.000Z');
    expect(await ws.stockSync.tick()).toBe(true);
    const reports = await client.call('stockSync.reports', {});
    expect(reports.map((r) => [r.trigger, r.startedAt.slice(0, 10)])).toEqual([['schedule', '2026-12-02'], ['schedule', '2026-12-01']]);
    await expect(client.call('stockSync.setSchedule', { dailyAt: '25:00' })).rejects.toThrow(/06:30/);
  });
});

describe('Shopify emulator: inventorySetQuantities as 2026-10 documents it', () => {
  it('needs changeFromQuantity on every quantity (null opts out), and refuses a stale one with CHANGE_FROM_QUANTITY_STALE', async () => {
    const { gql } = await import('../support/shopify');
    const shop = await shopifyEmulator();
    shop.state.addProduct({ title: 'Mug', variants: [{ sku: 'MUG-1', price: '10.00', available: 4 }] });
    const item = `gid://shopify/InventoryItem/${shop.state.variantForSku('MUG-1')!.inventoryItemId}`;
    const location = `gid://shopify/Location/${shop.state.defaultLocation().id}`;
    let n = 0;
    const set = (q: Record<string, unknown>) => gql(shop, `mutation S($input: InventorySetQuantitiesInput!, $key: String!) { inventorySetQuantities(input: $input) @idempotent(key: $key) { userErrors { code field } } }`,
      { key: `test-key-${n++}`, input: { name: 'available', reason: 'correction', quantities: [{ inventoryItemId: item, locationId: location, quantity: 9, ...q }] } });
    const codes = async (q: Record<string, unknown>) => ((await set(q)).body.data!.inventorySetQuantities as { userErrors: Array<{ code: string }> }).userErrors.map((e) => e.code);
    expect(await codes({})).toEqual(['COMPARE_QUANTITY_REQUIRED']);
    expect(shop.state.availableOf('MUG-1')).toBe(4);
    expect(await codes({ changeFromQuantity: 3 })).toEqual(['CHANGE_FROM_QUANTITY_STALE']);
    expect(await codes({ changeFromQuantity: 4 })).toEqual([]);
    expect(shop.state.availableOf('MUG-1')).toBe(9);
    expect(await codes({ changeFromQuantity: null })).toEqual([]);
  });
});

describe('stock counts through injected faults (#7)', () => {
  it('with 20% faults on both shops (resets, timeouts after applying, 5xx, 429, garbage), every shop still ends at its count', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const t = await twoShops({ pollSeconds: 2 });
    const skus = t.skus.slice(0, 6);
    await t.s.waitFor('counts out', () => skus.every((sku) => t.converged(sku)), 30_000);
    t.shop.faults.configure({ rate: 0.2, seed: 7 });
    t.s.emu.faults.configure({ rate: 0.2, seed: 7 });
    for (let round = 0; round < 5; round++) {
      for (const [i, sku] of skus.entries()) await t.setAvailable(sku, 10 + ((round * 7 + i * 3) % 13));
      await new Promise((r) => setTimeout(r, 300));
    }
    await new Promise((r) => setTimeout(r, 2000));
    expect(t.shop.faults.injected.length + t.s.emu.faults.injected()).toBeGreaterThan(0);
    t.shop.faults.configure({ rate: 0 });
    t.s.emu.faults.configure({ rate: 0 });
    await t.s.client.call('sync.now', {});
    await t.s.waitFor('every shop at its count', () => skus.every((sku) => t.converged(sku)), 40_000);
    for (const sku of skus) expect(t.published(t.s.channelId, sku)! + t.published(t.shopifyId, sku)!).toBeLessThanOrEqual(t.ledger(sku));
  });
});

describe('a shop moves its own count when it sells or cancels (#7)', () => {
  it('a sale on WooCommerce, whose share stays 3, tops it back up to 3; its cancellation there (restocked to 4) is brought back to 3; no drift either way', async () => {
    const t = await twoShops({ pollSeconds: 2 });
    const sku = t.skus[5]!;
    await t.setAvailable(sku, 20);
    await t.s.client.call('stockSync.setRule', { channelId: t.s.channelId, sku, kind: 'cap', value: 3 });
    await t.s.client.call('stockSync.setRule', { channelId: t.shopifyId, sku, kind: 'cap', value: 5 });
    await t.s.waitFor('both shops at their caps', () => t.remote.woo(sku) === 3 && t.remote.shopify(sku) === 5 && t.converged(sku), 15_000);

    // the shop lowers its own count at the sale; 19 are still available here, so neither share moves
    const wooId = t.s.placeOrder([{ sku, quantity: 1 }]);
    expect(t.remote.woo(sku)).toBe(2);
    await t.s.waitFor('the sale here', () => t.s.localId(wooId) !== undefined);
    await t.s.waitFor('WooCommerce topped up to its share', () => t.remote.woo(sku) === 3 && t.converged(sku), 10_000);
    expect((await t.s.client.call('stockSync.reconcile', {})).lines).toEqual([]);

    // cancelled on the shop: WooCommerce puts the unit back on its count (4), above its share
    t.s.emu.store.updateOrder(wooId, { status: 'cancelled' });
    expect(t.remote.woo(sku)).toBe(4);
    await t.s.waitFor('the cancellation here', () => t.repos.orders.record(t.s.localId(wooId)!)?.status === 'cancelled');
    await t.s.waitFor('WooCommerce back at its cap', () => t.remote.woo(sku) === 3 && t.converged(sku), 10_000);
    expect((await t.s.client.call('stockSync.reconcile', {})).lines).toEqual([]);
    expect(t.remote.shopify(sku)).toBe(5);
  });
});

describe('a SKU one shop does not list (#7)', () => {
  it('takes no share there: the shop that lists it is offered all of it, and a raise reaches it', async () => {
    const only = 'NB-A5D-GREEN';
    const t = await twoShops({ pollSeconds: 2, notOnWoo: [only] });
    expect(t.skus).toContain(only);
    await t.setAvailable(only, 40);
    // WooCommerce answers "no such product" once; from then on Shopify gets the whole 40
    await t.s.waitFor('Shopify offered all of it', () => t.remote.shopify(only) === 40 && t.repos.stockSync.dirtyCount(t.shopifyId) === 0, 15_000);
    expect(t.remote.woo(only)).toBeNull();
    expect(t.published(t.s.channelId, only)).toBeUndefined();
    // more arrives: Shopify is raised, nobody holds it back
    await t.setAvailable(only, 45);
    await t.s.waitFor('Shopify raised', () => t.remote.shopify(only) === 45, 10_000);
    const overview = await t.s.client.call('stockSync.overview', { q: only, offset: 0, limit: 10 });
    expect(overview.rows[0]!.channels.map((c) => [c.channelId, c.shouldBe, c.listed])).toEqual([[t.s.channelId, 0, false], [t.shopifyId, 45, true]]);
  });
});

describe('allocation rules and safety stock (#7)', () => {
  it('"WooCommerce at most 3", "keep 2 back" and "Shopify 50%" reach the shops, and are listed in words', async () => {
    const t = await twoShops({ pollSeconds: 2 });
    const sku = t.skus[4]!;
    await t.setAvailable(sku, 20);
    await t.s.waitFor('counts out', () => t.converged(sku), 20_000);
    await t.s.client.call('stockSync.setRule', { channelId: t.s.channelId, sku, kind: 'cap', value: 3 });
    await t.s.client.call('stockSync.setRule', { channelId: t.shopifyId, sku: '', kind: 'percent', value: 50 });
    const rules = await t.s.client.call('stockSync.setSafety', { sku, quantity: 2 });
    expect(rules.rules.map((r) => r.words)).toEqual([`Test WooCommerce lists at most 3 of ${sku}.`, 'Test Shopify lists 50% of what is available of every SKU.']);
    expect(rules.safety).toEqual([{ sku, quantity: 2 }]);
    // 20 − 2 kept back = 18: WooCommerce 3, Shopify 9
    await t.s.waitFor('the rules on the shops', () => t.remote.woo(sku) === 3 && t.remote.shopify(sku) === 9 && t.converged(sku), 15_000);
    await expect(t.s.client.call('stockSync.setRule', { channelId: 0, sku: 'NO-SUCH-SKU', kind: 'cap', value: 1 })).rejects.toThrow(/not in the catalog/);
    await expect(t.s.client.call('stockSync.setRule', { channelId: 0, sku: '', kind: 'percent', value: 120 })).rejects.toThrow(/at most 100/);
    const history = await t.s.client.call('stockSync.history', { sku });
    expect(history.rows.some((h) => h.channelName === 'Test WooCommerce' && h.quantity === 3 && /allocation rule changed|safety stock changed/.test(h.cause))).toBe(true);
  });
});
