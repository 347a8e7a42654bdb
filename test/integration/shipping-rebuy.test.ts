import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/create-core';
import { fulfilledRows, ordersTo, packOrder, settle, until, useShippingBench } from '../support/shipping-bench';
import { renderAndDecode } from '../support/barcodes';
import { scanAll } from '../support/pack-helpers';

/** The parcel's fulfilment rows as the channel will get them: skipped ones never leave. */
function deliverable(core: Core, orderId: number) {
  const c = core.workspace().repos.db.$client;
  return (c.prepare(`SELECT o.id, o.payload, o.status, coalesce(d.state, '') AS state FROM outbox o LEFT JOIN outbox_delivery d ON d.outbox_id = o.id
      WHERE o.topic = 'order.fulfilled' AND json_extract(o.payload, '$.orderId') = ? ORDER BY o.id`).all(orderId) as Array<{ id: number; payload: string; status: string; state: string }>)
    .map((r) => ({ id: r.id, status: r.status, state: r.state, payload: JSON.parse(r.payload) as { tracking: { number: string } | null; replacesTracking?: string } }));
}

describe('buy again after a void', () => {
  const bench = useShippingBench();

  async function boughtLabel(orderId: number) {
    return until('label bought', async () => (await bench.client.call('shipments.list', { orderId })).find((s) => s.status === 'bought'));
  }

  it('a voided label whose fulfilment never left: the parcel is bought again under a new key, and only the new tracking goes to the shop', async () => {
    const [orderId] = ordersTo(bench.core, 'US');
    await packOrder(bench, orderId!);
    const first = await boughtLabel(orderId!);
    await settle(bench.core);
    const [before] = deliverable(bench.core, orderId!);
    expect(before).toMatchObject({ status: 'pending', payload: { tracking: { number: first.trackingNumber } } });

    // not voided yet: nothing to buy again
    await expect(bench.client.call('shipments.buyAgain', { id: first.id })).rejects.toThrow(/only a voided label is bought again/);
    await bench.client.call('shipments.void', { id: first.id });
    await until('voided', async () => (await bench.client.call('shipments.get', { id: first.id })).status === 'voided');
    // the voided tracking is withheld from the shop, in words
    expect(deliverable(bench.core, orderId!)).toEqual([expect.objectContaining({ id: before!.id, state: 'skipped' })]);
    expect(bench.core.workspace().repos.outboxDrain.row(before!.id)!.words).toMatch(/voided before the shop heard of it/);

    const again = await bench.client.call('shipments.buyAgain', { id: first.id });
    expect(again).toMatchObject({ status: 'pending', replacesId: first.id, orderId, parcelNo: first.parcelNo });
    await expect(bench.client.call('shipments.buyAgain', { id: first.id })).rejects.toThrow(/bought again already/);
    const second = await until('bought again', async () => (await bench.client.call('shipments.get', { id: again.id })).status === 'bought' && bench.client.call('shipments.get', { id: again.id }));
    await settle(bench.core);

    expect(bench.easypost.purchases).toHaveLength(2);
    const [p1, p2] = bench.easypost.purchases;
    expect(p2!.reference).toMatch(/^pb-/);
    expect(p2!.reference).not.toBe(p1!.reference); // a new idempotency key: the voided purchase is not found again
    expect(second.trackingNumber).toBe(p2!.tracking);
    expect(second.trackingNumber).not.toBe(first.trackingNumber);
    expect((await bench.client.call('shipments.get', { id: first.id })).replacedById).toBe(again.id);

    const rows = deliverable(bench.core, orderId!).filter((r) => r.state !== 'skipped');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.payload.tracking!.number).toBe(second.trackingNumber);
    expect(rows[0]!.payload.replacesTracking).toBeUndefined(); // the shop never had the first
    expect(fulfilledRows(bench.core, orderId!).map((r) => r.tracking?.number)).toEqual([first.trackingNumber, second.trackingNumber]);

    // the new label is printed and scans as the new tracking number
    expect(await renderAndDecode(bench.printer.jobs.at(-1)!.text)).toContainEqual({ format: 'Code128', text: second.trackingNumber });
    const order = await bench.client.call('orders.get', { id: orderId! });
    expect(order.events.filter((e) => e.kind === 'label_bought')).toHaveLength(2);
  });

  it('when the shop already had the voided tracking, the new fulfilment says which number it replaces', async () => {
    const [orderId] = ordersTo(bench.core, 'US');
    await packOrder(bench, orderId!);
    const first = await boughtLabel(orderId!);
    await settle(bench.core);
    const [row] = deliverable(bench.core, orderId!);
    // as the sync engine records a delivered row
    bench.core.workspace().repos.outboxDrain.beginAttempt(row!.id);
    bench.core.workspace().repos.outboxDrain.done(row!.id, 'Shop: fulfilled', 'gid://shopify/Fulfillment/1', new Date().toISOString());
    await bench.client.call('shipments.void', { id: first.id });
    await until('voided', async () => (await bench.client.call('shipments.get', { id: first.id })).status === 'voided');
    expect(deliverable(bench.core, orderId!)[0]!.state).toBe('done');
    const again = await bench.client.call('shipments.buyAgain', { id: first.id });
    const second = await until('bought again', async () => (await bench.client.call('shipments.get', { id: again.id })).status === 'bought' && bench.client.call('shipments.get', { id: again.id }));
    const rows = deliverable(bench.core, orderId!);
    expect(rows).toHaveLength(2);
    expect(rows[1]!.payload).toMatchObject({ tracking: { number: second.trackingNumber }, replacesTracking: first.trackingNumber });
  });

  it('a fulfilment the sync engine recorded as tried but not arrived (delivery state "waiting") is withheld at the void like one never tried', async () => {
    const [orderId] = ordersTo(bench.core, 'US');
    await packOrder(bench, orderId!);
    const first = await boughtLabel(orderId!);
    await settle(bench.core);
    const [row] = deliverable(bench.core, orderId!);
    // the engine's "later(…, maybeArrived = false)": the attempt is known not to have reached the shop
    const drain = bench.core.workspace().repos.outboxDrain;
    drain.beginAttempt(row!.id);
    drain.later(row!.id, 'The shop could not be reached.', new Date(Date.now() + 60_000).toISOString(), false);
    await bench.client.call('shipments.void', { id: first.id });
    await until('voided', async () => (await bench.client.call('shipments.get', { id: first.id })).status === 'voided');
    expect(deliverable(bench.core, orderId!)[0]!.state).toBe('skipped');
  });

  it('bought again in another box at a weight typed by the packer: the carrier is told the new box and weight', async () => {
    const [orderId] = ordersTo(bench.core, 'US');
    await packOrder(bench, orderId!);
    const first = await boughtLabel(orderId!);
    await settle(bench.core);
    await bench.client.call('shipments.void', { id: first.id });
    await until('voided', async () => (await bench.client.call('shipments.get', { id: first.id })).status === 'voided');
    const small = (await bench.client.call('packages.list', {})).find((p) => p.name === 'Small box')!;
    await expect(bench.client.call('shipments.buyAgain', { id: first.id, weightGrams: 0 })).rejects.toThrow(/at least 1 g/);
    const again = await bench.client.call('shipments.buyAgain', { id: first.id, packageId: small.id, weightGrams: 1234 });
    expect(again).toMatchObject({ weightGrams: 1234, weightSource: 'scale', packageName: 'Small box' });
    await until('bought again', async () => (await bench.client.call('shipments.get', { id: again.id })).status === 'bought');
    const parcel = bench.easypost.shipments.get(bench.easypost.purchases[1]!.shipmentId)!.parcel as { weight: number; length: number; width: number; height: number };
    expect(parcel.weight).toBeCloseTo(1234 / 28.349523125, 0);
    expect([parcel.length, parcel.width, parcel.height]).toEqual([small.lengthMm, small.widthMm, small.heightMm].map((mm) => Math.round((mm / 25.4) * 10) / 10));
  });

  it('the local courier\'s label, voided, is made again at once with a new tracking id, printed, and only that one goes to the shop', async () => {
    const local = await bench.client.call('carriers.save', { kind: 'local', name: 'Leeds courier', localPriceMinor: 450, localDays: 1 });
    const rules = await bench.client.call('shipping.rules', {});
    await bench.client.call('shipping.saveRules', { ...rules, byDestination: [{ destination: 'GB', strategy: 'cheapest', carrierIds: [local.id] }] });
    const [orderId] = ordersTo(bench.core, 'GB');
    await packOrder(bench, orderId!);
    const [first] = await bench.client.call('shipments.list', { orderId });
    await bench.client.call('shipments.void', { id: first!.id });
    await until('voided', async () => (await bench.client.call('shipments.get', { id: first!.id })).status === 'voided');
    const again = await bench.client.call('shipments.buyAgain', { id: first!.id });
    expect(again).toMatchObject({ status: 'bought', carrierName: 'Local courier', replacesId: first!.id });
    expect(again.trackingNumber).not.toBe(first!.trackingNumber);
    await settle(bench.core);
    expect(await renderAndDecode(bench.printer.jobs.at(-1)!.text)).toContainEqual({ format: 'Code128', text: again.trackingNumber });
    const rows = deliverable(bench.core, orderId!);
    expect(rows.map((r) => [r.payload.tracking?.number, r.state === 'skipped'])).toEqual([[first!.trackingNumber, true], [again.trackingNumber, false]]);
  });

  it('a parcel that has a live label, or an order cancelled since, is not bought again', async () => {
    const [a] = ordersTo(bench.core, 'US');
    await packOrder(bench, a!);
    const first = await boughtLabel(a!);
    await settle(bench.core);
    await bench.client.call('shipments.void', { id: first.id });
    await until('voided', async () => (await bench.client.call('shipments.get', { id: first.id })).status === 'voided');
    bench.core.workspace().repos.db.$client.prepare(`UPDATE orders SET status = 'cancelled' WHERE id = ?`).run(a!);
    await expect(bench.client.call('shipments.buyAgain', { id: first.id })).rejects.toThrow(/cancelled/);
    expect(bench.easypost.purchases).toHaveLength(1);
  });
});

