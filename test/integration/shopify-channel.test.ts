// The Shopify adapter against the emulator over a real loopback HTTP port: orders by cursor across
// pages, the bulk first import, a parcel fulfilled exactly once through lost answers, stock set with
// compare-and-set, pacing by the rate limit, and broken answers turned into errors in words.

import { afterEach, describe, expect, it } from 'vitest';
import { ChannelError } from '../../electron/core/sync/channel-error';
import type { FulfilmentPush, RemoteOrder, SalesChannel } from '../../electron/core/sync/sales-channel';
import { seedDemoShop, seedOrders } from '../emulators/shopify/seed';
import type { ShopifyEmulator } from '../emulators/shopify/server';
import { gid } from '../emulators/shopify/views';
import { shopifyChannel, shopifyEmulator, stopShopifyEmulators } from '../support/shopify';

afterEach(stopShopifyEmulators);

const HOUR_AGO = () => new Date(Date.now() - 3600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

async function pullAll(channel: SalesChannel, since: string | null, pageSize = 50) {
  const orders: RemoteOrder[] = [];
  let continuation: string | null = null;
  let cursor = '';
  let pages = 0;
  const rejected = [];
  do {
    const page = await channel.pullOrders({ since, continuation, pageSize });
    orders.push(...page.orders);
    rejected.push(...page.rejected);
    continuation = page.continuation;
    cursor = page.nextCursor;
    pages++;
  } while (continuation);
  return { orders, rejected, cursor, pages };
}

async function caught(p: Promise<unknown>): Promise<ChannelError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ChannelError) return e;
    throw e;
  }
  throw new Error('expected a ChannelError');
}

function parcel(emu: ShopifyEmulator, orderId: number, lines: Array<{ sku: string; quantity: number }>, extra: Partial<FulfilmentPush> = {}): FulfilmentPush {
  const o = emu.state.orders.get(orderId)!;
  return {
    externalOrderId: gid('Order', o.id), orderNumber: o.name, parcelNo: 1, final: true, notifyCustomer: true, remoteLocationId: null,
    tracking: { company: 'UPS', number: '1Z999AA10123456784', url: '' }, replacesTracking: null,
    lines: lines.map((l) => ({ ...l, externalLineId: gid('LineItem', o.lines.find((x) => x.sku === l.sku)!.id) })),
    ...extra,
  };
}

