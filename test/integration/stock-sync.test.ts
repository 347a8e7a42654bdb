import { afterEach, describe, expect, it, vi } from 'vitest';
import { shopifyEmulator, stopShopifyEmulators } from '../support/shopify';
import { startSyncStation, type SyncStation } from '../support/sync-station';

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => { vi.restoreAllMocks(); while (cleanup.length) await cleanup.pop()!(); await stopShopifyEmulators(); });

const address = { firstName: 'Sam', lastName: 'Taylor', address1: '221 King St', city: 'Portland', provinceCode: 'OR', zip: '97205', countryCode: 'US' };

async function twoShops(options: { pollSeconds?: number } = {}) {
  vi.spyOn(console, 'log').mockImplementation(() => {});
  const s: SyncStation = await startSyncStation({ pushStock: true, pollSeconds: options.pollSeconds ?? 2 });
  cleanup.push(() => s.close());
  const shop = await shopifyEmulator();
  const repos = s.core.workspace().repos;
  const skus = (repos.db.$client.prepare('SELECT sku, title FROM variants ORDER BY id').all() as Array<{ sku: string; title: string }>);
  for (const v of skus) shop.state.addProduct({ title: v.title, variants: [{ sku: v.sku, price: '12.50', available: 500 }] });
  const shopify = await s.client.call('channels.connect', { kind: 'shopify', name: 'Test Shopify', baseUrl: shop.url, credentials: { accessToken: shop.accessToken }, pollSeconds: options.pollSeconds ?? 2, pushStock: true });
  const ledger = (sku: string) => { const b = repos.stockSync.balance(sku, null); return b.onHand - b.committed; };
  const published = (channelId: number, sku: string) => repos.stockSync.published(channelId, sku)?.quantity;
  const remote = { woo: (sku: string) => s.emu.store.stockOf(sku), shopify: (sku: string) => shop.state.availableOf(sku) };
  /** every channel shows what it was told, and the shares fit in the ledger */
  const converged = (sku: string) => {
    const w = published(s.channelId, sku);
    const p = published(shopify.channelId, sku);
    return w !== undefined && p !== undefined && remote.woo(sku) === w && remote.shopify(sku) === p && w + p <= Math.max(0, ledger(sku)) && repos.stockSync.dirtyCount(s.channelId) + repos.stockSync.dirtyCount(shopify.channelId) === 0;
  };
  return { s, shop, repos, skus: skus.map((v) => v.sku), shopifyId: shopify.channelId, ledger, published, remote, converged };
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
    expect(history.rows.some((h) => h.channelName === 'Test WooCommerce' && /order/i.test(h.cause))).toBe(true);
  });
});
