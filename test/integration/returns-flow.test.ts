import { describe, expect, it } from 'vitest';
import { isAppError } from '../../shared/contract/errors';
import { usePackBench } from '../support/pack-bench';
import { itemCode, movementsFor, refundRows, shippedOrder } from '../support/returns-helpers';
import { skuNotIn } from '../support/pack-helpers';

async function refusal(p: Promise<unknown>): Promise<{ code: string; message: string; hint?: string | undefined; fields?: Record<string, string> | undefined }> {
  try {
    await p;
  } catch (e) {
    if (isAppError(e)) return { code: e.code, message: e.message, hint: e.hint, fields: e.fields };
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('returns: announce, receive by scanning, grade, put away, refund', () => {
  const bench = usePackBench();

  it('a return of 2 of 3 items: received by its RMA, one graded as new back to its bin, one damaged to quarantine, refunded once', async () => {
    const { core, client } = bench;
    const order = await shippedOrder(core, client);
    const lines = (await client.call('orders.get', { id: order.orderId })).lines;
    const [a, b, c] = lines;

    const created = await client.call('returns.create', {
      orderId: order.orderId, shipping: 'customer',
      lines: [{ orderLineId: a!.id, quantity: 1, reasonCode: 'changed_mind' }, { orderLineId: b!.id, quantity: 1, reasonCode: 'arrived_damaged' }],
    });
    expect(created.number).toMatch(/^RMA-\d+$/);
    expect(created.status).toBe('requested');
    expect(created.lines.map((l) => [l.sku, l.expected])).toEqual([[a!.sku, 1], [b!.sku, 1]]);
    // announced: refund if all comes back as announced (the damaged reason refunds the shipping)
    expect(created.preview.totalMinor).toBe(order.prices[0]! + order.prices[1]! + 495);
    const events = (await client.call('orders.get', { id: order.orderId })).events;
    expect(events.at(-1)!.kind).toBe('return_requested');
    expect(events.at(-1)!.message).toContain(created.number);

    // the RMA barcode on the return slip opens it and receives the parcel
    const opened = await client.call('returns.open', { code: created.number });
    expect(opened.kind).toBe('return');
    if (opened.kind !== 'return') return;
    expect(opened.view.status).toBe('received');
    const id = opened.view.id;

    // a wrong item and the item of the order that is not on the return are refused in words, not counted
    const stranger = skuNotIn(core, order.skus);
    const wrong = await client.call('returns.scan', { returnId: id, code: itemCode(core, stranger) });
    expect(wrong.outcome).toBe('wrong_item');
    expect(wrong.message).toBe(`Wrong item: ${stranger} (${core.workspace().repos.catalog.variantBySku(stranger)!.title}) was not in order ${order.number}; it was not counted.`);
    const notOnReturn = await client.call('returns.scan', { returnId: id, code: itemCode(core, c!.sku) });
    expect(notOnReturn.outcome).toBe('wrong_item');
    expect(notOnReturn.message).toContain(`is not on return ${created.number}`);
    expect(notOnReturn.view.units).toHaveLength(0);

    const first = await client.call('returns.scan', { returnId: id, code: itemCode(core, a!.sku) });
    expect(first.outcome).toBe('accepted');
    expect(first.view.awaitingGrade?.sku).toBe(a!.sku);
    // the next scan waits for the grade
    const early = await client.call('returns.scan', { returnId: id, code: itemCode(core, b!.sku) });
    expect(early.outcome).toBe('grade_first');
    expect(early.message).toBe(`Give the ${a!.sku} its grade first; the new scan was not counted.`);
    const graded = await client.call('returns.grade', { returnId: id, grade: 'new' });
    expect(graded.outcome).toBe('graded');
    const bin = core.workspace().repos.inventory.stockRow(a!.variantId!, core.workspace().repos.catalog.defaultLocationId()!)!.bin;
    expect(graded.message).toBe(`${a!.sku}: as new, back on the shelf — bin ${bin}.`);
    // an extra unit of a line already complete is refused
    const extra = await client.call('returns.scan', { returnId: id, code: itemCode(core, a!.sku) });
    expect(extra.outcome).toBe('over_scan');
    expect(extra.message).toBe(`Too many ${a!.sku}: return ${created.number} takes 1, 1 already received. The extra one was not counted.`);

    await client.call('returns.scan', { returnId: id, code: itemCode(core, b!.sku) });
    const damaged = await client.call('returns.grade', { returnId: id, grade: 'damaged' });
    expect(damaged.view.units.map((u) => [u.sku, u.grade, u.disposition])).toEqual([[a!.sku, 'new', 'restock'], [b!.sku, 'damaged', 'quarantine']]);

    const before = core.workspace().repos.inventory.balance(a!.variantId!, core.workspace().repos.catalog.defaultLocationId()!);
    const done = await client.call('returns.finish', { returnId: id });
    expect(done.status).toBe('inspected');
    const moves = movementsFor(core, `return:${id}`);
    expect(moves).toEqual([
      expect.objectContaining({ kind: 'return', sku: a!.sku, location: 'Main workshop', sellable: 1, onHand: 1 }),
      expect.objectContaining({ kind: 'return', sku: b!.sku, location: 'Quarantine (returns)', sellable: 0, onHand: 1 }),
    ]);
    const after = core.workspace().repos.inventory.balance(a!.variantId!, core.workspace().repos.catalog.defaultLocationId()!);
    expect(after.onHand).toBe(before.onHand + 1);
    // the channels hear the restocked SKU's new count; the quarantined one is not for sale
    const avail = core.workspace().repos.db.$client.prepare(`SELECT payload FROM outbox WHERE topic = 'inventory.available' ORDER BY id DESC LIMIT 10`).all() as Array<{ payload: string }>;
    expect(avail.map((r) => JSON.parse(r.payload).sku)).toContain(a!.sku);

    // refund: the damaged reason refunds shipping; the changed-mind item has no fee (0% by default)
    expect(done.preview.totalMinor).toBe(order.prices[0]! + order.prices[1]! + 495);
    const refunded = await client.call('returns.refund', { returnId: id });
    expect(refunded.status).toBe('refunded');
    expect(refunded.refund!.push.status).toBe('pending');
    const rows = refundRows(core);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.payload).toMatchObject({ orderId: order.orderId, amountMinor: order.prices[0]! + order.prices[1]! + 495, currency: 'GBP', rma: created.number });
    expect(rows[0]!.payload.lines).toEqual([{ sku: a!.sku, quantity: 1, restock: false, reason: 'changed_mind', reasonLabel: 'Changed their mind' },
      { sku: b!.sku, quantity: 1, restock: false, reason: 'arrived_damaged', reasonLabel: 'Arrived damaged' }]);
    // never twice
    const again = await refusal(client.call('returns.refund', { returnId: id }));
    expect(again.code).toBe('invalid_transition');
    expect(refundRows(core)).toHaveLength(1);
    const timeline = (await client.call('orders.get', { id: order.orderId })).events.map((e) => e.kind);
    expect(timeline).toEqual(expect.arrayContaining(['return_requested', 'return_received', 'return_inspected', 'return_refunded']));
  });
});
