import { describe, expect, it } from 'vitest';
import { renderAndDecode } from '../support/barcodes';
import { itemCode, shippedOrder } from '../support/returns-helpers';
import { settle, until, useShippingBench, type ShippingBench } from '../support/shipping-bench';

/** A shipped order whose outbound label is bought, so the return label is the next purchase. */
async function sentOrder(bench: ShippingBench) {
  const order = await shippedOrder(bench.core, bench.client);
  await until('outbound label', async () => (await bench.client.call('shipments.list', { orderId: order.orderId })).some((s) => s.status === 'bought'));
  await settle(bench.core);
  return order;
}

describe('return labels and parcels on their way back', () => {
  const bench = useShippingBench();

  it('buys an EasyPost return label (is_return, addresses as sent, swapped by the carrier), prints it, and the label opens the return', async () => {
    const { core, client, easypost } = bench;
    const order = await sentOrder(bench);
    const outbound = easypost.purchases.length;
    const lines = (await client.call('orders.get', { id: order.orderId })).lines;
    const printedBefore = bench.printer.jobs.length;
    const created = await client.call('returns.create', { orderId: order.orderId, shipping: 'label', lines: [{ orderLineId: lines[0]!.id, quantity: 1, reasonCode: 'faulty' }] });
    expect(created.label?.status).toMatch(/pending|buying/);

    const sent = await until('return label bought', async () => {
      const v = await client.call('returns.get', { id: created.id });
      return v.status === 'label_sent' ? v : undefined;
    });
    await settle(core);
    expect(easypost.purchases).toHaveLength(outbound + 1);
    const purchase = easypost.purchases.at(-1)!;
    expect(purchase.isReturn).toBe(true);
    const shp = easypost.shipments.get(purchase.shipmentId)!;
    // EasyPost swapped them: the label goes to the shop, from the customer
    expect(shp.to_address.name).toBe('Packbench Demo Shop');
    expect(shp.from_address.name).toBe('Ada Lovelace');
    expect(sent.label!.trackingNumber).toBe(purchase.tracking);
    expect(sent.tracking.number).toBe(purchase.tracking);

    // printed on the bench printer; its barcode is the return's tracking number
    expect(bench.printer.jobs.length).toBe(printedBefore + 1);
    expect(await renderAndDecode(bench.printer.jobs.at(-1)!.text)).toContainEqual({ format: 'Code128', text: purchase.tracking });
    // a return label is no fulfilment, and the order stays shipped
    const fulfilled = core.workspace().repos.db.$client.prepare(`SELECT count(*) AS n FROM outbox WHERE topic = 'order.fulfilled' AND json_extract(payload, '$.orderId') = ?`).get(order.orderId) as { n: number };
    expect(fulfilled.n).toBe(1);
    const detail = await client.call('orders.get', { id: order.orderId });
    expect(detail.status).toBe('shipped');
    expect(detail.events.find((e) => e.kind === 'return_label')!.message).toContain(purchase.tracking);
    // return labels are on no end-of-day manifest
    expect(core.workspace().repos.shipping.unmanifested(bench.easypostId).map((s) => s.returnId)).not.toContain(created.id);

    // the carrier says it is moving, then delivered: the queue says so, the timeline too
    easypost.setTracking(purchase.tracking, 'in_transit', 'departed_facility');
    expect((await client.call('returns.checkTracking', {})).checked).toBe(1);
    let row = (await client.call('returns.list', { view: 'expected' })).find((r) => r.id === created.id)!;
    expect(row.status).toBe('in_transit');
    expect(row.inbound).toBe('On its way back (departed_facility).');
    easypost.setTracking(purchase.tracking, 'delivered', 'arrived_at_destination');
    await client.call('returns.checkTracking', {});
    row = (await client.call('returns.list', { view: 'expected' })).find((r) => r.id === created.id)!;
    expect(row.inbound).toBe('Delivered to the shop (arrived_at_destination): scan it in.');
    expect((await client.call('orders.get', { id: order.orderId })).events.filter((e) => e.kind === 'return_tracking')).toHaveLength(2);

    // the return label's barcode opens the return at the bench (a USPS label carries the 420+ZIP routing prefix too)
    const code = /^9[1-5]/.test(purchase.tracking) ? `42094104${purchase.tracking}` : purchase.tracking;
    const opened = await client.call('returns.open', { code });
    expect(opened.kind === 'return' && opened.view.status).toBe('received');
    const r = await client.call('returns.scan', { returnId: created.id, code: itemCode(core, lines[0]!.sku) });
    expect(r.outcome).toBe('accepted');
  });

  it('Shippo return labels ask for extra.is_return; a customer who pays return shipping has the label taken off the refund', async () => {
    const { client, shippo } = bench;
    await client.call('shipping.saveRules', { buyLabels: true, customsSigner: 'Test Shop', fallback: { strategy: 'cheapest', carrierIds: [bench.shippoId] } });
    await client.call('returns.saveRules', { ...(await client.call('returns.rules', {})), returnShippingPaidBy: 'customer' });
    const order = await sentOrder(bench);
    const lines = (await client.call('orders.get', { id: order.orderId })).lines;
    const created = await client.call('returns.create', { orderId: order.orderId, shipping: 'label', lines: [{ orderLineId: lines[1]!.id, quantity: 1, reasonCode: 'changed_mind' }] });
    const sent = await until('label', async () => { const v = await client.call('returns.get', { id: created.id }); return v.status === 'label_sent' ? v : undefined; });
    const shp = [...shippo.shipments.values()].at(-1)!;
    expect(shp.extra).toEqual({ is_return: true });
    expect(shp.address_to.name).toBe('Packbench Demo Shop');
    expect(sent.label!.priceMinor).toBeGreaterThan(0);
    // the label (USD) is not in the order's currency (GBP): kept in words, not taken off
    expect(sent.preview.labelMinor).toBe(0);
    expect(sent.preview.words.join(' ')).toContain('bought in USD, not GBP');
  });

  it('closing a return whose label was bought voids the label at the carrier', async () => {
    const { client, easypost } = bench;
    const order = await sentOrder(bench);
    const lines = (await client.call('orders.get', { id: order.orderId })).lines;
    const created = await client.call('returns.create', { orderId: order.orderId, shipping: 'label', lines: [{ orderLineId: lines[2]!.id, quantity: 1, reasonCode: 'wrong_size' }] });
    await until('label', async () => (await client.call('returns.get', { id: created.id })).status === 'label_sent');
    const closed = await client.call('returns.close', { returnId: created.id, reason: 'The customer kept it after all' });
    expect(closed.status).toBe('closed');
    await until('voided', async () => (await client.call('shipments.get', { id: closed.label!.shipmentId })).status === 'voided');
    expect(easypost.refunds).toContain(easypost.purchases.at(-1)!.shipmentId);
    // and what was on it can be returned again
    expect((await client.call('returns.forOrder', { orderId: order.orderId })).lines.find((l) => l.orderLineId === lines[2]!.id)!.returnable).toBe(1);
  });
});