describe('weights the catalog does not know', () => {
  const bench = useShippingBench();

  it('a parcel with an item the catalog cannot weigh is held in words, not bought light; once the weight is added, Buy now buys at the full weight', async () => {
    const [orderId] = ordersTo(bench.core, 'US');
    const db = bench.core.workspace().repos.db.$client;
    const [line] = bench.core.workspace().repos.orders.lines(orderId!);
    const variant = bench.core.workspace().repos.catalog.variantBySku(line!.sku)!;
    // a SKU that came from a shop without weights
    db.prepare('UPDATE variants SET weight_grams = 0 WHERE id = ?').run(variant.id);
    const view = await bench.client.call('pack.open', { orderId: orderId! });
    const plan = await bench.client.call('shipping.parcel', { sessionId: view.sessionId });
    expect(plan.plan).toMatch(new RegExp(`Weigh this parcel and type its weight: the catalog has no weight for .*${line!.sku}`));
    await scanAll(bench.core, bench.client, view.sessionId);
    await bench.client.call('pack.complete', { sessionId: view.sessionId });
    const [held] = await bench.client.call('shipments.list', { orderId });
    expect(held).toMatchObject({ status: 'held' });
    expect(held!.words).toMatch(new RegExp(`The catalog has no weight for .*${line!.sku}.*Add the weight in the catalog, then press Buy now`));
    await bench.core.workspace().shipping.queue.idle();
    expect(bench.easypost.requests.filter((r) => r.path === '/v2/shipments')).toHaveLength(0);
    await expect(bench.client.call('shipments.retry', { id: held!.id })).rejects.toThrow(/no weight for/);

    db.prepare('UPDATE variants SET weight_grams = 250 WHERE id = ?').run(variant.id);
    await bench.client.call('shipments.retry', { id: held!.id });
    const bought = await until('bought', async () => (await bench.client.call('shipments.get', { id: held!.id })).status === 'bought' && bench.client.call('shipments.get', { id: held!.id }));
    expect(bought.weightGrams).toBeGreaterThan(held!.weightGrams);
    const shp = bench.easypost.shipments.get(bench.easypost.purchases[0]!.shipmentId)!;
    expect(Number((shp.parcel as { weight: number }).weight)).toBeCloseTo(Math.round((bought.weightGrams / 28.349523125) * 10) / 10, 1);
  });
});