describe('Shopify adapter: orders', () => {
  it('imports open orders page by page, then only what changed since the cursor, across pages', async () => {
    const emu = await shopifyEmulator({ seed: (s) => {
      s.addProduct({ title: 'Enamel mug', variants: [{ sku: 'MUG-1', price: '14.90', available: 100 }] });
      s.addProduct({ title: 'Candle', variants: [{ sku: 'CANDLE-S', price: '9.00', title: 'Small' }] });
      for (let i = 0; i < 30; i++) s.createOrder({ createdAt: HOUR_AGO(), email: `c${i}@example.de`, lines: [{ sku: 'MUG-1', quantity: 2 }, { sku: 'CANDLE-S', quantity: 1 }], shippingPrice: '4.90', tax: '1.20', shippingAddress: { firstName: 'Zoë', lastName: 'Müller', address1: 'Königstraße 12', city: 'Stuttgart', zip: '70173', countryCode: 'DE' } });
    } });
    const channel = shopifyChannel(emu);
    const first = await pullAll(channel, null, 7);
    expect(first.orders).toHaveLength(30);
    expect(first.pages).toBeGreaterThanOrEqual(5);
    const o = first.orders[0]!;
    expect(o).toMatchObject({
      number: '#1001', state: 'ready', currency: 'EUR', customerName: 'Zoë Müller', subtotalMinor: 3880, shippingMinor: 490, taxMinor: 120, totalMinor: 4490,
      shipTo: { name: 'Zoë Müller', line1: 'Königstraße 12', city: 'Stuttgart', postalCode: '70173', countryCode: 'DE', email: 'c0@example.de' },
      remoteLocationId: gid('Location', emu.state.defaultLocation().id),
    });
    expect(o.lines).toEqual([
      { externalLineId: expect.stringMatching(/^gid:\/\/shopify\/LineItem\//), sku: 'MUG-1', title: 'Enamel mug', quantity: 2, unitPriceMinor: 1490 },
      { externalLineId: expect.stringMatching(/^gid:\/\/shopify\/LineItem\//), sku: 'CANDLE-S', title: 'Candle - Small', quantity: 1, unitPriceMinor: 900 },
    ]);

    // upstream changes after the pass: two edits, a cancel, a new address, a new order
    const ids = [...emu.state.orders.keys()];
    emu.state.editOrderLine(ids[3]!, 'MUG-1', 1);
    emu.state.editOrderLine(ids[4]!, 'CANDLE-S', 0);
    emu.state.cancelOrder(ids[5]!, 'CUSTOMER');
    emu.state.readdressOrder(ids[6]!, { city: 'Łódź', zip: '90-926', countryCode: 'PL' });
    for (let i = 0; i < 8; i++) emu.state.createOrder({ lines: [{ sku: 'MUG-1', quantity: 1 }] });
    const next = await pullAll(channel, first.cursor, 5);
    expect(next.pages).toBeGreaterThanOrEqual(3);
    expect(next.orders).toHaveLength(12);
    const by = (id: number) => next.orders.find((x) => x.externalId === gid('Order', id))!;
    expect(by(ids[3]!).lines.find((l) => l.sku === 'MUG-1')!.quantity).toBe(1);
    expect(by(ids[4]!).lines.map((l) => l.sku)).toEqual(['MUG-1']);
    expect(by(ids[5]!).state).toBe('cancelled');
    expect(by(ids[6]!).shipTo).toMatchObject({ city: 'Łódź', countryCode: 'PL' });
    // the cursor moves on: nothing older than the pass comes back
    expect(Date.parse(JSON.parse(next.cursor).updatedAtMin)).toBeGreaterThan(Date.parse(JSON.parse(first.cursor).updatedAtMin) - 1);
  });

  it('imports a large store the first time through one bulk operation (JSONL), not hundreds of pages', async () => {
    const emu = await shopifyEmulator({ seed: (s) => { seedDemoShop(s, 0); seedOrders(s, 320); } });
    const channel = shopifyChannel(emu, 5000);
    const { orders, rejected, pages } = await pullAll(channel, null, 100);
    expect(rejected).toEqual([]);
    expect(orders).toHaveLength(320);
    expect(new Set(orders.map((o) => o.externalId)).size).toBe(320);
    expect(orders.every((o) => o.lines.length >= 1 && o.lines.every((l) => l.sku && l.unitPriceMinor > 0))).toBe(true);
    expect(emu.bulkOps.size).toBe(1);
    expect(emu.stats.byOperation.get('OrdersPage')).toBeUndefined();
    expect(pages).toBeGreaterThanOrEqual(4);
  });
});

describe('Shopify adapter: fulfilments', () => {
  it('fulfils a parcel with tracking once, though the answer is lost and the push is retried with the same key', async () => {
    const emu = await shopifyEmulator({ seed: (s) => seedDemoShop(s, 0) });
    const order = emu.state.createOrder({ email: 'zoe@example.de', lines: [{ sku: 'MUG-ENAMEL-WHT', quantity: 2 }, { sku: 'NB-A5-DOT', quantity: 1 }] });
    const channel = shopifyChannel(emu);
    const push = parcel(emu, order.id, [{ sku: 'MUG-ENAMEL-WHT', quantity: 2 }, { sku: 'NB-A5-DOT', quantity: 1 }]);
    emu.faults.script({ kind: 'reset', after: true, operation: 'FulfilmentCreate' });
    const lost = await caught(channel.pushFulfilment(push, { idempotencyKey: 'ob-41', attempt: 1 }));
    expect(lost.kind).toBe('no_answer');
    expect(lost.words).toMatch(/did not answer while sending parcel 1 of order #1001\. Packbench will check whether it arrived/);
    // the engine asks before sending again, and a retry finds it too
    const found = await channel.lookupPush({ kind: 'fulfilment', push }, { idempotencyKey: 'ob-41', attempt: 2 });
    expect(found).toMatchObject({ found: true, remoteRef: expect.stringMatching(/^gid:\/\/shopify\/Fulfillment\//) });
    const retry = await channel.pushFulfilment(push, { idempotencyKey: 'ob-41', attempt: 2 });
    expect(retry.outcome).toBe('already_applied');
    const created = emu.state.applied.filter((a) => a.mutation === 'fulfillmentCreate');
    expect(created).toHaveLength(1);
    expect(created[0]!.result).toMatchObject({ notifyCustomer: true, tracking: [{ company: 'UPS', number: '1Z999AA10123456784' }] });
    expect(emu.state.emails.filter((e) => e.kind === 'shipping_confirmation')).toHaveLength(1);
    expect(emu.state.fulfillmentStatus(emu.state.orders.get(order.id)!)).toBe('FULFILLED');
  });

  it('a label voided and bought again after Shopify had the first: the same fulfillment gets the new number once, and the customer a shipping update', async () => {
    const emu = await shopifyEmulator({ seed: (s) => seedDemoShop(s, 0) });
    const order = emu.state.createOrder({ email: 'zoe@example.de', lines: [{ sku: 'MUG-ENAMEL-WHT', quantity: 1 }] });
    const channel = shopifyChannel(emu);
    const first = parcel(emu, order.id, [{ sku: 'MUG-ENAMEL-WHT', quantity: 1 }]);
    expect((await channel.pushFulfilment(first, { idempotencyKey: 'f1', attempt: 1 })).outcome).toBe('applied');
    const replacement = { ...first, tracking: { company: 'UPS', number: '1Z999AA10123456795', url: '' }, replacesTracking: first.tracking!.number };
    // the update arrives, its answer is lost: the retry finds the new number there and sends nothing
    emu.faults.script({ kind: 'reset', after: true, operation: 'FulfilmentTrackingUpdate' });
    expect((await caught(channel.pushFulfilment(replacement, { idempotencyKey: 'f2', attempt: 1 }))).kind).toBe('no_answer');
    expect(await channel.lookupPush({ kind: 'fulfilment', push: replacement }, { idempotencyKey: 'f2', attempt: 2 })).toMatchObject({ found: true });
    const retry = await channel.pushFulfilment(replacement, { idempotencyKey: 'f2', attempt: 2 });
    expect(retry).toMatchObject({ outcome: 'already_applied' });
    expect(emu.state.applied.filter((a) => a.mutation.startsWith('fulfillment')).map((a) => a.mutation)).toEqual(['fulfillmentCreate', 'fulfillmentTrackingInfoUpdate']);
    const fulfillment = [...emu.state.fulfillments.values()].filter((f) => f.orderId === order.id);
    expect(fulfillment).toHaveLength(1);
    expect(fulfillment[0]!.tracking.map((t) => t.number)).toEqual(['1Z999AA10123456795']);
    expect(emu.state.emails.filter((e) => e.orderId === order.id).map((e) => e.kind)).toEqual(['shipping_confirmation', 'shipping_update']);
  });

  it('sends again when the request never arrived, and ships parcels without tracking once each', async () => {
    const emu = await shopifyEmulator({ seed: (s) => seedDemoShop(s, 0) });
    const order = emu.state.createOrder({ lines: [{ sku: 'MUG-ENAMEL-WHT', quantity: 2 }, { sku: 'NB-A5-DOT', quantity: 1 }] });
    const channel = shopifyChannel(emu);
    const first = parcel(emu, order.id, [{ sku: 'MUG-ENAMEL-WHT', quantity: 1 }], { tracking: null, final: false, notifyCustomer: false });
    emu.faults.script({ kind: 'reset', after: false, operation: 'FulfilmentCreate' });
    expect((await caught(channel.pushFulfilment(first, { idempotencyKey: 'p1', attempt: 1 }))).kind).toBe('no_answer');
    expect(await channel.lookupPush({ kind: 'fulfilment', push: first }, { idempotencyKey: 'p1', attempt: 2 })).toEqual({ found: false });
    expect((await channel.pushFulfilment(first, { idempotencyKey: 'p1', attempt: 2 })).outcome).toBe('applied');
    // parcel 2 has the same line as parcel 1 and no tracking either; its answer is lost after it applied
    const second = { ...parcel(emu, order.id, [{ sku: 'MUG-ENAMEL-WHT', quantity: 1 }, { sku: 'NB-A5-DOT', quantity: 1 }]), parcelNo: 2, tracking: null };
    emu.faults.script({ kind: 'truncated', after: true, operation: 'FulfilmentCreate' });
    expect((await caught(channel.pushFulfilment(second, { idempotencyKey: 'p2', attempt: 1 }))).kind).toBe('no_answer');
    expect((await channel.pushFulfilment(second, { idempotencyKey: 'p2', attempt: 2 })).outcome).toBe('already_applied');
    expect(emu.state.applied.filter((a) => a.mutation === 'fulfillmentCreate')).toHaveLength(2);
    expect(emu.state.fulfillmentStatus(emu.state.orders.get(order.id)!)).toBe('FULFILLED');
  });

  it('says in words why a parcel cannot go: a cancelled order, or nothing left to ship', async () => {
    const emu = await shopifyEmulator({ seed: (s) => seedDemoShop(s, 0) });
    const order = emu.state.createOrder({ lines: [{ sku: 'MUG-ENAMEL-WHT', quantity: 1 }] });
    const channel = shopifyChannel(emu);
    emu.state.cancelOrder(order.id);
    const cancelled = await caught(channel.pushFulfilment(parcel(emu, order.id, [{ sku: 'MUG-ENAMEL-WHT', quantity: 1 }]), { idempotencyKey: 'c1', attempt: 1 }));
    expect(cancelled).toMatchObject({ kind: 'permanent', words: expect.stringMatching(/^Order #1001 is cancelled on Shopify store Test store, so parcel 1 of order #1001 was not marked shipped there\./) });
    const other = emu.state.createOrder({ lines: [{ sku: 'MUG-ENAMEL-WHT', quantity: 1 }] });
    const tooMany = await caught(channel.pushFulfilment(parcel(emu, other.id, [{ sku: 'MUG-ENAMEL-WHT', quantity: 3 }]), { idempotencyKey: 'c2', attempt: 1 }));
    expect(tooMany.kind).toBe('permanent');
    expect(tooMany.words).toMatch(/has fewer than 3 × MUG-ENAMEL-WHT left to ship on order #1002/);
    expect(emu.state.applied).toHaveLength(0);
  });
});

describe('Shopify adapter: stock', () => {
  it('sets available counts with compare-and-set, re-reads a stale one instead of overwriting it, and reuses its key on retry', async () => {
    const emu = await shopifyEmulator({ seed: (s) => seedDemoShop(s, 0) });
    const channel = shopifyChannel(emu);
    const [read] = await channel.readQuantities([{ sku: 'MUG-ENAMEL-WHT', ref: null, remoteLocationId: null }]);
    expect(read).toMatchObject({ available: 40, onHand: 40, ref: expect.stringMatching(/InventoryItem/) });
    const push = [{ sku: 'MUG-ENAMEL-WHT', ref: read!.ref, remoteLocationId: null, available: 37, expectedRemote: 40 }, { sku: 'NO-SUCH-SKU', ref: null, remoteLocationId: null, available: 1, expectedRemote: null }];
    const ok = await channel.pushAvailable(push, { idempotencyKey: 'av-1', attempt: 1 });
    expect(ok.map((r) => r.outcome)).toEqual(['applied', 'not_listed']);
    expect(ok[1]!.words).toBe('Shopify store Test store has no product with SKU NO-SUCH-SKU; its count was not sent.');
    // the same row retried: Shopify sees the same key and does not apply it again
    await channel.pushAvailable(push, { idempotencyKey: 'av-1', attempt: 2 });
    expect(emu.state.applied.filter((a) => a.mutation === 'inventorySetQuantities')).toHaveLength(1);
    expect(emu.stats.idempotentReplays).toBe(1);

    // somebody sells two in the shop's own POS; our push still expects 37
    const v = emu.state.variantForSku('MUG-ENAMEL-WHT')!;
    emu.state.setQuantity(v.inventoryItemId, emu.state.defaultLocation().id, 'available', 35);
    const stale = await channel.pushAvailable([{ sku: 'MUG-ENAMEL-WHT', ref: read!.ref, remoteLocationId: null, available: 36, expectedRemote: 37 }], { idempotencyKey: 'av-2', attempt: 1 });
    expect(stale[0]).toMatchObject({ outcome: 'stale', remoteAvailable: 35 });
    expect(stale[0]!.words).toMatch(/shows 35 available for MUG-ENAMEL-WHT, not the 37 Packbench last saw; the count was not overwritten/);
    expect((await channel.readQuantities([{ sku: 'MUG-ENAMEL-WHT', ref: read!.ref, remoteLocationId: null }]))[0]!.available).toBe(35);
  });

  it('lists the catalog by SKU with the inventory item as ref', async () => {
    const emu = await shopifyEmulator({ seed: (s) => seedDemoShop(s, 0) });
    const page = await shopifyChannel(emu).pullCatalog({ continuation: null, pageSize: 3 });
    expect(page.items).toHaveLength(3);
    expect(page.continuation).not.toBeNull();
    expect(page.items[0]).toMatchObject({ sku: 'MUG-ENAMEL-WHT', title: 'Enamel mug', tracksStock: true, available: 40, barcode: '4006381333931', ref: expect.stringMatching(/InventoryItem/) });
  });
});

describe('Shopify adapter: rate limit', () => {
  it('never gets a THROTTLED answer from a small bucket under load', async () => {
    const emu = await shopifyEmulator({ bucket: { maximumAvailable: 200, restoreRate: 100 }, seed: (s) => { seedDemoShop(s, 0); seedOrders(s, 25); } });
    const channel = shopifyChannel(emu);
    const work = [
      pullAll(channel, null, 50),
      ...Array.from({ length: 6 }, () => channel.readQuantities([{ sku: 'MUG-ENAMEL-WHT', ref: null, remoteLocationId: null }, { sku: 'NB-A5-DOT', ref: null, remoteLocationId: null }])),
      channel.pullCatalog({ continuation: null, pageSize: 5 }),
    ];
    const [pulled] = await Promise.all(work);
    expect((pulled as Awaited<ReturnType<typeof pullAll>>).orders).toHaveLength(25);
    expect(emu.stats.throttled).toBe(0);
    expect(emu.stats.pointsRequested).toBeGreaterThan(400);
  });

  it('waits exactly as long as the restore rate needs when THROTTLED is forced on it', async () => {
    const emu = await shopifyEmulator({ bucket: { maximumAvailable: 1000, restoreRate: 100 }, seed: (s) => seedDemoShop(s, 2) });
    const channel = shopifyChannel(emu);
    await channel.testConnection();
    // another app instance spends the bucket behind our back
    emu.bucket.configure({ currentlyAvailable: 0 });
    const started = performance.now();
    const [q] = await channel.readQuantities([{ sku: 'MUG-ENAMEL-WHT', ref: null, remoteLocationId: null }]);
    const took = performance.now() - started;
    expect(q!.available).toBe(40 - [...emu.state.orders.values()].flatMap((o) => o.lines).filter((l) => l.sku === 'MUG-ENAMEL-WHT').reduce((n, l) => n + l.quantity, 0));
    expect(emu.stats.throttled).toBe(1);
    // VariantsPage for one SKU at 10 locations costs 2 + 2 × 35 = 72 points at 100 points/s: 0.72 s
    expect(took).toBeGreaterThanOrEqual(700);
    expect(took).toBeLessThan(1700);
  });
});

describe('Shopify adapter: broken answers become errors in words', () => {
  it('classifies garbage, cut-off JSON, 5xx, resets, 429 and a wrong token', async () => {
    const emu = await shopifyEmulator({ seed: (s) => seedDemoShop(s, 1) });
    const channel = shopifyChannel(emu);
    const read = () => channel.readQuantities([{ sku: 'MUG-ENAMEL-WHT', ref: null, remoteLocationId: null }]);
    const cases: Array<[Parameters<typeof emu.faults.script>[0], string, RegExp]> = [
      [{ kind: 'garbage' }, 'transient', /sent an answer Packbench could not read \(broken or cut off\) while looking up products by SKU\. Packbench will try again\./],
      [{ kind: 'truncated', after: true }, 'transient', /could not read \(broken or cut off\)/],
      [{ kind: 'http5xx' }, 'transient', /had a problem on its side \(HTTP 5\d\d\) while looking up products by SKU/],
      [{ kind: 'reset' }, 'offline', /did not answer while looking up products by SKU\. Packbench will try again\./],
      [{ kind: 'http429' }, 'rate_limited', /asked Packbench to slow down; it will continue in 1 s/],
    ];
    for (const [fault, kind, words] of cases) {
      // a read is asked again once after a reset (a kept-alive socket the shop closed), so reset twice
      emu.faults.script(fault, ...(fault.kind === 'reset' ? [fault] : []));
      const e = await caught(read());
      expect(e.kind, fault.kind).toBe(kind);
      expect(e.words).toMatch(words);
      expect(e.words).not.toMatch(/GraphQL Client|SyntaxError|ECONN|undefined/);
    }
    expect((await caught(read().then(() => { emu.faults.script({ kind: 'http429' }); return read(); }))).retryAfterMs).toBe(1000);
    // accepted and never answered: the request gives up after its time limit
    emu.faults.script({ kind: 'timeout' });
    const silent = await caught(read());
    expect(silent.kind).toBe('offline');
    expect(silent.detail).toMatch(/timeout/);
    // a write whose answer broke off may have happened
    emu.faults.script({ kind: 'garbage', after: true, operation: 'SetAvailable' });
    const w = await caught(channel.pushAvailable([{ sku: 'MUG-ENAMEL-WHT', ref: null, remoteLocationId: null, available: 5, expectedRemote: null }], { idempotencyKey: 'w1', attempt: 1 }));
    expect(w.kind).toBe('no_answer');
    const wrong = shopifyChannel({ ...emu, accessToken: 'shpat_wrong' } as ShopifyEmulator);
    const auth = await caught(wrong.testConnection());
    expect(auth.kind).toBe('auth');
    expect(auth.words).toMatch(/refused Packbench's access token while connecting\. Check the token/);
  });

  it('names missing app permissions when connecting, and rejects an unreadable order without losing the page', async () => {
    const emu = await shopifyEmulator({ seed: (s) => seedDemoShop(s, 2) });
    const channel = shopifyChannel(emu);
    expect((await channel.testConnection()).words).toMatch(/^Connected to Packbench Demo Shop/);
    emu.state.accessScopes.splice(emu.state.accessScopes.indexOf('write_inventory'), 1);
    expect((await caught(channel.testConnection())).words).toMatch(/lacks these permissions: write_inventory/);
    // an order whose date came garbled
    emu.state.orders.get([...emu.state.orders.keys()][0]!)!.createdAt = 'yesterday-ish';
    const page = await channel.pullOrders({ since: null, continuation: null, pageSize: 10 });
    expect(page.orders).toHaveLength(1);
    expect(page.rejected).toHaveLength(1);
    expect(page.rejected[0]!.words).toBe('Order #1001 from Shopify has a date Packbench cannot read; it was skipped. Check it in Shopify.');
  });
});
