import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/contract/errors';
import { printedBarcode } from '../support/pack-helpers';
import { startEasyPostEmulator } from '../emulators/easypost-emulator';
import { QUICK } from '../support/shipping-timing';
import { DEMO_SKUS, startSyncStation, type SyncStation } from '../support/sync-station';

const stations: SyncStation[] = [];
afterEach(async () => { while (stations.length) await stations.pop()!.close(); });
async function station() {
  const s = await startSyncStation();
  stations.push(s);
  return s;
}

const committed = (s: SyncStation, sku: string) => {
  const repos = s.core.workspace().repos;
  return repos.inventory.balance(repos.catalog.variantBySku(sku)!.id, 1).committed;
};

describe('changes upstream after the bench started on an order', () => {
  it('an order cancelled on the shop while it is being packed is held, with ours and theirs, and cannot be completed or labelled', async () => {
    const s = await station();
    const [a] = DEMO_SKUS(s.core);
    const w = s.placeOrder([{ sku: a!, quantity: 2 }]);
    const id = await s.waitFor('order', () => s.localId(w));
    const held = committed(s, a!);
    const view = await s.client.call('pack.open', { orderId: id });
    await s.client.call('pack.scan', { sessionId: view.sessionId, code: printedBarcode(s.core, a!) });
    s.emu.store.cancelOrder(w);
    await s.client.call('sync.now', {});
    await s.waitFor('the hold', () => s.core.workspace().repos.orders.status(id)?.status === 'on_hold');

    const conflict = await s.client.call('sync.conflict', { orderId: id });
    expect(conflict).toMatchObject({ kinds: ['cancelled'], heldFrom: 'picking', ours: { status: 'Picking' }, theirs: { status: 'cancelled on Test WooCommerce' } });
    expect(conflict!.summary).toMatch(/cancelled there/);
    // the packer cannot finish it, nor print or buy a label for it
    await expect(s.client.call('pack.complete', { sessionId: view.sessionId })).rejects.toBeInstanceOf(AppError);
    await expect(s.client.call('print.label', { orderId: id })).rejects.toMatchObject({ code: 'conflict' });
    await expect(s.client.call('orders.transition', { id, to: 'open', reason: '' })).rejects.toMatchObject({ message: expect.stringMatching(/held until someone compares/) });
    expect(s.core.workspace().repos.print.jobs(id, 10)).toEqual([]);
    // the hold is the channel's doing: nothing is echoed back to it
    const echoes = s.core.workspace().repos.db.$client.prepare(`SELECT count(*) AS n FROM outbox WHERE topic = 'order.status' AND json_extract(payload, '$.orderId') = ?
      AND json_extract(payload, '$.status') IN ('on_hold', 'cancelled')`).get(id) as { n: number };
    expect(echoes.n).toBe(0);

    const after = await s.client.call('sync.resolveConflict', { orderId: id, choice: 'theirs' });
    expect(after.status).toBe('cancelled');
    expect(committed(s, a!)).toBe(held - 2);
    expect(await s.client.call('sync.conflict', { orderId: id })).toBeNull();
    expect(after.events.map((e) => e.kind)).toContain('conflict_resolved');
  });

  it('an order cancelled on the shop after it was packed is held before its shipment goes out; taking theirs never ships it', async () => {
    const s = await station();
    const [, b] = DEMO_SKUS(s.core);
    const w = s.placeOrder([{ sku: b!, quantity: 1 }]);
    const id = await s.waitFor('order', () => s.localId(w));
    const ws = s.core.workspace();
    // the shop is out of reach while the parcel is packed, and the customer cancels meanwhile
    await s.emu.stop();
    await s.pack(id);
    s.emu.store.cancelOrder(w);
    await s.emu.start();
    await s.client.call('sync.now', {});
    await s.waitFor('the hold', () => ws.repos.orders.status(id)?.status === 'on_hold');
    await ws.sync.settled();
    const conflict = (await s.client.call('sync.conflict', { orderId: id }))!;
    expect(conflict).toMatchObject({ heldFrom: 'packed', ours: { status: 'Packed' } });
    await expect(s.client.call('print.label', { orderId: id })).rejects.toMatchObject({ code: 'conflict' });
    // the shipment waits in words; the shop did not hear of it
    const waiting = ws.repos.db.$client.prepare(`SELECT status, last_error AS lastError FROM outbox WHERE topic = 'order.fulfilled' AND json_extract(payload, '$.orderId') = ?`).get(id) as { status: string; lastError: string };
    expect(waiting).toMatchObject({ status: 'pending', lastError: expect.stringMatching(/waits: the order changed/) });
    expect(s.emu.store.effectsFor('order.status', w).map((e) => 'to' in e && e.to)).toEqual(['cancelled']);

    await s.client.call('sync.resolveConflict', { orderId: id, choice: 'theirs' });
    await s.client.call('sync.now', {});
    await ws.sync.settled();
    const row = ws.repos.db.$client.prepare(`SELECT status FROM outbox WHERE topic = 'order.fulfilled' AND json_extract(payload, '$.orderId') = ?`).get(id) as { status: string };
    expect(row.status).toBe('sent');
    expect(s.emu.store.order(w).status).toBe('cancelled');
    expect((await s.client.call('orders.get', { id })).events.some((e) => e.kind === 'sync_skipped' && /cancelled/.test(e.message))).toBe(true);
  });

  it('a new address upstream while picking is held; taking theirs updates the ship-to and returns it to the queue', async () => {
    const s = await station();
    const [a] = DEMO_SKUS(s.core);
    const w = s.placeOrder([{ sku: a!, quantity: 1 }]);
    const id = await s.waitFor('order', () => s.localId(w));
    await s.client.call('pack.open', { orderId: id });
    s.emu.store.updateOrder(w, { shipping: { address_1: 'Marienplatz 8', city: 'München', postcode: '80331' } });
    await s.client.call('sync.now', {});
    await s.waitFor('the hold', () => s.core.workspace().repos.orders.status(id)?.status === 'on_hold');
    const conflict = (await s.client.call('sync.conflict', { orderId: id }))!;
    expect(conflict.kinds).toEqual(['address']);
    expect([conflict.ours.shipTo.line1, conflict.theirs.shipTo.line1]).toEqual(['Königstraße 12', 'Marienplatz 8']);
    const after = await s.client.call('sync.resolveConflict', { orderId: id, choice: 'theirs' });
    expect(after).toMatchObject({ status: 'open', shipTo: { line1: 'Marienplatz 8', city: 'München' } });
  });

  it('before the bench starts, an order simply follows the shop: new items re-reserve, a cancel releases', async () => {
    const s = await station();
    const [a, b] = DEMO_SKUS(s.core);
    const w = s.placeOrder([{ sku: a!, quantity: 1 }]);
    const id = await s.waitFor('order', () => s.localId(w));
    const [ca, cb] = [committed(s, a!), committed(s, b!)];
    const line = s.emu.store.order(w).line_items[0]!;
    s.emu.store.updateOrder(w, { line_items: [{ id: line.id, quantity: 3 }, { sku: b!, quantity: 2 }] });
    await s.client.call('sync.now', {});
    await s.waitFor('the new items', () => s.core.workspace().repos.orders.lines(id).length === 2);
    expect([committed(s, a!) - ca, committed(s, b!) - cb]).toEqual([2, 2]);
    expect((await s.client.call('orders.get', { id })).status).toBe('open');
    // the queue finds it by the new item's name, and still does after the shop changes the address
    const title = s.core.workspace().repos.orders.lines(id).find((l) => l.sku === b)!.title;
    const found = async () => (await s.client.call('orders.list', { q: title, limit: 500 })).rows.some((r) => r.id === id);
    expect(await found()).toBe(true);
    s.emu.store.updateOrder(w, { shipping: { city: 'Lyon' } });
    await s.client.call('sync.now', {});
    await s.waitFor('the new city', () => s.core.workspace().repos.orders.record(id)?.shipTo.city === 'Lyon');
    expect(await found()).toBe(true);
    s.emu.store.cancelOrder(w);
    await s.client.call('sync.now', {});
    await s.waitFor('the cancel', () => s.core.workspace().repos.orders.status(id)?.status === 'cancelled');
    expect([committed(s, a!), committed(s, b!)]).toEqual([ca - 1, cb]);
  });

  it('a carrier label still waiting to be bought is never bought once the shop cancels the packed order', async () => {
    const easypost = await startEasyPostEmulator();
    const s = await startSyncStation({ shipping: QUICK });
    stations.push(s);
    const ep = await s.client.call('carriers.save', { kind: 'easypost', name: 'EasyPost', apiKey: 'EZTKtest123', baseUrl: easypost.url });
    await s.client.call('shipping.saveRules', { buyLabels: true, customsSigner: 'Test Shop', fallback: { strategy: 'cheapest', carrierIds: [ep.id] } });
    const [a] = DEMO_SKUS(s.core);
    const london = { first_name: 'Oliver', last_name: 'Smith', address_1: '221B Baker Street', city: 'London', postcode: 'NW1 6XE', country: 'GB', email: 'oliver@example.co.uk', phone: '+44 20 7946 0000' };
    const w = s.placeOrder([{ sku: a!, quantity: 1 }], { shipping: london, billing: london });
    const id = await s.waitFor('order', () => s.localId(w));
    const repos = s.core.workspace().repos;
    try {
      // the carrier is down while the parcel is packed: its label waits in the queue
      await easypost.down();
      await s.pack(id);
      await s.waitFor('a waiting label', () => repos.shipping.listShipments({ orderId: id, limit: 5 }).find((x) => x.status === 'pending' && x.attempts > 0));
      s.emu.store.cancelOrder(w);
      await s.client.call('sync.now', {});
      await s.waitFor('the hold', () => repos.orders.status(id)?.status === 'on_hold');
      await easypost.up();
      await s.waitFor('the label to wait for the order', () => repos.shipping.listShipments({ orderId: id, limit: 5 }).find((x) => /the order is on hold/.test(x.words)));
      expect(easypost.purchases).toEqual([]);
      await s.client.call('sync.resolveConflict', { orderId: id, choice: 'theirs' });
      await s.waitFor('the label held', () => repos.shipping.listShipments({ orderId: id, limit: 5 }).find((x) => x.status === 'held' && /cancelled/.test(x.words)), 20_000);
      expect(easypost.purchases).toEqual([]);
      expect(s.emu.store.effectsFor('order.status', w).map((e) => 'to' in e && e.to)).toEqual(['cancelled']);
    } finally {
      await easypost.stop();
    }
  });
});
