// Refunds from the returns bench reach the shop through the sync engine and the real channel adapters,
// over loopback to the WooCommerce and Shopify emulators: once, in the order's currency, with the
// shop's refusals shown in words on the Sync screen and on the return.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCore, type Core } from '../../electron/core/create-core';
import { createFakePrinter } from '../../electron/core/drivers/printer';
import { createInMemoryClient } from '../../electron/core/hosts/in-memory-transport';
import { gid } from '../emulators/shopify/views';
import { refundRows, returnTwoAndRefund } from '../support/returns-helpers';
import { shopifyEmulator, stopShopifyEmulators } from '../support/shopify';
import { DEMO_SKUS, FAST_TIMING, startSyncStation, type SyncStation } from '../support/sync-station';
import { tempDir } from '../support/temp-dir';

const cleanups: Array<() => void | Promise<void>> = [];
afterEach(async () => {
  vi.restoreAllMocks();
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

async function wooStation(options: Parameters<typeof startSyncStation>[0] = {}): Promise<SyncStation> {
  const s = await startSyncStation(options);
  cleanups.push(() => s.close());
  return s;
}

/** An order placed on the WooCommerce emulator, pulled into the queue, packed and shipped. */
async function shippedWooOrder(s: SyncStation, extra: Record<string, unknown> = {}) {
  const skus = DEMO_SKUS(s.core);
  const w = s.placeOrder([{ sku: skus[0]!, quantity: 1 }, { sku: skus[1]!, quantity: 1 }, { sku: skus[2]!, quantity: 1 }], extra);
  const orderId = await s.waitFor('the order in the queue', () => s.localId(w));
  await s.pack(orderId);
  if ((await s.client.call('orders.get', { id: orderId })).status === 'packed') await s.client.call('orders.transition', { id: orderId, to: 'shipped' });
  return { w, orderId };
}

describe('refunds pushed to WooCommerce', () => {
  it('a graded return is refunded on the shop once, in the order currency, with its lines; the return shows the shop has it', async () => {
    const s = await wooStation();
    const { w, orderId } = await shippedWooOrder(s);
    const r = await returnTwoAndRefund(s.core, s.client, orderId);
    // 12.50 each (the products' price); the damaged item refunds the order's shipping
    const shipping = s.core.workspace().repos.orders.record(orderId)!.shippingMinor;
    expect(shipping).toBeGreaterThan(0);
    expect(r.amountMinor).toBe(2500 + shipping);
    const decimal = (r.amountMinor / 100).toFixed(2);
    await s.waitFor('the refund on the shop', () => s.emu.store.effectsFor('refund.created', w).length === 1);
    await s.client.call('sync.now', {});
    await s.core.workspace().sync.settled();
    expect(s.emu.store.effectsFor('refund.created', w)).toEqual([expect.objectContaining({ amount: decimal })]);
    const onShop = s.emu.store.refunds.get(w)!;
    expect(onShop).toHaveLength(1);
    // paid by card: WooCommerce pays it back through the gateway
    expect(onShop[0]).toMatchObject({ amount: decimal, refunded_payment: true, reason: expect.stringContaining(r.rma) });
    expect(onShop[0]!.line_items.map((l) => [l.sku, l.quantity])).toEqual([[r.skus[0], -1], [r.skus[1], -1]]);
    const view = await s.client.call('returns.get', { id: r.returnId });
    expect(view.refund!.push).toMatchObject({ status: 'sent', words: expect.stringMatching(/refunded/) });
    const timeline = (await s.client.call('orders.get', { id: orderId })).events;
    expect(timeline.filter((e) => e.kind === 'sync_push').map((e) => e.message)).toEqual(expect.arrayContaining([expect.stringMatching(/refunded/)]));
  });

  it('with the shop offline the refund waits, visible in words; back online it is sent once', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const s = await wooStation();
    const { w, orderId } = await shippedWooOrder(s);
    await s.waitFor('the shipment on the shop', () => s.emu.store.order(w).status === 'completed');
    await s.emu.stop();
    const r = await returnTwoAndRefund(s.core, s.client, orderId);
    await s.waitFor('a failed attempt', () => refundRows(s.core)[0]!.status === 'pending' && (s.core.workspace().repos.outboxDrain.row(refundRows(s.core)[0]!.id)?.attempts ?? 0) >= 1);
    const waiting = await s.client.call('returns.get', { id: r.returnId });
    expect(waiting.refund!.push.status).toBe('pending');
    expect(waiting.refund!.push.words).toMatch(/^Waiting to be sent to Test WooCommerce/);
    const status = (await s.client.call('sync.status', {})).channels.find((c) => c.channelId === s.channelId)!;
    expect(status.waiting).toBeGreaterThanOrEqual(1);
    expect(s.emu.store.effectsFor('refund.created', w)).toHaveLength(0);
    await s.emu.start();
    await s.client.call('sync.now', {});
    await s.waitFor('the refund on the shop', () => s.emu.store.effectsFor('refund.created', w).length === 1);
    await s.client.call('sync.now', {});
    await s.core.workspace().sync.settled();
    expect(s.emu.store.effectsFor('refund.created', w)).toHaveLength(1);
    expect((await s.client.call('returns.get', { id: r.returnId })).refund!.push.status).toBe('sent');
  });

  it('the answer to the refund is lost after the shop made it: looked up, not sent again', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const s = await wooStation();
    const { w, orderId } = await shippedWooOrder(s);
    s.emu.faults.queue(/\/refunds$/, 'reset', 'after', 'POST');
    const r = await returnTwoAndRefund(s.core, s.client, orderId);
    await s.waitFor('the refund sent', () => refundRows(s.core)[0]!.status === 'sent');
    expect(s.emu.faults.injected()).toBeGreaterThanOrEqual(1);
    expect(s.emu.store.effectsFor('refund.created', w)).toHaveLength(1);
    expect((await s.client.call('returns.get', { id: r.returnId })).refund!.push.status).toBe('sent');
  });

  it('cash on delivery: the refund is recorded on the shop without asking the gateway, and the return says to pay it back by hand', async () => {
    const s = await wooStation();
    const { w, orderId } = await shippedWooOrder(s, { payment_method: 'cod' });
    const r = await returnTwoAndRefund(s.core, s.client, orderId);
    await s.waitFor('the refund sent', () => refundRows(s.core)[0]!.status === 'sent');
    expect(s.emu.store.refunds.get(w)).toEqual([expect.objectContaining({ amount: (r.amountMinor / 100).toFixed(2), refunded_payment: false })]);
    const view = await s.client.call('returns.get', { id: r.returnId });
    expect(view.refund!.push.status).toBe('sent');
    expect(view.refund!.push.words).toMatch(/"Cash on delivery" is not paid back by WooCommerce: pay the customer by hand\.$/);
  });

  it('a refund the shop refuses is shown in its words on the Sync screen and on the return; nothing else is held up', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const s = await wooStation();
    // more than is left on the order: another refund was given in the WooCommerce admin meanwhile
    const { w, orderId } = await shippedWooOrder(s);
    s.emu.store.addRefund(w, { amount: '30.00', reason: 'Refunded in the shop admin', api_refund: false });
    const status0 = (await s.client.call('sync.status', {})).channels.find((c) => c.channelId === s.channelId)!;
    expect(status0.failed).toBe(0);
    const r = await returnTwoAndRefund(s.core, s.client, orderId);
    await s.waitFor('the refusal', () => refundRows(s.core)[0]!.status === 'failed');
    const status = (await s.client.call('sync.status', {})).channels.find((c) => c.channelId === s.channelId)!;
    expect(status.failed).toBe(1);
    const words = status.errors.map((e) => e.words).join('\n');
    expect(words).toMatch(/Test WooCommerce refused refunding order #\d+: "Invalid refund amount\." Nothing was refunded there\./);
    expect(words).not.toMatch(/woocommerce_rest|\/wp-json|undefined|HTTP 500/);
    const view = await s.client.call('returns.get', { id: r.returnId });
    expect(view.refund!.push).toMatchObject({ status: 'failed', words: expect.stringMatching(/refund/i) });
    expect(s.emu.store.refunds.get(w)).toHaveLength(1);
    // later orders still go out
    const next = await shippedWooOrder(s);
    await s.waitFor('the next shipment', () => s.emu.store.order(next.w).status === 'completed');
  });
});

