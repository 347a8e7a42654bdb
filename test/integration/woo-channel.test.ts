import { afterEach, describe, expect, it } from 'vitest';
import { ChannelError } from '../../electron/core/sync/channel-error';
import { createWooChannel, trackingNote } from '../../electron/core/sync/channels/woocommerce/woo-channel';
import type { FulfilmentPush, RemoteOrder } from '../../electron/core/sync/channel-types';
import { startWooEmulator, type WooEmulator } from '../emulators/woocommerce/woo-emulator';

const emulators: WooEmulator[] = [];
afterEach(async () => { while (emulators.length) await emulators.pop()!.stop(); });

async function shop(options: Parameters<typeof startWooEmulator>[0] = {}) {
  const emu = await startWooEmulator(options);
  emulators.push(emu);
  const channel = createWooChannel(
    { channelId: 1, kind: 'woocommerce', name: 'Test shop', baseUrl: emu.url, credentials: { consumerKey: emu.consumerKey, consumerSecret: emu.consumerSecret }, options: {} },
    { clock: { now: () => new Date() }, requestTimeoutMs: 1500 },
  );
  return { emu, channel };
}

const customer = { first_name: 'Zoë', last_name: 'Müller', address_1: 'Königstraße 12', city: 'Stuttgart', postcode: '70173', country: 'de', email: 'zoe@example.de', phone: '+49 711 1' };

async function pullAll(channel: ReturnType<typeof createWooChannel>, since: string | null) {
  const orders: RemoteOrder[] = [];
  const rejected = [];
  let continuation: string | null = null;
  let cursor = '';
  let pages = 0;
  do {
    const page = await channel.pullOrders({ since, continuation, pageSize: 100 });
    orders.push(...page.orders);
    rejected.push(...page.rejected);
    continuation = page.continuation;
    cursor = page.nextCursor;
    pages++;
  } while (continuation);
  return { orders, rejected, cursor, pages };
}

