import { describe, expect, it } from 'vitest';
import { isAppError } from '../../shared/contract/errors';
import { createCore } from '../../electron/core/create-core';
import { createInMemoryClient } from '../../electron/core/hosts/in-memory-transport';
import { usePackBench } from '../support/pack-bench';
import { itemCode, movementsFor, refundRows, shippedOrder } from '../support/returns-helpers';

async function refusal(p: Promise<unknown>) {
  try { await p; } catch (e) { if (isAppError(e)) return e; throw e; }
  throw new Error('expected a refusal');
}

const DAY = 86_400_000;

describe('returns: the shop\'s rules, parcels without an RMA, exchanges', () => {
  const bench = usePackBench();

  it('a parcel without an RMA is received from its order number; it takes what the order sent, and no more', async () => {
    const { core, client } = bench;
    const order = await shippedOrder(core, client);
    const opened = await client.call('returns.open', { code: order.number });
    expect(opened).toEqual({ kind: 'order', orderId: order.orderId, orderNumber: order.number, message: `No return was announced for order ${order.number}. Receive the parcel anyway, without an RMA?` });
    const view = await client.call('returns.receiveUnannounced', { orderId: order.orderId });
    expect(view).toMatchObject({ status: 'received', unannounced: true, lines: [] });
    const first = await client.call('returns.scan', { returnId: view.id, code: itemCode(core, order.skus[2]!) });
    expect(first.outcome).toBe('accepted');
    expect(first.view.lines.map((l) => [l.sku, l.reasonLabel])).toEqual([[order.skus[2], 'No reason given (arrived without an RMA)']]);
    await client.call('returns.grade', { returnId: view.id, grade: 'new' });
    const twice = await client.call('returns.scan', { returnId: view.id, code: itemCode(core, order.skus[2]!) });
    expect(twice.outcome).toBe('over_scan');
    // the order number again opens this return now, not a new one
    const again = await client.call('returns.open', { code: order.number });
    expect(again.kind === 'return' && again.view.id).toBe(view.id);
    const done = await client.call('returns.finish', { returnId: view.id });
    expect(done.preview.totalMinor).toBe(order.prices[2]);
    // what came back cannot be announced again
    const left = await client.call('returns.forOrder', { orderId: order.orderId });
    expect(left.lines.map((l) => l.returnable)).toEqual([1, 1, 0]);
  });

  it('unknown codes, another return\'s slip and an order that never left are refused in words', async () => {
    const { core, client } = bench;
    const order = await shippedOrder(core, client);
    const lines = (await client.call('orders.get', { id: order.orderId })).lines;
    const one = await client.call('returns.create', { orderId: order.orderId, shipping: 'customer', lines: [{ orderLineId: lines[0]!.id, quantity: 1, reasonCode: 'wrong_size' }] });
    const two = await client.call('returns.create', { orderId: order.orderId, shipping: 'customer', lines: [{ orderLineId: lines[1]!.id, quantity: 1, reasonCode: 'wrong_size' }] });
    await client.call('returns.open', { code: one.number.toLowerCase() });
    const slip = await client.call('returns.scan', { returnId: one.id, code: two.number });
    expect(slip).toMatchObject({ outcome: 'wrong_item', message: `That is the slip of return ${two.number}, not an item.` });
    const unknown = await client.call('returns.scan', { returnId: one.id, code: 'ZZ-NOT-A-THING' });
    expect(unknown).toMatchObject({ outcome: 'unknown_code', message: 'Unknown code ZZ-NOT-A-THING: it is not on any product.' });
    const bad = await client.call('returns.scan', { returnId: one.id, code: '5012345678901' });
    expect(bad.outcome).toBe('invalid_code');
    expect(bad.view.units).toHaveLength(0);
    const none = await refusal(client.call('returns.open', { code: 'RMA-999999' }));
    expect(none.message).toBe('No return, return label or order matches "RMA-999999".');
    const open = core.workspace().repos.orders.search({ q: '', skus: [], status: 'open', offset: 0, limit: 1 }).rows[0]!;
    const notSent = await refusal(client.call('returns.open', { code: open.number }));
    expect(notSent.message).toBe(`Order ${open.number} is open: only an order that was packed and sent can come back.`);
    // more than was sent, or nothing left to return, is refused on the form
    const tooMany = await refusal(client.call('returns.create', { orderId: order.orderId, shipping: 'customer', lines: [{ orderLineId: lines[0]!.id, quantity: 1, reasonCode: 'wrong_size' }] }));
    expect(tooMany.fields).toEqual({ 'lines.0.quantity': `${lines[0]!.sku}: every unit sent is already on a return.` });
  });

  it('grades decide where units go: unsellable is written off, faulty goes back to the supplier, not ours is flagged and not refunded; undo takes back a grade', async () => {
    const { core, client } = bench;
    const order = await shippedOrder(core, client);
    const lines = (await client.call('orders.get', { id: order.orderId })).lines;
    const r = await client.call('returns.create', { orderId: order.orderId, shipping: 'customer', lines: lines.map((l) => ({ orderLineId: l.id, quantity: 1, reasonCode: 'faulty' })) });
    await client.call('returns.open', { code: r.number });
    const grades = ['unsellable', 'faulty', 'not_ours'] as const;
    for (const [i, l] of lines.entries()) {
      await client.call('returns.scan', { returnId: r.id, code: itemCode(core, l.sku) });
      if (i === 0) {
        await client.call('returns.grade', { returnId: r.id, grade: 'new' });
        const undone = await client.call('returns.undo', { returnId: r.id });
        expect(undone.awaitingGrade?.sku).toBe(l.sku);
      }
      await client.call('returns.grade', { returnId: r.id, grade: grades[i]! });
    }
    const done = await client.call('returns.finish', { returnId: r.id });
    expect(movementsFor(core, `return:${r.id}`).map((m) => [m.kind, m.sku, m.onHand])).toEqual([
      ['return', lines[0]!.sku, 1], ['scrap', lines[0]!.sku, -1], ['return', lines[1]!.sku, 1], ['vendor_return', lines[1]!.sku, -1],
    ]);
    expect(done.units.at(-1)).toMatchObject({ grade: 'not_ours', disposition: 'flag', destination: 'set aside: not the item we sold' });
    // faulty refunds the shipping; the unit that was not ours is not refunded
    expect(done.preview.totalMinor).toBe(order.prices[0]! + order.prices[1]! + 495);
    expect(done.preview.itemsMinor).toBe(order.prices[0]! + order.prices[1]!);
  });

  it('a restocking fee on a change of mind, and a return after the window needs a reason', async () => {
    const { core, client } = bench;
    await client.call('returns.saveRules', { ...(await client.call('returns.rules', {})), restockingFeePercent: 10, windowDays: 14 });
    const order = await shippedOrder(core, client);
    const lines = (await client.call('orders.get', { id: order.orderId })).lines;
    const preview = await client.call('returns.preview', { orderId: order.orderId, shipping: 'customer', lines: [{ orderLineId: lines[1]!.id, quantity: 1, reasonCode: 'changed_mind' }] });
    expect(preview).toMatchObject({ itemsMinor: 2400, feeMinor: 240, totalMinor: 2160 });

    // three weeks later: past the window
    core.close();
    const later = createCore({ dataDir: bench.dir, actor: 'packer-1', printerFactory: () => bench.printer, clock: { now: () => new Date(Date.now() + 21 * DAY) } });
    const client2 = createInMemoryClient(later);
    try {
      const info = await client2.call('returns.forOrder', { orderId: order.orderId });
      expect(info.window.outside).toBe(true);
      const late = await refusal(client2.call('returns.create', { orderId: order.orderId, shipping: 'customer', lines: [{ orderLineId: lines[1]!.id, quantity: 1, reasonCode: 'changed_mind' }] }));
      expect(late.fields?.outsideWindowReason).toBe(`Order ${order.number} is past the 14-day return window: say why it is accepted.`);
      const ok = await client2.call('returns.create', { orderId: order.orderId, shipping: 'customer', outsideWindowReason: 'Customer was in hospital', lines: [{ orderLineId: lines[1]!.id, quantity: 1, reasonCode: 'changed_mind' }] });
      expect(ok.outsideWindowReason).toBe('Customer was in hospital');
    } finally {
      client2.close();
      later.close();
      bench.core = createCore({ dataDir: bench.dir, actor: 'packer-1', printerFactory: () => bench.printer });
      bench.client = createInMemoryClient(bench.core);
    }
  });

  it('an exchange sends the new SKU as an order in the queue with its stock reserved, and refunds nothing for it', async () => {
    const { core, client } = bench;
    const order = await shippedOrder(core, client);
    const lines = (await client.call('orders.get', { id: order.orderId })).lines;
    const swap = order.skus[2]!;
    const swapVariant = core.workspace().repos.catalog.variantBySku(swap)!;
    const r = await client.call('returns.create', { orderId: order.orderId, shipping: 'customer', lines: [{ orderLineId: lines[0]!.id, quantity: 1, reasonCode: 'wrong_size', exchangeSku: swap }] });
    expect(r.preview.totalMinor).toBe(0);
    await client.call('returns.open', { code: r.number });
    await client.call('returns.scan', { returnId: r.id, code: itemCode(core, lines[0]!.sku) });
    await client.call('returns.grade', { returnId: r.id, grade: 'new' });
    const committed = core.workspace().repos.inventory.balance(swapVariant.id, core.workspace().repos.catalog.defaultLocationId()!).committed;
    const done = await client.call('returns.finish', { returnId: r.id });
    expect(done.exchangeOrder?.number).toBe(`${r.number}-EX`);
    const ex = await client.call('orders.get', { id: done.exchangeOrder!.id });
    expect(ex).toMatchObject({ status: 'open', totalMinor: 0, channelName: 'Phone and counter', customerName: 'Ada Lovelace' });
    expect(ex.lines.map((l) => [l.sku, l.quantity])).toEqual([[swap, 1]]);
    expect(core.workspace().repos.inventory.balance(swapVariant.id, core.workspace().repos.catalog.defaultLocationId()!).committed).toBe(committed + 1);
    expect(ex.events.map((e) => e.kind)).toEqual(expect.arrayContaining(['created', 'reserved']));
    // nothing to refund: closing it is the way out
    const nothing = await refusal(client.call('returns.refund', { returnId: r.id }));
    expect(nothing.message).toBe(`There is nothing to refund on return ${r.number}.`);
    expect((await client.call('returns.close', { returnId: r.id, reason: 'Exchanged, nothing to refund' })).status).toBe('closed');
  });

  it('a changed refund amount needs a reason; an order typed in at the counter is refunded by hand, with no outbox row', async () => {
    const { core, client } = bench;
    core.workspace().repos.catalog.insertChannel('manual', 'Phone and counter');
    const order = await shippedOrder(core, client, { channelKind: 'manual' });
    const lines = (await client.call('orders.get', { id: order.orderId })).lines;
    const r = await client.call('returns.create', { orderId: order.orderId, shipping: 'customer', lines: [{ orderLineId: lines[0]!.id, quantity: 1, reasonCode: 'other' }] });
    await client.call('returns.open', { code: r.number });
    await client.call('returns.scan', { returnId: r.id, code: itemCode(core, lines[0]!.sku) });
    await client.call('returns.grade', { returnId: r.id, grade: 'new' });
    await client.call('returns.finish', { returnId: r.id });
    const noWhy = await refusal(client.call('returns.refund', { returnId: r.id, amountMinor: 1000 }));
    expect(noWhy.fields).toEqual({ reason: 'Say why the amount was changed' });
    const tooMuch = await refusal(client.call('returns.refund', { returnId: r.id, amountMinor: 999_999, reason: 'goodwill' }));
    expect(tooMuch.message).toMatch(/is left to refund on order/);
    const done = await client.call('returns.refund', { returnId: r.id, amountMinor: 1000, reason: 'Scuffed box, agreed on the phone' });
    expect(done.refund).toMatchObject({ amountMinor: 1000, changedByHand: 'Scuffed box, agreed on the phone', push: { status: 'by_hand' } });
    expect(refundRows(core)).toHaveLength(0);
  });

  it('scans and grades survive a restart: the bench resumes the return where it was', async () => {
    const { core, client } = bench;
    const order = await shippedOrder(core, client);
    const lines = (await client.call('orders.get', { id: order.orderId })).lines;
    const r = await client.call('returns.create', { orderId: order.orderId, shipping: 'customer', lines: [{ orderLineId: lines[0]!.id, quantity: 1, reasonCode: 'other' }, { orderLineId: lines[1]!.id, quantity: 1, reasonCode: 'other' }] });
    await client.call('returns.open', { code: r.number });
    await client.call('returns.scan', { returnId: r.id, code: itemCode(core, lines[0]!.sku) });
    await client.call('returns.grade', { returnId: r.id, grade: 'damaged' });
    await client.call('returns.scan', { returnId: r.id, code: itemCode(core, lines[1]!.sku) });
    bench.client.close();
    bench.core.close();
    bench.core = createCore({ dataDir: bench.dir, actor: 'packer-1', printerFactory: () => bench.printer });
    bench.client = createInMemoryClient(bench.core);
    const resumed = await bench.client.call('returns.open', { code: r.number });
    expect(resumed.kind === 'return' && resumed.message).toBe(`Return ${r.number} is open where it was left: keep scanning.`);
    if (resumed.kind !== 'return') return;
    expect(resumed.view.units.map((u) => [u.sku, u.grade])).toEqual([[lines[0]!.sku, 'damaged'], [lines[1]!.sku, null]]);
    expect(resumed.view.awaitingGrade?.sku).toBe(lines[1]!.sku);
    // the log itself cannot be rewritten
    expect(() => bench.core.workspace().repos.db.$client.prepare('DELETE FROM return_scans').run()).toThrow(/append-only/);
  });
});
