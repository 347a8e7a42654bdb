// Shopify through the whole app: a workspace on a real SQLite file connects the Shopify emulator
// with Settings' own command; the sync engine pulls a new order into the queue with its stock
// reserved; packing it sends its fulfillment back exactly once, even when the first answer is lost.

import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/create-core';
import { createFakePrinter } from '../../electron/core/drivers/printer';
import { createInMemoryClient } from '../../electron/core/hosts/in-memory-transport';
import type { ShopifyEmulator } from '../emulators/shopify/server';
import { gid } from '../emulators/shopify/views';
import { scanAll } from '../support/pack-helpers';
import { shopifyEmulator, stopShopifyEmulators } from '../support/shopify';
import { FAST_TIMING } from '../support/sync-station';
import { tempDir } from '../support/temp-dir';

const cleanups: Array<() => void | Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
  await stopShopifyEmulators();
});

async function waitFor<T>(what: string, probe: () => T | undefined | null | false, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v !== undefined && v !== null && v !== false) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function station(emu: ShopifyEmulator) {
  const dir = tempDir('packbench-shopify-sync-');
  const core: Core = createCore({ dataDir: dir.path, actor: 'packer-1', printerFactory: () => createFakePrinter(), sync: { timing: FAST_TIMING, requestTimeoutMs: 1500 } });
  const client = createInMemoryClient(core);
  cleanups.push(() => dir.remove(), () => { client.close(); core.close(); }, () => core.workspace().print.idle());
  const skus = core.workspace().repos.db.$client.prepare('SELECT sku, title FROM variants ORDER BY id').all() as Array<{ sku: string; title: string }>;
  for (const v of skus) emu.state.addProduct({ title: v.title, variants: [{ sku: v.sku, price: '12.50', available: 500 }] });
  const saved = await client.call('channels.connect', { kind: 'shopify', name: 'Test Shopify', baseUrl: emu.url, credentials: { accessToken: emu.accessToken }, pollSeconds: 2, pushStock: false });
  return { core, client, channelId: saved.channelId, skus };
}

describe('Shopify through the sync engine', () => {
  it('brings a new order into the queue with its stock reserved and sends its fulfillment back once', async () => {
    const emu = await shopifyEmulator();
    const { core, client, channelId, skus } = await station(emu);
    const sku = skus[0]!.sku;
    const variantId = core.workspace().repos.catalog.variantBySku(sku)!.id;
    const locationId = core.workspace().repos.catalog.defaultLocationId()!;
    const committedBefore = core.workspace().repos.inventory.balance(variantId, locationId).committed;
    const remote = emu.state.createOrder({ email: 'zoe@example.de', lines: [{ sku, quantity: 2 }], shippingAddress: { firstName: 'Zoë', lastName: 'Müller', address1: 'Königstraße 12', city: 'Stuttgart', zip: '70173', countryCode: 'DE' } });
    const orderId = await waitFor('the Shopify order in the queue', () => core.workspace().repos.sync.version(channelId, gid('Order', remote.id))?.orderId);
    expect(core.workspace().repos.inventory.balance(variantId, locationId).committed).toBe(committedBefore + 2);

    // the first answer to the fulfillment is lost after Shopify applied it
    emu.faults.script({ kind: 'reset', after: true, operation: 'FulfilmentCreate' });
    const view = await client.call('pack.open', { orderId });
    await scanAll(core, client, view.sessionId);
    await client.call('pack.complete', { sessionId: view.sessionId });
    await waitFor('the fulfillment on Shopify', () => emu.state.fulfillmentStatus(emu.state.orders.get(remote.id)!) === 'FULFILLED');
    await waitFor('the outbox to settle', () => (core.workspace().repos.db.$client.prepare("SELECT count(*) AS n FROM outbox WHERE topic = 'order.fulfilled' AND status = 'pending' AND channel_id = ?").get(channelId) as { n: number }).n === 0);
    await new Promise((r) => setTimeout(r, 300));
    expect(emu.faults.injected.map((f) => f.kind)).toContain('reset');
    expect(emu.state.applied.filter((a) => a.mutation === 'fulfillmentCreate')).toHaveLength(1);
  });
});