describe('WooCommerce adapter against the emulator', () => {
  it('first import pages through every open order and maps it to our model', async () => {
    const { emu, channel } = await shop();
    emu.store.addProduct({ name: 'Enamel Mug', sku: 'MUG-1', price: '14.50', stock: 50 });
    for (let i = 0; i < 230; i++) emu.store.addOrder({ billing: customer, shipping: customer, line_items: [{ sku: 'MUG-1', quantity: 1 + (i % 2) }] });
    emu.store.addOrder({ status: 'completed', billing: customer, line_items: [{ sku: 'MUG-1', quantity: 1 }] });
    const { orders, rejected, pages } = await pullAll(channel, null);
    expect(pages).toBe(3);
    expect(rejected).toEqual([]);
    expect(orders).toHaveLength(230);
    expect(new Set(orders.map((o) => o.externalId)).size).toBe(230);
    const first = orders[0]!;
    expect(first.state).toBe('ready');
    expect(first.shipTo).toMatchObject({ name: 'Zoë Müller', line1: 'Königstraße 12', countryCode: 'DE' });
    expect(first.lines[0]).toMatchObject({ sku: 'MUG-1', quantity: 1, unitPriceMinor: 1450 });
    expect(first.totalMinor).toBe(1450 + 495);
    expect(first.updatedAt).toMatch(/Z$/);
    // every page request carried the paging the API documents
    expect(emu.ops.filter((o) => o.path.endsWith('/orders')).every((o) => /per_page=100/.test(o.query))).toBe(true);
  });

  it('the cursor brings only what changed since, and a change made in the same second is not lost', async () => {
    const { emu, channel } = await shop();
    const a = emu.store.addOrder({ billing: customer, shipping: customer, line_items: [{ sku: 'X', quantity: 1 }] });
    const first = await pullAll(channel, null);
    expect(first.orders).toHaveLength(1);
    emu.store.updateOrder(a.id, { shipping: { address_1: 'Neue Straße 1' } });
    const b = emu.store.addOrder({ billing: customer, shipping: customer, line_items: [{ sku: 'X', quantity: 2 }] });
    const second = await pullAll(channel, first.cursor);
    expect(second.orders.map((o) => o.externalId).sort()).toEqual([String(a.id), String(b.id)].sort());
    expect(second.orders.find((o) => o.externalId === String(a.id))!.shipTo.line1).toBe('Neue Straße 1');
    expect(emu.ops.at(-1)!.query).toMatch(/modified_after=.*dates_are_gmt=true/);
  });

  it('a broken order is rejected in words while the rest of the page comes in', async () => {
    const { emu, channel } = await shop();
    const good = emu.store.addOrder({ billing: customer, shipping: customer, line_items: [{ sku: 'X', quantity: 1 }] });
    const bad = emu.store.addOrder({ billing: customer, shipping: customer, line_items: [{ sku: 'X', quantity: 1 }] });
    const raw = JSON.parse(JSON.stringify(bad)) as Record<string, unknown>;
    delete raw.line_items;
    emu.store.rawOverrides.set(bad.id, raw);
    const { orders, rejected } = await pullAll(channel, null);
    expect(orders.map((o) => o.externalId)).toEqual([String(good.id)]);
    expect(rejected[0]!.words).toMatch(new RegExp(`order ${bad.id} could not be read: it has no line_items`));
  });

  it('refuses plain HTTP to anything but this computer, and wrong keys in words', async () => {
    expect(() => createWooChannel({ channelId: 1, kind: 'woocommerce', name: 'Shop', baseUrl: 'http://shop.example.com', credentials: { consumerKey: 'ck', consumerSecret: 'cs' }, options: {} }, { clock: { now: () => new Date() } }))
      .toThrow(/unencrypted/);
    const { emu } = await shop();
    const wrong = createWooChannel({ channelId: 1, kind: 'woocommerce', name: 'Shop', baseUrl: emu.url, credentials: { consumerKey: 'ck_wrong', consumerSecret: 'cs_wrong' }, options: {} }, { clock: { now: () => new Date() } });
    const err = await wrong.testConnection().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ChannelError);
    expect((err as ChannelError).kind).toBe('auth');
    expect((err as ChannelError).words).toMatch(/Settings → Channels/);
  });

  it('a fulfilment with tracking completes the order and writes one customer note, even when retried after the note went out', async () => {
    const { emu, channel } = await shop();
    const o = emu.store.addOrder({ billing: customer, shipping: customer, line_items: [{ sku: 'X', quantity: 1 }] });
    const push: FulfilmentPush = {
      externalOrderId: String(o.id), orderNumber: `#${o.number}`, parcelNo: 1, final: true, lines: [{ sku: 'X', quantity: 1, externalLineId: null }],
      tracking: { company: 'DHL Express', number: '1234567890', url: 'https://www.dhl.com/track?id=1234567890' }, replacesTracking: null, notifyCustomer: true, remoteLocationId: null,
    };
    // the note is written, then the answer is lost
    emu.faults.queue(/\/notes$/, 'reset', 'after', 'POST');
    const first = await channel.pushFulfilment(push, { idempotencyKey: 'key-1', attempt: 1 }).catch((e: unknown) => e);
    expect((first as ChannelError).kind).toBe('no_answer');
    expect(await channel.lookupPush({ kind: 'fulfilment', push }, { idempotencyKey: 'key-1', attempt: 2 })).toEqual({ found: false });
    const second = await channel.pushFulfilment(push, { idempotencyKey: 'key-1', attempt: 2 });
    expect(second.outcome).toBe('applied');
    const third = await channel.pushFulfilment(push, { idempotencyKey: 'key-1', attempt: 3 });
    expect(third.outcome).toBe('already_applied');
    expect(emu.store.effectsFor('note.created', o.id).filter((e) => 'customerNote' in e && e.customerNote)).toHaveLength(1);
    expect(emu.store.notes.get(o.id)!.find((n) => n.customer_note)!.note).toBe(trackingNote(push));
    expect(emu.store.effectsFor('order.status', o.id)).toMatchObject([{ from: 'processing', to: 'completed' }]);
    expect(await channel.lookupPush({ kind: 'fulfilment', push }, { idempotencyKey: 'key-1', attempt: 4 })).toMatchObject({ found: true });

    // the label voided and bought again: the customer is told the new number, and which one it replaces
    const replacement: FulfilmentPush = { ...push, tracking: { company: 'DHL Express', number: '1234567891', url: '' }, replacesTracking: '1234567890' };
    expect((await channel.pushFulfilment(replacement, { idempotencyKey: 'key-2', attempt: 1 })).outcome).toBe('applied');
    const told = emu.store.notes.get(o.id)!.filter((n) => n.customer_note).map((n) => n.note);
    expect(told).toHaveLength(2);
    expect(told).toContain(`The tracking number of your order #${o.number} has changed: it ships with DHL Express, tracking number 1234567891 (instead of 1234567890).`);
  });

  it('classifies a 429 with its wait, a 5xx, garbage and a dead port', async () => {
    const { emu, channel } = await shop();
    emu.faults.queue(/\/orders$/, '429');
    const limited = (await channel.pullOrders({ since: null, continuation: null, pageSize: 10 }).catch((e: unknown) => e)) as ChannelError;
    expect([limited.kind, limited.retryAfterMs]).toEqual(['rate_limited', 1000]);
    emu.faults.queue(/\/orders$/, '5xx');
    expect(((await channel.pullOrders({ since: null, continuation: null, pageSize: 10 }).catch((e: unknown) => e)) as ChannelError).kind).toBe('transient');
    emu.faults.queue(/\/orders$/, 'garbage', 'after');
    const garbage = (await channel.pullOrders({ since: null, continuation: null, pageSize: 10 }).catch((e: unknown) => e)) as ChannelError;
    expect(garbage.kind).toBe('transient');
    expect(garbage.words).toMatch(/not JSON/);
    emu.faults.queue(/\/orders$/, 'timeout');
    expect(((await channel.pullOrders({ since: null, continuation: null, pageSize: 10 }).catch((e: unknown) => e)) as ChannelError).kind).toBe('offline');
    await emu.stop();
    expect(((await channel.pullOrders({ since: null, continuation: null, pageSize: 10 }).catch((e: unknown) => e)) as ChannelError).kind).toBe('offline');
  });

  it('counts go in batches: 150 SKUs in a handful of requests, a count changed on the shop is not overwritten, a deleted product is said in words', async () => {
    const { emu, channel } = await shop();
    for (let i = 0; i < 120; i++) emu.store.addProduct({ name: `Card ${i}`, sku: `CARD-${i}`, stock: 10 });
    emu.store.addProduct({ name: 'Socks', sku: '', variations: Array.from({ length: 30 }, (_, i) => ({ sku: `SOCK-${i}`, option: String(i), stock: 10 })) });
    const refs = new Map((await channel.pullCatalog({ continuation: null, pageSize: 100 })).items.map((i) => [i.sku, i.ref]));
    for (let page = '2'; page;) { const p = await channel.pullCatalog({ continuation: page, pageSize: 100 }); for (const i of p.items) refs.set(i.sku, i.ref); page = p.continuation ?? ''; }
    expect(refs.size).toBe(150);
    // someone sold two cards on the shop since we last looked; another card was deleted there
    emu.store.setStock(emu.store.findBySku('CARD-7')!, 8);
    emu.store.products.delete(Number(refs.get('CARD-9')!.slice(2)));
    const before = emu.ops.length;
    const pushes = [...refs].map(([sku, ref]) => ({ sku, ref, remoteLocationId: null, available: 4, expectedRemote: 10 }));
    const results = await channel.pushAvailable(pushes, { idempotencyKey: 'k', attempt: 1 });
    // reads and writes per list of up to 100: 2 lists of cards (100 + 20) and one of socks, each read and written once
    expect(emu.ops.length - before).toBe(6);
    expect(results.map((r) => r.sku)).toEqual(pushes.map((p) => p.sku));
    expect(results.filter((r) => r.outcome === 'applied')).toHaveLength(148);
    expect(results.find((r) => r.sku === 'CARD-7')).toMatchObject({ outcome: 'stale', remoteAvailable: 8 });
    expect(results.find((r) => r.sku === 'CARD-9')).toMatchObject({ outcome: 'not_listed', words: expect.stringMatching(/did not take the count of CARD-9 .*check the product in WooCommerce/) });
    expect(emu.store.stockOf('CARD-7')).toBe(8);
    expect(emu.store.stockOf('CARD-0')).toBe(4);
    expect(emu.store.stockOf('SOCK-29')).toBe(4);
  });

  it('catalog, counts and refunds', async () => {
    const { emu, channel } = await shop();
    emu.store.addProduct({ name: 'Mug', sku: 'MUG-1', stock: 5 });
    emu.store.addProduct({ name: 'Socks', sku: '', variations: [{ sku: 'SOCK-S', option: 'S', stock: 3 }, { sku: 'SOCK-M', option: 'M', stock: 4 }] });
    const page = await channel.pullCatalog({ continuation: null, pageSize: 100 });
    expect(page.items.map((i) => [i.sku, i.available])).toEqual([['MUG-1', 5], ['SOCK-S', 3], ['SOCK-M', 4]]);
    const [r] = await channel.pushAvailable([{ sku: 'SOCK-M', ref: null, remoteLocationId: null, available: 9, expectedRemote: null }], { idempotencyKey: 'k', attempt: 1 });
    expect(r).toMatchObject({ outcome: 'applied', ref: expect.stringMatching(/^v:/) });
    expect((await channel.readQuantities([{ sku: 'SOCK-M', ref: null, remoteLocationId: null }]))[0]!.available).toBe(9);
    const o = emu.store.addOrder({ billing: customer, line_items: [{ sku: 'MUG-1', quantity: 1 }] });
    const refund = { externalOrderId: String(o.id), orderNumber: '#1', amountMinor: 500, currency: 'EUR', reason: 'Damaged', lines: [], notifyCustomer: true };
    await channel.pushRefund(refund, { idempotencyKey: 'refund-1', attempt: 1 });
    expect((await channel.pushRefund(refund, { idempotencyKey: 'refund-1', attempt: 2 })).outcome).toBe('already_applied');
    expect(emu.store.effectsFor('refund.created', o.id)).toHaveLength(1);
  });
});