describe('refunds pushed to Shopify (refundCreate)', () => {
  async function shopifyStation(gateway?: string) {
    const emu = await shopifyEmulator();
    const dir = tempDir('packbench-returns-shopify-');
    const core: Core = createCore({ dataDir: dir.path, actor: 'packer-1', printerFactory: () => createFakePrinter(), sync: { timing: FAST_TIMING, requestTimeoutMs: 1500 } });
    const client = createInMemoryClient(core);
    cleanups.push(() => dir.remove(), () => { client.close(); core.close(); }, async () => { await core.workspace().shipping.queue.idle(); await core.workspace().print.idle(); });
    const skus = DEMO_SKUS(core);
    for (const sku of skus) emu.state.addProduct({ title: sku, variants: [{ sku, price: '12.50', available: 500 }] });
    const saved = await client.call('channels.connect', { kind: 'shopify', name: 'Test Shopify', baseUrl: emu.url, credentials: { accessToken: emu.accessToken }, pollSeconds: 2, pushStock: false });
    const remote = emu.state.createOrder({
      email: 'zoe@example.de', lines: [{ sku: skus[0]!, quantity: 1 }, { sku: skus[1]!, quantity: 1 }, { sku: skus[2]!, quantity: 1 }], gateway,
      shippingAddress: { firstName: 'Zoë', lastName: 'Müller', address1: 'Königstraße 12', city: 'Stuttgart', zip: '70173', countryCode: 'DE' },
    });
    const orderId = await waitFor('the Shopify order in the queue', () => core.workspace().repos.sync.version(saved.channelId, gid('Order', remote.id))?.orderId);
    const view = await client.call('pack.open', { orderId });
    const { scanAll } = await import('../support/pack-helpers');
    await scanAll(core, client, view.sessionId);
    await client.call('pack.complete', { sessionId: view.sessionId });
    if ((await client.call('orders.get', { id: orderId })).status === 'packed') await client.call('orders.transition', { id: orderId, to: 'shipped' });
    return { emu, core, client, channelId: saved.channelId, remote, orderId };
  }

  it('one refundCreate, validated against the Admin schema, with the amount in the shop currency and the lines; a lost answer is not a second refund', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { emu, core, client, remote, orderId } = await shopifyStation();
    emu.faults.script({ kind: 'reset', after: true, operation: 'RefundCreate' });
    const r = await returnTwoAndRefund(core, client, orderId);
    expect(r.amountMinor).toBe(2500);
    await waitFor('the refund sent', () => refundRows(core)[0]!.status === 'sent');
    expect(emu.faults.injected.map((f) => f.kind)).toContain('reset');
    const applied = emu.state.applied.filter((a) => a.mutation === 'refundCreate');
    expect(applied).toHaveLength(1);
    const order = emu.state.orders.get(remote.id)!;
    expect(order.refundIds).toHaveLength(1);
    const refund = emu.state.refunds.get(order.refundIds[0]!)!;
    expect(refund.amountMinor).toBe(2500);
    expect(refund.note).toContain(r.rma);
    expect(refund.lines.map((l) => l.quantity)).toEqual([1, 1]);
    // the shop keeps its own stock counts out of it unless the shop chose otherwise
    expect(refund.lines.map((l) => l.restockType)).toEqual(['NO_RESTOCK', 'NO_RESTOCK']);
    expect(emu.state.emails.filter((e) => e.kind === 'refund')).toHaveLength(1);
    // the money goes back through the payment it came from: a refund transaction against the order's sale
    const sale = order.transactions.find((t) => t.kind === 'SALE')!;
    expect(order.transactions.filter((t) => t.kind === 'REFUND')).toEqual([expect.objectContaining({ parentId: sale.id, gateway: 'shopify_payments', amountMinor: 2500 })]);
    const view = await client.call('returns.get', { id: r.returnId });
    expect(view.refund!.push.status).toBe('sent');
    expect(view.refund!.push.words).not.toMatch(/by hand/);
  });

  it('an order paid outside Shopify (cash on delivery): the refund is recorded there, and the return says to pay it back by hand', async () => {
    const { emu, core, client, remote, orderId } = await shopifyStation('Cash on Delivery (COD)');
    const r = await returnTwoAndRefund(core, client, orderId);
    await waitFor('the refund sent', () => refundRows(core)[0]!.status === 'sent');
    const order = emu.state.orders.get(remote.id)!;
    expect(order.transactions.filter((t) => t.kind === 'REFUND')).toEqual([expect.objectContaining({ parentId: null, gateway: 'manual', amountMinor: r.amountMinor })]);
    expect((await client.call('returns.get', { id: r.returnId })).refund!.push.words).toMatch(/pay the customer back by hand\.$/);
  });

  it('Shopify refuses a refund larger than what is left on the order: shown in its words on the Sync screen and on the return', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { emu, core, client, remote, orderId, channelId } = await shopifyStation();
    // most of the order was refunded in the Shopify admin meanwhile
    emu.state.createRefund({ orderId: remote.id, note: 'Goodwill, given in the admin', notify: false, amountMinor: 3000, lines: [] });
    const r = await returnTwoAndRefund(core, client, orderId);
    await waitFor('the refusal', () => refundRows(core)[0]!.status === 'failed');
    const status = (await client.call('sync.status', {})).channels.find((c) => c.channelId === channelId)!;
    expect(status.errors.map((e) => e.words).join('\n')).toMatch(/refused the refund of order #\d+: Amount cannot be greater than the refundable amount \(7\.50 [A-Z]{3}\)/);
    const view = await client.call('returns.get', { id: r.returnId });
    expect(view.refund!.push).toMatchObject({ status: 'failed', words: expect.stringMatching(/refundable amount/) });
    expect(emu.state.orders.get(remote.id)!.refundIds).toHaveLength(1);
  });
});
